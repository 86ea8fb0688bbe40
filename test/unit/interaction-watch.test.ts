import { describe, expect, it } from 'vitest';
import { createClinicalNormaliser } from '../../src/domain/clinical/clinical-normaliser.js';
import { createInteractionChecker } from '../../src/domain/clinical/interaction-checker.js';
import { lazyInteractionRuleSet } from '../../src/domain/clinical/interaction-rules-loader.js';
import { createMedicationLexicon } from '../../src/domain/medications/medication-lexicon.js';
import type { MedicationEntry } from '../../src/domain/medications/medication.js';
import { resolveIngredients } from '../../src/domain/medications/resolve-ingredients.js';
import { watchMedications } from '../../src/usecases/interactions/watch-medications.js';

const ruleSet = lazyInteractionRuleSet();
const lexicon = createMedicationLexicon(createClinicalNormaliser(), () => ruleSet().ingredients);
let seq = 0;

function entry(text: string, prescriberId: string | null): MedicationEntry {
  const { ingredients, unresolved } = resolveIngredients(lexicon, text, []);
  return {
    id: `e${++seq}`, caseId: 'case-1', source: prescriberId ? 'clinician' : 'ehr', ehrRef: null, text, ingredients, unresolved, dose: null, route: null, frequency: null,
    prescriberId, prescriberName: null, institutionId: null, startOn: null, stopOn: null, status: 'active', createdAt: seq, createdBy: prescriberId ?? 'importer',
  };
}

/** The watch over an in-memory medication list and alert store, recording what it told whom. */
function world(disabled: string[] = []) {
  const meds: MedicationEntry[] = [];
  const pairs = new Set<string>();
  const cards: string[] = [];
  const unchecked: string[] = [];
  const tracked: { urgent: boolean; recipients: readonly string[] }[] = [];
  const watch = watchMedications({
    medications: { activeForCase: async () => meds.filter((m) => m.status === 'active') },
    checker: createInteractionChecker(ruleSet),
    lexicon,
    ruleReviews: { disabledRuleIds: async () => new Set(disabled) },
    repo: { insert: async (a) => (pairs.has(`${a.entryA}|${a.entryB}`) ? false : (pairs.add(`${a.entryA}|${a.entryB}`), true)) },
    attendingsOf: async () => ['dr-attending'],
    notices: { alert: async (n) => void cards.push(`${n.clinicianId}:${n.severity}`), unchecked: async (n) => void unchecked.push(n.clinicianId) },
    escalation: { track: async (t) => (tracked.push({ urgent: t.urgent, recipients: t.recipients }), 0) },
    transaction: (body) => body(),
    audit: { append: () => 0 } as never,
    clock: { now: () => 1000 } as never,
    newId: () => `alert-${++seq}`,
  });
  const add = async (e: MedicationEntry) => {
    meds.push(e);
    await watch({ caseId: 'case-1', caseCode: 'C-TEST1', entry: e, actorId: e.createdBy });
  };
  return { add, cards, unchecked, tracked, pairs };
}

describe('the interaction watch (OnMedicationAdded)', () => {
  it('alerts both prescribers and the attending once per pair, and chases a major one', async () => {
    const w = world();
    await w.add(entry('warfarin', 'dr-a'));
    await w.add(entry('ibuprofen', 'dr-b'));
    expect(w.cards.sort()).toEqual(['dr-a:major', 'dr-attending:major', 'dr-b:major']);
    expect(w.tracked.map((t) => ({ ...t, recipients: [...t.recipients].sort() }))).toEqual([{ urgent: true, recipients: ['dr-a', 'dr-attending', 'dr-b'] }]);
    // The same pair seen again (a redelivered event): no second alert.
    const again = world();
    const [a, b] = [entry('warfarin', 'dr-a'), entry('ibuprofen', 'dr-b')];
    await again.add(a);
    await again.add(b);
    await again.add(a); // a re-announced entry is checked against b: the stored pair answers "already alerted"
    expect(again.cards).toHaveLength(3);
  });

  it('chases an unread moderate alert too: every interaction card is urgent (clopidogrel + omeprazole)', async () => {
    const w = world();
    await w.add(entry('clopidogrel', 'dr-a'));
    await w.add(entry('omeprazole', 'dr-b'));
    expect(w.cards.sort()).toEqual(['dr-a:moderate', 'dr-attending:moderate', 'dr-b:moderate']);
    expect(w.tracked.map((t) => t.urgent)).toEqual([true]);
  });

  it('honours a rule a pharmacist disabled: no alert from it', async () => {
    const w = world(['anticoag-vka-nsaids']);
    await w.add(entry('warfarin', 'dr-a'));
    await w.add(entry('ibuprofen', 'dr-b'));
    expect(w.cards).toEqual([]);
  });

  it('never alerts on the ingredients of one entry (one co-formulated product), but does between entries', async () => {
    const w = world();
    // One entry whose ingredients would interact as two entries: it is one product, never paired with itself.
    const combo = { ...entry('warfarin', 'dr-a'), text: 'combination product', ingredients: [lexicon.ingredientId('warfarin'), lexicon.ingredientId('ibuprofen')] };
    await w.add(combo);
    await w.add(entry('co-amoxiclav', 'dr-a'));
    expect(w.cards).toEqual([]);
    await w.add(entry('ibuprofen', 'dr-b')); // against the combination's warfarin: an alert
    expect(w.cards.sort()).toEqual(['dr-a:major', 'dr-attending:major', 'dr-b:major']);
  });

  it('an unresolved entry is reported to its prescriber; an EHR entry with no known prescriber to the attending(s)', async () => {
    const w = world();
    await w.add(entry('Zzyxoprofen 200 mg', 'dr-a'));
    await w.add(entry('Qwertazole', null));
    expect(w.unchecked).toEqual(['dr-a', 'dr-attending']);
    expect(w.cards).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRuleFirings } from '../../src/domain/consult-rules/rule-firings.js';
import { createRuleSetStore } from '../../src/domain/consult-rules/rule-set-store.js';
import { createRuleSource } from '../../src/domain/consult-rules/rule-source.js';
import { readConsultRulesFile } from '../../src/domain/consult-rules/rules-file.js';
import type { EhrObservation } from '../../src/domain/ehr/ehr-port.js';
import type { AuditInput } from '../../src/shared/audit-sink.js';
import { createLogger } from '../../src/shared/logger.js';
import { fireOnDocument, fireOnObservations, type FireRulesDeps } from '../../src/usecases/consult-rules/fire-consult-rules.js';
import type { OpenReferralInput } from '../../src/usecases/referrals/referral-ports.js';
import { tempDb } from '../helpers/temp-db.js';

/**
 * Firing through the real stores (SQLite) with a recording OpenReferral: the rule engine's own
 * behaviour. The same story through the real referrals module and the SDK is in consult-rules-e2e.test.ts.
 */
describe('consult rules fire once per item and open a referral by themselves', () => {
  let db: ReturnType<typeof tempDb>;
  let opened: OpenReferralInput[];
  let audited: AuditInput[];
  let failNext: boolean;
  let deps: FireRulesDeps;
  let firings: ReturnType<typeof createRuleFirings>;

  beforeEach(() => {
    db = tempDb();
    opened = [];
    audited = [];
    failNext = false;
    const sets = createRuleSetStore(db.db, db.store);
    deps = {
      rules: createRuleSource({ store: sets, file: readConsultRulesFile() }),
      firings: (firings = createRuleFirings(db.db, db.store)),
      openReferral: async (input) => {
        if (failNext) {
          failNext = false;
          throw new Error('nobody on call');
        }
        opened.push(input);
        return { referralId: `ref-${opened.length}`, assigneeId: 'doc-x', status: 'sent' };
      },
      institutionIdOf: async (code) => (code === 'QMH' ? 'inst-qmh' : null),
      audit: { append: (e) => audited.push(e) },
      clock: { now: () => 1_764_000_000_000 },
      logger: createLogger('silent'),
    };
  });
  afterEach(() => db.cleanup());

  const ecg = (documentId: string, flags: string[]) => ({ caseId: 'case-1', caseCode: 'C-7KQ2M', documentId, docType: 'ecg', flags });
  const trop = (ref: string, value: number): EhrObservation => ({ ref, codes: [{ system: 'http://loinc.org', code: '6598-7' }], value, unit: 'ng/L' });

  it('When an ECG flagged STEMI? is shared, then an emergency cardiology referral opens by the system with the rule as trigger, and the firing is audited', async () => {
    const fired = await fireOnDocument(deps, ecg('doc-1', ['STEMI?']));
    expect(fired).toEqual([{ ruleId: 'ecg-stemi', itemType: 'document', itemId: 'doc-1', referralId: 'ref-1' }]);
    // Exactly these fields: the rule asks for a referral and nothing else (no grant; no requester, so the referral module tells the attendings).
    expect(opened).toEqual([{ caseId: 'case-1', requesterId: null, specialty: 'cardiology', institutionId: null, severity: 'emergency', purposeCode: 'emergency', trigger: { ruleId: 'ecg-stemi', itemType: 'document', itemId: 'doc-1' } }]);
    expect(audited).toEqual([{ actor: 'system', action: 'consult_rule.fired', target: 'doc-1', reason: 'ecg-stemi', outcome: 'success' }]);
    expect(JSON.stringify(audited)).not.toContain('STEMI');
    expect((await firings.forItem('document', 'doc-1'))[0]).toMatchObject({ ruleId: 'ecg-stemi', caseId: 'case-1', referralId: 'ref-1' });
  });

  it('When the same document is evaluated again, then nothing fires a second time', async () => {
    await fireOnDocument(deps, ecg('doc-1', ['STEMI?']));
    expect(await fireOnDocument(deps, ecg('doc-1', ['STEMI?']))).toEqual([]);
    await Promise.all([fireOnDocument(deps, ecg('doc-2', ['stemi?'])), fireOnDocument(deps, ecg('doc-2', ['STEMI?']))]);
    expect(opened.map((o) => o.trigger?.itemId)).toEqual(['doc-1', 'doc-2']);
  });

  it('When an ECG has no flag, then no rule fires and nothing is recorded', async () => {
    expect(await fireOnDocument(deps, ecg('doc-3', []))).toEqual([]);
    expect(opened).toEqual([]);
    expect(audited).toEqual([]);
  });

  it('When results are imported, then a high troponin fires once per result, a normal one never, and a re-import fires nothing new', async () => {
    const first = await fireOnObservations(deps, { caseId: 'case-1', caseCode: 'C-7KQ2M', observations: [trop('Observation/1', 80), trop('Observation/2', 10)] });
    expect(first.map((f) => [f.ruleId, f.itemId])).toEqual([['troponin-high', 'Observation/1']]);
    expect(opened[0]).toMatchObject({ severity: 'urgent', specialty: 'cardiology', trigger: { itemType: 'observation', itemId: 'Observation/1' } });
    expect(await fireOnObservations(deps, { caseId: 'case-1', caseCode: 'C-7KQ2M', observations: [trop('Observation/1', 80)] })).toEqual([]);
    expect(opened).toHaveLength(1);
  });

  it('When the referral cannot be opened, then the claim is given back, the failure audited, and the item fires on the next evaluation', async () => {
    failNext = true;
    expect(await fireOnDocument(deps, ecg('doc-4', ['STEMI?']))).toEqual([]);
    expect(audited).toEqual([expect.objectContaining({ action: 'consult_rule.fired', outcome: 'failure', reason: 'ecg-stemi' })]);
    expect(await fireOnDocument(deps, ecg('doc-4', ['STEMI?']))).toHaveLength(1);
  });

  it('When a saved rule names an institution, then the referral goes there; the saved set replaces the file at the next evaluation', async () => {
    const sets = createRuleSetStore(db.db, db.store);
    const file = readConsultRulesFile();
    if (!file.ok) throw new Error('shipped file invalid');
    const rules = file.set.rules.map((r) => (r.id === 'ecg-stemi' ? { ...r, institution: 'QMH', match: { document: { types: ['ecg' as const] } } } : r));
    await sets.save({ rulesJson: JSON.stringify({ rules }), updatedBy: 'admin', updatedAt: 1 }, 0);
    await fireOnDocument(deps, ecg('doc-5', []));
    expect(opened).toEqual([expect.objectContaining({ institutionId: 'inst-qmh', trigger: expect.objectContaining({ itemId: 'doc-5' }) })]);
  });
});

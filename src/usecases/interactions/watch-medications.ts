import type { InteractionChecker } from '../../domain/clinical/interaction-checker.js';
import type { Severity } from '../../domain/clinical/interaction-rule-schema.js';
import type { RuleReviews } from '../../domain/clinical/rule-reviews.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { InteractionRepository } from '../../domain/interactions/interaction-repository.js';
import type { InteractionRecipientRole } from '../../domain/interactions/interaction-tables.js';
import type { MedicationAdded, MedicationEntry, OnMedicationAdded } from '../../domain/medications/medication.js';
import type { MedicationLexicon } from '../../domain/medications/medication-lexicon.js';
import { medicationProduct } from '../../domain/medications/resolve-ingredients.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import type { CaseMedications, InteractionNotices } from './interaction-ports.js';

export interface WatchMedicationsDeps {
  medications: Pick<CaseMedications, 'activeForCase'>;
  checker: Pick<InteractionChecker, 'check'>;
  lexicon: Pick<MedicationLexicon, 'drugEntry'>;
  ruleReviews: RuleReviews;
  repo: Pick<InteractionRepository, 'insert'>;
  attendingsOf: (caseId: string) => Promise<string[]>;
  notices: InteractionNotices;
  escalation: Pick<EscalationService, 'track'>;
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
  newId: () => string;
}

/**
 * The interaction watch, meds-core's `OnMedicationAdded`: the new entry against the case's other active
 * entries, with the checker and the rules a pharmacist has not disabled. Each interacting pair is stored
 * once (whichever side is checked), and its card goes to both prescribers and the attending(s) in the
 * same transaction; unread ones are escalated. An entry that could not be resolved is never taken as
 * "no interaction": its prescriber (else the attendings) hears that it was not checked.
 */
export function watchMedications(deps: WatchMedicationsDeps): OnMedicationAdded {
  return async (event: MedicationAdded) => {
    const { entry, caseId, caseCode } = event;
    const attendings = await deps.attendingsOf(caseId);
    if (medicationProduct(deps.lexicon, entry).resolution === undefined) await tellUnchecked(deps, event, attendings);
    if (entry.status !== 'active') return;
    const others = (await deps.medications.activeForCase(caseId)).filter((e) => e.id !== entry.id);
    if (others.length === 0) return;
    const products = [entry, ...others].map((e) => medicationProduct(deps.lexicon, e));
    const result = deps.checker.check(products, { disabledRules: await deps.ruleReviews.disabledRuleIds() });
    for (const found of result.alerts) {
      if (found.products[0] !== 0) continue; // only pairs with the new entry: the others were checked when added
      const other = others[found.products[1] - 1]!;
      await store(deps, event, other, { rule: found.rule, severity: found.severity, crossPrescriber: found.crossPrescriber, version: result.ruleSet.version }, attendings);
    }
  };
}

function recipientsOf(pair: readonly MedicationEntry[], attendings: readonly string[]) {
  const out = new Map<string, InteractionRecipientRole>();
  for (const e of pair) if (e.prescriberId) out.set(e.prescriberId, 'prescriber');
  for (const a of attendings) if (!out.has(a)) out.set(a, 'attending');
  return [...out].map(([clinicianId, role]) => ({ clinicianId, role }));
}

async function store(
  deps: WatchMedicationsDeps,
  event: MedicationAdded,
  other: MedicationEntry,
  found: { rule: string; severity: Severity; crossPrescriber: boolean; version: string },
  attendings: readonly string[],
): Promise<void> {
  const [entryA, entryB] = [event.entry.id, other.id].sort() as [string, string];
  const recipients = recipientsOf([event.entry, other], attendings);
  const id = deps.newId();
  const now = deps.clock.now();
  await deps.transaction(async () => {
    const alert = { id, caseId: event.caseId, entryA, entryB, ruleId: found.rule, severity: found.severity, ruleSetVersion: found.version, crossPrescriber: found.crossPrescriber, createdAt: now };
    if (!(await deps.repo.insert(alert, recipients))) return; // this pair already has its alert
    for (const r of recipients) await deps.notices.alert({ alertId: id, caseCode: event.caseCode, severity: found.severity, clinicianId: r.clinicianId });
    const ids = recipients.map((r) => r.clinicianId);
    await deps.escalation.track({ itemType: 'interaction', itemId: id, caseId: event.caseId, recipients: ids, urgent: true }, now);
    deps.audit.append({ actor: event.actorId, action: AUDIT_ACTIONS.interactionAlerted, target: id, outcome: 'success', reason: `${found.severity}:${found.rule}`, at: now }, { now: true });
  });
}

async function tellUnchecked(deps: WatchMedicationsDeps, event: MedicationAdded, attendings: readonly string[]): Promise<void> {
  const to = event.entry.prescriberId ? [event.entry.prescriberId] : attendings;
  await deps.transaction(async () => {
    for (const clinicianId of to) await deps.notices.unchecked({ entryId: event.entry.id, caseCode: event.caseCode, clinicianId });
    deps.audit.append({ actor: event.actorId, action: AUDIT_ACTIONS.interactionUnchecked, target: event.entry.id, outcome: 'success', reason: to.length > 0 ? 'told' : 'nobody_to_tell' }, { now: true });
  });
}

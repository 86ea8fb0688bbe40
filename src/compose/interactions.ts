import { createInteractionNotices } from '../bot/flows/interaction-notices.js';
import type { Notifier } from '../bot/outbound.js';
import type { CaseQueries } from '../domain/cases/case-queries.js';
import { createInteractionChecker } from '../domain/clinical/interaction-checker.js';
import type { RuleReviews } from '../domain/clinical/rule-reviews.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { EscalationService } from '../domain/escalation/escalation-service.js';
import { interactionEscalationKind } from '../domain/interactions/interaction-escalation.js';
import type { InteractionRepository } from '../domain/interactions/interaction-repository.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import type { Transaction } from '../shared/transactions.js';
import { watchMedications } from '../usecases/interactions/watch-medications.js';
import type { Medications } from './medications.js';

/** Until the pharmacist's review store is wired: no rule is disabled. */
export const NO_DISABLED_RULES: RuleReviews = { disabledRuleIds: async () => new Set<string>() };

/**
 * Interaction alerts wired: the repository, the checker over meds-core's rule set (one for the service,
 * loaded at the first check), the watch registered as a listener of new medication entries, its chat
 * notices, and the `interaction` kind on the escalation engine.
 */
export function createInteractions(deps: {
  repo: InteractionRepository;
  transaction: Transaction;
  medications: Pick<Medications, 'repo' | 'lexicon' | 'ruleSet' | 'onMedicationAdded'>;
  ruleReviews?: RuleReviews;
  cases: Pick<CaseQueries, 'attendingsOf'>;
  directoryRepo: Pick<DirectoryRepository, 'findById'>;
  notify: Notifier;
  publicUrl: string;
  escalation: Pick<EscalationService, 'track' | 'useKind'>;
  audit: AuditSink;
  clock: Clock;
}) {
  const { repo } = deps;
  const checker = createInteractionChecker(deps.medications.ruleSet);
  deps.escalation.useKind('interaction', interactionEscalationKind(repo));
  const onMedicationAdded = watchMedications({
    medications: deps.medications.repo,
    checker,
    lexicon: deps.medications.lexicon,
    ruleReviews: deps.ruleReviews ?? NO_DISABLED_RULES,
    repo,
    attendingsOf: async (caseId) => (await deps.cases.attendingsOf(caseId)).map((m) => m.clinicianId),
    notices: createInteractionNotices({ directoryRepo: deps.directoryRepo, notify: deps.notify, publicUrl: deps.publicUrl }),
    escalation: deps.escalation,
    transaction: deps.transaction,
    audit: deps.audit,
    clock: deps.clock,
    newId,
  });
  deps.medications.onMedicationAdded(onMedicationAdded);
  return { repo, checker, onMedicationAdded };
}

export type Interactions = ReturnType<typeof createInteractions>;

import { randomUUID } from 'node:crypto';
import type { DbHandle } from '../db/client.js';
import { createInteractionNotices } from '../bot/flows/interaction-notices.js';
import type { Notifier } from '../bot/outbound.js';
import type { CaseQueries } from '../domain/cases/case-queries.js';
import type { ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import { createInteractionChecker } from '../domain/clinical/interaction-checker.js';
import { lazyInteractionRuleSet } from '../domain/clinical/interaction-rules-loader.js';
import type { RuleReviews } from '../domain/clinical/rule-reviews.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { EscalationService } from '../domain/escalation/escalation-service.js';
import { interactionEscalationKind } from '../domain/interactions/interaction-escalation.js';
import { createInteractionRepository } from '../domain/interactions/interaction-repository.js';
import type { FreeTextCipher } from '../domain/patients/free-text-cipher.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import type { CaseMedications } from '../usecases/interactions/interaction-ports.js';
import { watchMedications } from '../usecases/interactions/watch-medications.js';

/** Until the pharmacist's review store is wired: no rule is disabled. */
export const NO_DISABLED_RULES: RuleReviews = { disabledRuleIds: async () => new Set<string>() };

/**
 * Interaction alerts wired: the repository, the checker over the shipped rule set (loaded at the first
 * check), the watch handed to meds-core's use cases as their `OnMedicationAdded`, its chat notices,
 * and the `interaction` kind on the escalation engine. Returns what the HTTP routes need.
 */
export function createInteractions(deps: {
  dbh: DbHandle;
  texts: FreeTextCipher;
  medications: CaseMedications;
  normaliser: Pick<ClinicalNormaliser, 'drugEntry'>;
  ruleReviews?: RuleReviews;
  cases: Pick<CaseQueries, 'attendingsOf'>;
  directoryRepo: Pick<DirectoryRepository, 'findById'>;
  notify: Notifier;
  publicUrl: string;
  escalation: Pick<EscalationService, 'track' | 'opened' | 'cancel' | 'useKind'>;
  audit: AuditSink;
  clock: Clock;
}) {
  const repo = createInteractionRepository(deps.dbh.db, deps.dbh.store, deps.texts);
  const checker = createInteractionChecker(lazyInteractionRuleSet());
  const drugs = (id: string) => deps.normaliser.drugEntry(id);
  deps.escalation.useKind('interaction', interactionEscalationKind(repo));
  const onMedicationAdded = watchMedications({
    medications: deps.medications,
    checker,
    drugs,
    ruleReviews: deps.ruleReviews ?? NO_DISABLED_RULES,
    repo,
    attendingsOf: async (caseId) => (await deps.cases.attendingsOf(caseId)).map((m) => m.clinicianId),
    notices: createInteractionNotices({ directoryRepo: deps.directoryRepo, notify: deps.notify, publicUrl: deps.publicUrl }),
    escalation: deps.escalation,
    transaction: deps.dbh.store.transaction,
    audit: deps.audit,
    clock: deps.clock,
    newId: randomUUID,
  });
  return { repo, checker, drugs, medications: deps.medications, onMedicationAdded };
}

export type Interactions = ReturnType<typeof createInteractions>;

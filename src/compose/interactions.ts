import { randomUUID } from 'node:crypto';
import type { DbHandle } from '../db/client.js';
import { createInteractionNotices } from '../bot/flows/interaction-notices.js';
import type { Notifier } from '../bot/outbound.js';
import type { CaseQueries } from '../domain/cases/case-queries.js';
import { createClinicalNormaliser, type ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import { createInteractionChecker } from '../domain/clinical/interaction-checker.js';
import { lazyInteractionRuleSet } from '../domain/clinical/interaction-rules-loader.js';
import type { RuleReviews } from '../domain/clinical/rule-reviews.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { EscalationService } from '../domain/escalation/escalation-service.js';
import { interactionEscalationKind } from '../domain/interactions/interaction-escalation.js';
import { createInteractionRepository } from '../domain/interactions/interaction-repository.js';
import { createMedicationLexicon } from '../domain/medications/medication-lexicon.js';
import { createMedicationRepository } from '../domain/medications/medication-repository.js';
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
  /** Defaults: meds-core's repository over the same database, the HK normaliser (loaded at first use), no disabled rules. */
  medications?: CaseMedications;
  normaliser?: Pick<ClinicalNormaliser, 'resolveDrug' | 'drugEntry' | 'entryForIngredient'>;
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
  const medications = deps.medications ?? createMedicationRepository(deps.dbh.db, deps.dbh.store, deps.texts);
  const ruleSet = lazyInteractionRuleSet();
  const checker = createInteractionChecker(ruleSet);
  // One rule set (loaded at the first check) for the checker and for the ingredient ids the lexicon lacks.
  const lexicon = createMedicationLexicon(deps.normaliser ?? createClinicalNormaliser(), () => ruleSet().ingredients);
  deps.escalation.useKind('interaction', interactionEscalationKind(repo));
  const onMedicationAdded = watchMedications({
    medications,
    checker,
    lexicon,
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
  return { repo, checker, lexicon, medications, onMedicationAdded };
}

export type Interactions = ReturnType<typeof createInteractions>;

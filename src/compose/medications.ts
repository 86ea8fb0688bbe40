import { createClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import { lazyInteractionRuleSet } from '../domain/clinical/interaction-rules-loader.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { EhrAdapter } from '../domain/ehr/ehr-port.js';
import { createMedicationLexicon } from '../domain/medications/medication-lexicon.js';
import type { MedicationRepository } from '../domain/medications/medication-repository.js';
import type { OnMedicationAdded } from '../domain/medications/medication.js';
import type { MedicationRouteDeps } from '../http/app/medication-routes.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Transaction } from '../shared/transactions.js';
import type { SecureSharing } from './secure-sharing.js';

export interface MedicationsModuleDeps {
  repo: MedicationRepository;
  secure: Pick<SecureSharing, 'cases' | 'authorize'>;
  directory: DirectoryRepository;
  ehr: Pick<EhrAdapter, 'patientMedications'>;
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
}

/**
 * Medications on a case (issue 13 item 1): the HK clinical normaliser and the interaction rule set (one
 * of each for the service, each loaded at its first use), the lexicon the list resolves names with, and
 * the use cases' deps. Whoever must hear of new entries (the interaction watch) registers with
 * `onMedicationAdded`; each listener is called after the entry's transaction has committed.
 */
export function createMedications(deps: MedicationsModuleDeps) {
  const normaliser = createClinicalNormaliser();
  const ruleSet = lazyInteractionRuleSet();
  const lexicon = createMedicationLexicon(normaliser, () => ruleSet().ingredients);
  const listeners: OnMedicationAdded[] = [];
  const onAdded: OnMedicationAdded = async (event) => {
    for (const listener of listeners) await listener(event);
  };
  const useCases: MedicationRouteDeps = {
    medications: deps.repo,
    cases: deps.secure.cases.queries,
    authorize: deps.secure.authorize,
    reveal: deps.secure.cases.reveal,
    directory: deps.directory,
    ehr: deps.ehr,
    lexicon,
    transaction: deps.transaction,
    audit: deps.audit,
    clock: deps.clock,
    logger: deps.logger,
    onAdded,
  };
  return {
    repo: deps.repo,
    normaliser,
    ruleSet,
    lexicon,
    /** What the medication use cases (and their HTTP routes) are given. */
    useCases,
    onMedicationAdded(listener: OnMedicationAdded): void {
      listeners.push(listener);
    },
  };
}

export type Medications = ReturnType<typeof createMedications>;

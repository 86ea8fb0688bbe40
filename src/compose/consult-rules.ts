import { createRuleSource } from '../domain/consult-rules/rule-source.js';
import { readConsultRulesFile } from '../domain/consult-rules/rules-file.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { OnDocumentShared, OnFormFiled } from '../usecases/consult-rules/consult-rule-ports.js';
import { fireOnDocument, fireOnFiledForm, type FireRulesDeps } from '../usecases/consult-rules/fire-consult-rules.js';
import type { OpenReferral } from '../usecases/referrals/referral-ports.js';
import type { Repositories } from './repositories.js';

export interface ConsultRulesOptions {
  repos: Pick<Repositories, 'ruleFirings' | 'ruleSets'>;
  /** Defaults to config/consult-rules.json; tests point it elsewhere. */
  rulesFile?: string;
  openReferral: OpenReferral;
  directory: Pick<DirectoryRepository, 'institutionByCode'>;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
}

/**
 * Consult rules (issue 14, wiring only): the rule source (config file, or the console's saved set),
 * what a firing needs, and the hook sharing calls. A problem in the file is logged at start and shown
 * in the console; the file's rules are then not in force.
 */
export function createConsultRules(o: ConsultRulesOptions) {
  const file = readConsultRulesFile(o.rulesFile);
  if (!file.ok) o.logger.error({ problems: file.problems }, 'consult rules file refused: no file rule is in force');
  const source = createRuleSource({ store: o.repos.ruleSets, file });
  const fire: FireRulesDeps = {
    rules: source,
    firings: o.repos.ruleFirings,
    openReferral: o.openReferral,
    institutionIdOf: async (code) => (await o.directory.institutionByCode(code))?.id ?? null,
    audit: o.audit,
    clock: o.clock,
    logger: o.logger,
  };
  /** After a document is registered: never fails the share (a failure is logged and audited by the firing). */
  const onShared: OnDocumentShared = async (event) => {
    try {
      await fireOnDocument(fire, event);
    } catch (e) {
      o.logger.error({ err: e }, 'consult rules: evaluation failed on a shared document');
    }
  };
  /** After a Yida submission is filed: the same, for its document type, flag fields and result fields. */
  const onFormFiled: OnFormFiled = async (event) => {
    try {
      await fireOnFiledForm(fire, event);
    } catch (e) {
      o.logger.error({ err: e }, 'consult rules: evaluation failed on a filed form');
    }
  };
  return { source, fire, onShared, onFormFiled, ruleSets: o.repos.ruleSets, firings: o.repos.ruleFirings };
}

export type ConsultRulesModule = ReturnType<typeof createConsultRules>;


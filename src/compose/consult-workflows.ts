import type { Config } from '../config/config.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { EscalationService } from '../domain/escalation/escalation-service.js';
import type { OnCallPort } from '../domain/rosters/on-call.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { CommandDeps } from '../bot/commands/deps.js';
import { createConsultRules } from './consult-rules.js';
import { createMdt } from './mdt-module.js';
import { createReferrals } from './referrals.js';
import type { Repositories } from './repositories.js';
import { createRosters } from './rosters.js';
import type { SecureSharing } from './secure-sharing.js';
import { createYidaForms, type YidaFormsDeps } from './yida-forms.js';

export interface ConsultWorkflowDeps {
  config: Readonly<Config>;
  repos: Repositories;
  secure: SecureSharing;
  medications: YidaFormsDeps['medications'];
  api: YidaFormsDeps['api'];
  outbox: YidaFormsDeps['outbox'] & CommandDeps['outbox'];
  notify: CommandDeps['notify'];
  publicUrl: string;
  directoryRepo: DirectoryRepository;
  escalation: EscalationService;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  /** Referral routing's on-call source; the roster repository unless a test passes its own. */
  onCall?: OnCallPort;
}

/**
 * The consult workflows (issue 14) wired together: on-call rosters, referral routing over them, and
 * consult rules, the Yida form archive, MDT meetings with sign-off. One place, so the service's composition root stays a list of modules.
 */
export function createConsultWorkflows(deps: ConsultWorkflowDeps) {
  const { config, repos, secure, directoryRepo, audit, clock } = deps;
  const rosters = createRosters({ repos, directoryRepo, audit, clock, notify: deps.notify }); // .onCall: the OnCallPort referral routing reads
  const referrals = createReferrals({
    config, secure, transaction: repos.transaction, onCall: deps.onCall ?? rosters.onCall, directoryRepo,
    escalation: deps.escalation, chat: { outbox: deps.outbox, notify: deps.notify }, audit, clock,
  });
  // Consult rules: fire on shared documents and imported results, through the referral port.
  const consultRules = createConsultRules({ repos, openReferral: referrals.open, directory: directoryRepo, audit, clock, logger: deps.logger });
  const yidaForms = createYidaForms({ config, repos, secure, medications: deps.medications, api: deps.api, outbox: deps.outbox, audit, clock, onFiled: consultRules.onFormFiled });
  const mdt = createMdt({
    config, secure, directoryRepo, normaliser: deps.medications.normaliser, notify: deps.notify, publicUrl: deps.publicUrl,
    transaction: repos.transaction, audit, clock, logger: deps.logger,
  });
  return { rosters, referrals, consultRules, yidaForms, mdt };
}

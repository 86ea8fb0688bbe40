import type { Config } from '../config/config.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { EscalationService } from '../domain/escalation/escalation-service.js';
import type { OnCallPort } from '../domain/rosters/on-call.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import type { Transaction } from '../shared/transactions.js';
import type { CommandDeps } from '../bot/commands/deps.js';
import { createReferralNotices } from '../bot/flows/referral-cards.js';
import { createOpenReferral } from '../usecases/referrals/open-referral.js';
import { referralEscalationKind } from '../usecases/referrals/referral-escalation.js';
import type { RespondReferralDeps } from '../usecases/referrals/respond-referral.js';
import type { SecureSharing } from './secure-sharing.js';

/**
 * Referral routing wired (issue 14 item 2): the repository over sealed text, the chat notices, the
 * `referral` escalation kind registered with the engine, `open` (the OpenReferral port consult rules
 * and the mini-app call) and the deps of the respond use cases (seen, accept, decline, cancel).
 */
export function createReferrals(deps: {
  config: Pick<Config, 'referrals' | 'escalation'>;
  secure: Pick<SecureSharing, 'sealed' | 'casesRepo' | 'cases' | 'grantConsultAccess'>;
  transaction: Transaction;
  onCall: OnCallPort;
  directoryRepo: DirectoryRepository;
  escalation: Pick<EscalationService, 'track' | 'cancel' | 'useKind'>;
  chat: Pick<CommandDeps, 'outbox' | 'notify'>;
  audit: AuditSink;
  clock: Clock;
}) {
  const { secure, audit, clock, transaction } = deps;
  const settings = deps.config.referrals;
  const repo = secure.sealed.referrals;
  const notices = createReferralNotices({ directoryRepo: deps.directoryRepo, casesRepo: secure.casesRepo, ...deps.chat }, { remindType: deps.config.escalation.dingRemindType });
  const routing = { onCall: deps.onCall, repo, directory: deps.directoryRepo, settings };
  const attendingsOf = async (caseId: string) => (await secure.cases.queries.attendingsOf(caseId)).map((m) => m.clinicianId);
  deps.escalation.useKind('referral', referralEscalationKind({ ...routing, notices, attendingsOf, audit, clock }));
  const open = createOpenReferral({ ...routing, transaction, escalation: deps.escalation, notices, attendingsOf, audit, clock });
  const respond: RespondReferralDeps = { transaction, repo, escalation: deps.escalation, grantConsult: secure.grantConsultAccess, notices, settings, audit, clock };
  return { repo, open, respond, settings };
}

export type Referrals = ReturnType<typeof createReferrals>;

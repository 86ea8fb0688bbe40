import type { PurposeOfUse } from '../../contract/purpose-of-use.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { DomainError } from '../../shared/errors.js';
import type { Lang } from '../../shared/lang.js';

/** One step of a request waiting on its approvers. */
export interface ApproverAsk {
  requestId: string;
  stepIndex: number;
  approverIds: readonly string[];
  requester: ClinicianRow;
  documentId: string;
  caseCode: string;
  reason: PurposeOfUse;
}

/** A request as recorded: whom it waits on, and its status now. */
export type AccessRequested = ApproverAsk & { status: string };

/** What an approver's decision did. */
export type AccessDecided =
  | { kind: 'next_step'; requestId: string; status: string }
  | { kind: 'granted'; requestId: string; status: string; until: number; grantId: string }
  | { kind: 'declined'; requestId: string; status: string };

/**
 * A step was decided: the requester hears it live (granted until when, declined, or approved and now
 * with whom), and the decider's approval card shows its final state.
 */
export interface DecidedNotice {
  requestId: string;
  requester: ClinicianRow;
  decider: ClinicianRow;
  documentId: string;
  caseCode: string;
  /** The step the decider decided (its card is `req:<requestId>:<stepIndex>:<deciderId>`). */
  stepIndex: number;
  /** Set when access was granted. */
  until?: number;
  /** The grant, when access was granted (the decided card's [Revoke] names it). */
  grantId?: string;
  /** Set when the request moved on to its next step: whom it waits on now. */
  next?: { stepIndex: number; approverIds: readonly string[] };
}

/** The people the access intents notify (the bot sends these as DingTalk messages and cards). */
export interface AccessNotices {
  askApprovers(ask: ApproverAsk): Promise<void>;
  requestExpired(r: { requestId: string; requesterId: string; documentId: string }): Promise<void>;
  tellDecided(d: DecidedNotice): Promise<void>;
}

/**
 * How an outcome reads for the person who acted, in their language (the chat reply, and the mini-app's
 * `message`): supplied by the adapter, so the use cases carry no wording.
 */
export interface AccessReplies {
  requestedReply(r: AccessRequested, lang: Lang): Promise<string>;
  decidedReply(d: AccessDecided, lang: Lang): string;
  /** `approval.would_not_open` (details: missing, requesterId, caseCode) with the approver's words in `details.text`. */
  wouldNotOpen(err: DomainError, lang: Lang): Promise<DomainError>;
}

/** Both halves, as the bot provides them. */
export type AccessChat = AccessNotices & AccessReplies;

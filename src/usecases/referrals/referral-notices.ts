import type { ReferralRow } from '../../domain/referrals/referral-repository.js';

/** What the requester's status card shows next. */
export type ReferralEvent =
  | { kind: 'sent' }
  | { kind: 'nobody' }
  | { kind: 'seen' }
  | { kind: 'accepted'; until: number }
  | { kind: 'declined' }
  | { kind: 'escalated' }
  | { kind: 'unrouted' }
  | { kind: 'cancelled' };

/**
 * How referral steps reach people, implemented at the edge (src/bot/flows/referral-cards.ts) over the
 * outbox; called inside the step's transaction so a step and its messages commit together. Ids and
 * codes only: the sealed reason never leaves the mini-app.
 */
export interface ReferralNotices {
  /** The assignee's 1:1 card with [Accept] and the decline reasons; `handedOnFrom` when escalated to them. */
  toAssignee(r: ReferralRow, opts: { handedOnFrom?: string; ding: boolean }): Promise<void>;
  /** The requester's live status card (posted on `sent`/`nobody`, updated in place after). */
  toRequester(r: ReferralRow, event: ReferralEvent): Promise<void>;
  /** The referral closed without them (cancelled, unrouted): their card says so and loses its buttons. */
  toAssigneeClosed(r: ReferralRow, event: 'cancelled' | 'unrouted'): Promise<void>;
  /** A rule opened it (no requester): the case's attendings are told once (and once more if it turns unrouted). */
  toAttendings(r: ReferralRow, attendingIds: readonly string[], event?: 'unrouted'): Promise<void>;
}

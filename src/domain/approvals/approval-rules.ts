import type { ApproverStep } from './approval-steps.js';
import type { AccessRequestStatus } from './approvals-tables.js';

/** What the rules need to know about a request; no I/O, so they can be tested and property-checked alone. */
export interface RequestSnapshot {
  status: AccessRequestStatus;
  stepIndex: number;
  chain: readonly ApproverStep[];
  expiresAt: number;
  requesterId: string;
  /** Steps decided so far. */
  decided: readonly { stepIndex: number; deciderId: string; decision: 'approve' | 'deny' }[];
}

export interface DecisionAttempt {
  deciderId: string;
  decision: 'approve' | 'deny';
  /** The step index printed on the card that was pressed; absent when not from a card. */
  cardStep?: number;
  now: number;
  /** Approvers of the request's current step (asked lazily: only when the rules get that far). */
  approvers: () => readonly string[];
}

export type Refusal = 'approval.expired' | 'approval.already_decided' | 'conflict' | 'access.denied';

export type Verdict =
  | { ok: true; outcome: 'advanced' | 'approved' | 'denied' }
  /** `reason` is the audit reason code; `expireNow` asks the caller to record the lapse it noticed. */
  | { ok: false; code: Refusal; reason: string; expireNow?: boolean };

export function isLapsed(s: Pick<RequestSnapshot, 'status' | 'expiresAt'>, now: number): boolean {
  return s.status === 'pending' && now >= s.expiresAt;
}

/**
 * The access-request state machine: pending(i) → pending(i+1) | approved | denied, and pending → expired
 * once `expiresAt` passes. Checks run in a fixed order so the same press always gets the same answer:
 * expired, already decided, stale card (a repeat of one's own decision counts as already decided),
 * self-approval, one person approving two steps, not an approver of this step.
 */
export function judge(s: RequestSnapshot, a: DecisionAttempt): Verdict {
  if (s.status === 'expired') return { ok: false, code: 'approval.expired', reason: 'expired' };
  if (isLapsed(s, a.now)) return { ok: false, code: 'approval.expired', reason: 'expired', expireNow: true };
  if (s.status !== 'pending') return { ok: false, code: 'approval.already_decided', reason: 'already_decided' };
  if (a.cardStep !== undefined && a.cardStep !== s.stepIndex) {
    const repeat = s.decided.some((d) => d.stepIndex === a.cardStep && d.deciderId === a.deciderId && d.decision === a.decision);
    return repeat
      ? { ok: false, code: 'approval.already_decided', reason: 'double_press' }
      : { ok: false, code: 'conflict', reason: 'stale_card' };
  }
  if (a.deciderId === s.requesterId) return { ok: false, code: 'access.denied', reason: 'self_approval' };
  // Four eyes: a person who is, say, both attending and privacy officer still approves only one step.
  if (s.decided.some((d) => d.deciderId === a.deciderId)) return { ok: false, code: 'access.denied', reason: 'same_approver' };
  if (!a.approvers().includes(a.deciderId)) return { ok: false, code: 'access.denied', reason: 'not_an_approver' };
  if (a.decision === 'deny') return { ok: true, outcome: 'denied' };
  return { ok: true, outcome: s.stepIndex + 1 < s.chain.length ? 'advanced' : 'approved' };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judge, type DecisionAttempt, type RequestSnapshot } from '../../src/domain/approvals/approval-rules.js';

const T = 1_000_000;
const pending = (over: Partial<RequestSnapshot> = {}): RequestSnapshot => ({
  status: 'pending',
  stepIndex: 0,
  chain: ['attending', 'privacy_officer'],
  expiresAt: T + 100,
  requesterId: 'dr-wong',
  decided: [],
  ...over,
});
const press = (over: Partial<DecisionAttempt> = {}): DecisionAttempt => ({
  deciderId: 'dr-chan',
  decision: 'approve',
  cardStep: 0,
  now: T,
  approvers: () => ['dr-chan', 'po-lee'],
  ...over,
});

describe('judge (access-request rules)', () => {
  it('When the current approver approves a middle step, then it advances; the last step approves; deny ends it', () => {
    expect(judge(pending(), press())).toEqual({ ok: true, outcome: 'advanced' });
    const atLast = pending({ stepIndex: 1, decided: [{ stepIndex: 0, deciderId: 'dr-chan', decision: 'approve' }] });
    expect(judge(atLast, press({ deciderId: 'po-lee', cardStep: 1 }))).toEqual({ ok: true, outcome: 'approved' });
    expect(judge(pending(), press({ decision: 'deny' }))).toEqual({ ok: true, outcome: 'denied' });
  });

  it('When time is up, then expired (and the caller is asked to record it) before anything else is checked', () => {
    expect(judge(pending(), press({ now: T + 100, deciderId: 'nobody', cardStep: 7 }))).toMatchObject({ ok: false, code: 'approval.expired', expireNow: true });
    expect(judge(pending({ status: 'expired' }), press())).toMatchObject({ ok: false, code: 'approval.expired' });
    expect(judge(pending({ status: 'expired' }), press())).not.toHaveProperty('expireNow');
  });

  it('When already decided, then already_decided whatever the card says', () => {
    for (const status of ['approved', 'denied'] as const) {
      expect(judge(pending({ status }), press({ cardStep: 5 }))).toMatchObject({ ok: false, code: 'approval.already_decided' });
    }
  });

  it('When the card is from an earlier step, then a repeat of one’s own decision is already_decided and anything else is conflict', () => {
    const moved = pending({ stepIndex: 1, decided: [{ stepIndex: 0, deciderId: 'dr-chan', decision: 'approve' }] });
    expect(judge(moved, press())).toMatchObject({ code: 'approval.already_decided', reason: 'double_press' });
    expect(judge(moved, press({ decision: 'deny' }))).toMatchObject({ code: 'conflict', reason: 'stale_card' });
    expect(judge(moved, press({ deciderId: 'dr-ho' }))).toMatchObject({ code: 'conflict', reason: 'stale_card' });
  });

  it('When the decider is the requester, a previous step’s decider, or not an approver, then access.denied', () => {
    expect(judge(pending(), press({ deciderId: 'dr-wong', approvers: () => ['dr-wong'] }))).toMatchObject({ code: 'access.denied', reason: 'self_approval' });
    const moved = pending({ stepIndex: 1, decided: [{ stepIndex: 0, deciderId: 'dr-chan', decision: 'approve' }] });
    expect(judge(moved, press({ cardStep: 1 }))).toMatchObject({ code: 'access.denied', reason: 'same_approver' });
    expect(judge(pending(), press({ deciderId: 'dr-lam' }))).toMatchObject({ code: 'access.denied', reason: 'not_an_approver' });
  });

  it('Property: only a pending, unexpired request whose current approver presses its current card is ever accepted', () => {
    const snapshot = fc.record({
      status: fc.constantFrom('pending' as const, 'approved' as const, 'denied' as const, 'expired' as const),
      stepIndex: fc.integer({ min: 0, max: 2 }),
      chain: fc.constant(['attending', 'privacy_officer', 'attending'] as const).map((c) => [...c]),
      expiresAt: fc.integer({ min: T - 10, max: T + 10 }),
      requesterId: fc.constantFrom('a', 'b'),
      decided: fc.array(fc.record({ stepIndex: fc.integer({ min: 0, max: 2 }), deciderId: fc.constantFrom('a', 'b', 'c'), decision: fc.constantFrom('approve' as const, 'deny' as const) }), { maxLength: 3 }),
    });
    const attempt = fc.record({
      deciderId: fc.constantFrom('a', 'b', 'c', 'd'),
      decision: fc.constantFrom('approve' as const, 'deny' as const),
      cardStep: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      approverList: fc.subarray(['a', 'b', 'c', 'd']),
    });
    fc.assert(
      fc.property(snapshot, attempt, (s, a) => {
        const v = judge(s, { ...a, now: T, approvers: () => a.approverList });
        const acceptable =
          s.status === 'pending' &&
          T < s.expiresAt &&
          (a.cardStep === undefined || a.cardStep === s.stepIndex) &&
          a.deciderId !== s.requesterId &&
          !s.decided.some((d) => d.deciderId === a.deciderId) &&
          a.approverList.includes(a.deciderId);
        expect(v.ok).toBe(acceptable);
        if (v.ok) expect(v.outcome).toBe(a.decision === 'deny' ? 'denied' : s.stepIndex === 2 ? 'approved' : 'advanced');
      }),
    );
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApproverStep } from '../../src/domain/approvals/approval-steps.js';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { isDomainError } from '../../src/shared/errors.js';
import { HOUR, sharingFixture, shareReport, type SharingFixture } from '../helpers/sharing-fixture.js';

type Command =
  | { kind: 'decide'; deciderId: string; decision: 'approve' | 'deny'; cardStep?: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'sweep' };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record(
      {
        kind: fc.constant('decide' as const),
        deciderId: fc.constantFrom('dr-chan', 'dr-ho', 'po-lee', 'dr-wong', 'dr-stranger'),
        decision: fc.constantFrom('approve' as const, 'deny' as const),
        cardStep: fc.constantFrom(0, 1, 2),
      },
      { requiredKeys: ['kind', 'deciderId', 'decision'] },
    ),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 30 * HOUR }) }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'sweep' as const }), weight: 1 },
);

const chains: ApproverStep[][] = [['attending'], ['attending', 'privacy_officer'], ['privacy_officer', 'attending']];
const TERMINAL = new Set(['approved', 'denied', 'expired']);
const ALLOWED_REFUSALS = new Set(['approval.expired', 'approval.already_decided', 'conflict', 'access.denied']);

describe('access-request state machine (property)', () => {
  const fixtures = new Map<number, SharingFixture>();
  beforeAll(async () => {
    chains.forEach((chain, i) => {
      const f = sharingFixture({ settings: { approverChain: chain } });
      f.approvers.attending.push('dr-ho');
      f.approvers.privacy_officer.push('dr-ho'); // one person in both roles: four eyes still apply
      fixtures.set(i, f);
    });
  });
  afterAll(() => fixtures.forEach((f) => f.cleanup()));

  it('Whatever the sequence of presses, sweeps and time, a request reaches at most one terminal state and at most one grant', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: chains.length - 1 }), fc.array(command, { maxLength: 25 }), async (chainIdx, commands) => {
        const f = fixtures.get(chainIdx)!;
        const doc = await shareReport(f);
        const { requestId } = await f.approvals.requestAccess({ documentId: doc.id, requesterId: 'dr-wong', reasonCode: 'referral' });
        const grantCount = () => (f.handle.sqlite.prepare('select count(*) as n from grants where request_id = ?').get(requestId) as { n: number }).n;
        let terminal: string | undefined;

        for (const c of commands) {
          const before = await f.approvals.get(requestId);
          if (c.kind === 'advance') f.clock.advance(c.ms);
          else if (c.kind === 'sweep') await f.approvals.expireDue();
          else {
            try {
              const out = await f.approvals.decide({ requestId, ...c });
              expect(before.status).toBe('pending'); // only a pending request accepts a decision
              if (out.status === 'pending') expect(out.next?.stepIndex).toBe(before.stepIndex + 1);
            } catch (e) {
              if (!isDomainError(e) || !ALLOWED_REFUSALS.has(e.code)) throw e;
              const after = await f.approvals.get(requestId);
              // A refusal changes nothing, except that noticing a lapse records it.
              if (after.status !== before.status) expect([before.status, after.status, e.code]).toEqual(['pending', 'expired', 'approval.expired']);
              expect(after.steps).toEqual(before.steps);
            }
          }
          const now = await f.approvals.get(requestId);
          if (terminal) expect(now.status).toBe(terminal);
          else if (TERMINAL.has(now.status)) terminal = now.status;
          expect(grantCount()).toBe(now.status === 'approved' ? 1 : 0);
          expect(now.steps.length).toBe(now.status === 'approved' ? now.chain.length : now.status === 'denied' ? now.stepIndex + 1 : now.stepIndex);
          expect(new Set(now.steps.map((s) => s.deciderId)).size).toBe(now.steps.length);
        }

        const forRequest = f.audit.entries.filter((e) => e.target === requestId);
        const terminalAudits =
          forRequest.filter((e) => e.action === AUDIT_ACTIONS.accessRequestExpired).length +
          forRequest.filter((e) => e.action === AUDIT_ACTIONS.accessDeniedByApprover && e.outcome === 'success').length +
          (grantCount() > 0 ? 1 : 0);
        expect(terminalAudits).toBe(terminal ? 1 : 0);
      }),
      { numRuns: 150 },
    );
  });
});

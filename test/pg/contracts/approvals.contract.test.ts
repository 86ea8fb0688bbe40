import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgApprovalRepository } from '../../../src/domain/approvals/approval-repository-pg.js';
import { createApprovalRepository } from '../../../src/domain/approvals/approval-repository.js';
import type { ApproverStep } from '../../../src/domain/approvals/approval-steps.js';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

const texts = createFreeTextCipher(randomBytes(32));
const chain = ['attending', 'privacy_officer'] as unknown as ApproverStep[];

describeOnBothStores(
  'approval repository contract',
  (s) => (s.kind === 'sqlite' ? createApprovalRepository(s.sqlite.db, s.sqlite.store, texts) : createPgApprovalRepository(s.pg, texts)),
  (get) => {
    const request = (id: string, documentId: string, requesterId: string, createdAt = 1000) => ({
      id,
      documentId,
      caseId: 'case-1',
      requesterId,
      reasonCode: 'consult',
      chain,
      createdAt,
      expiresAt: createdAt + 10_000,
    });

    it('stores the chain as written; one pending request per requester and document', async () => {
      const { repo } = get();
      await repo.insert(request('a1', 'd1', 'c1'));
      expect(await repo.find('a1')).toMatchObject({ chain, stepIndex: 0, status: 'pending', decidedAt: null });
      await expect(repo.insert(request('a2', 'd1', 'c1'))).rejects.toThrow();
      expect((await repo.findPending('d1', 'c1'))?.id).toBe('a1');
      expect(await repo.expire('a1', 2000)).toBe(true);
      await repo.insert(request('a3', 'd1', 'c1', 3000));
      expect((await repo.forDocuments(['d1'])).map((r) => r.id)).toEqual(['a1', 'a3']);
      expect((await repo.pendingForDocuments(['d1', 'dx'])).map((r) => r.id)).toEqual(['a3']);
    });

    it('transition is a compare-and-set on (pending, step): racing deciders, one wins', async () => {
      const { repo } = get();
      await repo.insert(request('t1', 'd2', 'c1'));
      const results = await Promise.all([
        repo.transition('t1', 0, { status: 'pending', stepIndex: 1 }),
        repo.transition('t1', 0, { status: 'denied', stepIndex: 0, decidedAt: 5 }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await repo.transition('t1', 0, { status: 'approved', stepIndex: 1 })).toBe(false);
    });

    it('the console pages one state newest first by (created, id): every request once, ties broken by id', async () => {
      const { repo } = get();
      const times = { 'kp-a': 7000, 'kp-b': 7001, 'kp-c': 7001, 'kp-d': 7002 };
      for (const [id, at] of Object.entries(times)) {
        await repo.insert(request(id, `doc-${id}`, 'c9', at));
        expect(await repo.transition(id, 0, { status: 'expired', stepIndex: 0 })).toBe(true);
      }
      const all = await repo.listByStatus('expired', 100);
      const walked: string[] = [];
      let after: { at: number; id: string } | undefined;
      for (let guard = 0; guard < 50; guard++) {
        const page = await repo.listByStatus('expired', 2, after);
        walked.push(...page.map((r) => r.id));
        if (page.length < 2) break;
        after = { at: page.at(-1)!.createdAt, id: page.at(-1)!.id };
      }
      expect(walked).toEqual(all.map((r) => r.id));
      expect(walked.filter((id) => id.startsWith('kp-'))).toEqual(['kp-d', 'kp-c', 'kp-b', 'kp-a']);
    });

    it('steps: notes sealed at rest, read back in step order; decided requests in a window; lapsed ones', async () => {
      const { repo } = get();
      await repo.insert(request('s1', 'd3', 'c2', 100));
      await repo.insertStep({ requestId: 's1', stepIndex: 1, step: chain[1]!, deciderId: 'po', decision: 'approve', note: null, decidedAt: 300 });
      await repo.insertStep({ requestId: 's1', stepIndex: 0, step: chain[0]!, deciderId: 'att', decision: 'approve', note: 'ok, see ward 3', decidedAt: 200 });
      expect((await repo.steps('s1')).map((s) => [s.stepIndex, s.note])).toEqual([[0, 'ok, see ward 3'], [1, null]]);
      expect((await repo.stepsOf(['s1'])).map((s) => s.stepIndex)).toEqual([0, 1]);
      expect(await repo.transition('s1', 0, { status: 'approved', stepIndex: 1, decidedAt: 400, grantId: null })).toBe(true);
      await repo.setGrant('s1', 'g-1');
      expect(await repo.decidedBetween(400, 401)).toEqual([{ id: 's1', createdAt: 100, decidedAt: 400, status: 'approved' }]);
      expect((await repo.listByStatus('approved', 5)).map((r) => r.grantId)).toEqual(['g-1']);
      await repo.insert(request('l1', 'd4', 'c3', 0));
      expect((await repo.lapsed(20_000, 10)).map((r) => r.id)).toContain('l1');
    });
  },
);

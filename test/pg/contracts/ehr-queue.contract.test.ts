import { expect, it } from 'vitest';
import { createPgEhrQueueRepository } from '../../../src/ehr/queue/ehr-queue-repository-pg.js';
import { createEhrQueueRepository } from '../../../src/ehr/queue/ehr-queue-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'EHR queue repository contract',
  (s) => (s.kind === 'sqlite' ? createEhrQueueRepository(s.sqlite.db, s.sqlite.store) : createPgEhrQueueRepository(s.pg)),
  (get) => {
    const row = (id: string, now: number, idemKey = `idem-${id}`) => ({ id, idemKey, kind: 'allergy' as const, payload: `sealed-${id}`, now });

    it('an idemKey is queued once: the repeat answers the first row', async () => {
      const { repo } = get();
      expect(await repo.insertPending(row('e1', 100))).toEqual({ id: 'e1', created: true });
      expect(await repo.insertPending(row('e1-again', 200, 'idem-e1'))).toEqual({ id: 'e1', created: false });
      expect(await repo.findByIdemKey('idem-e1')).toMatchObject({ id: 'e1', status: 'pending', attempts: 0, nextAttemptAt: 100, payload: 'sealed-e1', remoteId: null });
      expect(await repo.findById('e1-again')).toBeUndefined();
    });

    it('claims oldest first by (createdAt, id) after a cursor, leasing each; a leased row waits for its lease to end', async () => {
      const { repo } = get();
      await repo.insertPending(row('e3', 100));
      await repo.insertPending(row('e2', 150));
      const first = await repo.claimDue({ now: 200, after: null, limit: 2, leaseUntil: 500 });
      expect(first.map((r) => [r.id, r.attempts, r.nextAttemptAt])).toEqual([
        ['e1', 1, 500],
        ['e3', 1, 500],
      ]);
      const next = await repo.claimDue({ now: 200, after: repo.cursorOf(first[1]!), limit: 5, leaseUntil: 500 });
      expect(next.map((r) => r.id)).toEqual(['e2']);
      expect(await repo.claimDue({ now: 300, after: null, limit: 5, leaseUntil: 600 })).toEqual([]);
      expect((await repo.claimDue({ now: 500, after: null, limit: 5, leaseUntil: 900 })).map((r) => [r.id, r.attempts])).toEqual([
        ['e1', 2],
        ['e3', 2],
        ['e2', 2],
      ]);
      expect(await repo.countPending()).toBe(3);
    });

    it('done keeps the EHR id and erases the payload, once; retry and failure; an admin retry keeps the attempt count', async () => {
      const { repo } = get();
      expect(await repo.markDone('e1', { remoteId: 'ehr-77', payload: '' }, 1000)).toBe(true);
      expect(await repo.markDone('e1', { remoteId: 'ehr-78', payload: '' }, 1001)).toBe(false);
      expect(await repo.findById('e1')).toMatchObject({ status: 'done', remoteId: 'ehr-77', payload: '', lastError: null, updatedAt: 1000 });
      expect(await repo.markRetry('e3', 2000, 'EHR busy', 1000)).toBe(true);
      expect(await repo.findById('e3')).toMatchObject({ status: 'pending', nextAttemptAt: 2000, lastError: 'EHR busy' });
      expect(await repo.markDead('e2', 'rejected', 1000)).toBe(true);
      expect(await repo.markRetry('e2', 3000, 'late', 1001)).toBe(false);
      expect((await repo.listOpen()).map((r) => [r.id, r.status])).toEqual([
        ['e3', 'pending'],
        ['e2', 'failed'],
      ]);
      expect(await repo.countPending()).toBe(1);
      expect(await repo.retryDead('e2', 1100)).toBe(true);
      expect(await repo.retryDead('e2', 1101)).toBe(false);
      expect(await repo.findById('e2')).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: 1100 });
      expect(await repo.releaseOwn('me', 1200)).toBe(0);
    });
  },
);

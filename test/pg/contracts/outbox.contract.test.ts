import { expect, it } from 'vitest';
import { createPgOutboxRepository } from '../../../src/domain/outbox/outbox-repository-pg.js';
import { createOutboxRepository } from '../../../src/domain/outbox/outbox-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'outbox repository contract',
  (s) => (s.kind === 'sqlite' ? createOutboxRepository(s.sqlite.db, s.sqlite.store) : createPgOutboxRepository(s.pg)),
  (get) => {
    const row = (idemKey: string, now = 1000, conversation = 'cid-1') => ({ idemKey, kind: 'group.send', payload: JSON.stringify({ openConversationId: conversation, n: idemKey }), now });

    it('an idemKey is enqueued once: the repeat returns the first row, whose payload stays', async () => {
      const { repo } = get();
      const first = await repo.insertPending(row('k1'));
      expect(await repo.insertPending({ ...row('k1'), payload: '{"other":1}' })).toEqual({ id: first.id, created: false });
      expect(first.created).toBe(true);
      expect(await repo.findByIdemKey('k1')).toMatchObject({ id: first.id, status: 'pending', attempts: 0, nextAttemptAt: 1000, owner: null });
      expect(JSON.parse((await repo.findById(first.id))!.payload).n).toBe('k1');
    });

    it('claims lease due rows in id order; a leased row is not claimed again until its lease ends', async () => {
      const { repo } = get();
      const ids: number[] = [];
      for (const k of ['c1', 'c2', 'c3']) ids.push((await repo.insertPending(row(k, 2000, `conv-${k}`))).id);
      const claimed = await repo.claimDue({ now: 2000, afterId: ids[0]! - 1, limit: 2, leaseUntil: 2500, owner: 'a' });
      expect(claimed.map((r) => [r.id, r.attempts, r.owner, r.nextAttemptAt])).toEqual([
        [ids[0], 1, 'a', 2500],
        [ids[1], 1, 'a', 2500],
      ]);
      expect((await repo.claimDue({ now: 2100, afterId: ids[0]! - 1, limit: 10, leaseUntil: 2600, owner: 'b' })).map((r) => r.id)).toEqual([ids[2]]);
      expect(await repo.claimDue({ now: 2200, afterId: ids[0]! - 1, limit: 10, leaseUntil: 2700, owner: 'b' })).toEqual([]);
      const takeover = await repo.claimDue({ now: 2500, afterId: ids[0]! - 1, limit: 10, leaseUntil: 3000, owner: 'b' });
      expect(takeover.map((r) => [r.id, r.attempts, r.owner])).toEqual([
        [ids[0], 2, 'b'],
        [ids[1], 2, 'b'],
      ]);
      expect(await repo.markSent(ids[0]!, '{"ok":true}', 2600, 'pqk-1')).toBe(true);
      expect(await repo.markSent(ids[0]!, '{"ok":true}', 2601)).toBe(false);
      expect(await repo.findById(ids[0]!)).toMatchObject({ status: 'sent', result: '{"ok":true}', processQueryKey: 'pqk-1', owner: null });
    });

    it('retry, dead, discard and retry-dead move a row as on the console; releaseOwn makes own leases due now', async () => {
      const { repo } = get();
      const [r1, r2, r3] = [await repo.insertPending(row('m1', 3000, 'x1')), await repo.insertPending(row('m2', 3000, 'x2')), await repo.insertPending(row('m3', 3000, 'x3'))];
      await repo.claimDue({ now: 3000, afterId: r1.id - 1, limit: 3, leaseUntil: 3900, owner: 'me' });
      expect(await repo.markRetry(r1.id, 3500, 'dingtalk.rate_limited', 3001)).toBe(true);
      expect(await repo.findById(r1.id)).toMatchObject({ status: 'pending', nextAttemptAt: 3500, lastError: 'dingtalk.rate_limited', owner: null });
      expect(await repo.markDead(r2.id, 'phi.blocked', 3002)).toBe(true);
      expect(await repo.markDead(r2.id, 'again', 3003)).toBe(false);
      expect(await repo.releaseOwn('me', 3004)).toBe(1);
      expect(await repo.findById(r3.id)).toMatchObject({ nextAttemptAt: 3004, owner: null });
      expect(await repo.retryDead(r2.id, 3005)).toBe(true);
      expect(await repo.findById(r2.id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: 3005 });
      expect(await repo.discard(r2.id, 3006)).toBe(true);
      expect(await repo.discard(r2.id, 3007)).toBe(false);
      expect((await repo.list({ status: 'discarded', limit: 5 })).items.map((r) => r.id)).toEqual([r2.id]);
      expect((await repo.list({ status: 'discarded', limit: 5, before: r2.id })).items).toEqual([]);
      expect(await repo.countOf('discarded')).toBe(1);
    });

    it('key-prefix lookups, oldest due row and pending count; enqueueing joins the caller transaction', async () => {
      const { repo, store } = get();
      await repo.insertPending({ ...row('card:req-9:1', 4000), kind: 'card.send' });
      await repo.insertPending({ ...row('card:req-9:2', 4001), kind: 'card.send' });
      await repo.insertPending({ ...row('card:req-90:1', 4002), kind: 'card.send' });
      await repo.insertPending({ ...row('card:req-9:x', 4003), kind: 'group.send' });
      expect((await repo.withKeyPrefix('card:req-9:', 'card.send')).map((r) => r.idemKey)).toEqual(['card:req-9:1', 'card:req-9:2']);
      expect(await repo.oldestDueCreatedAt(999)).toBeNull();
      expect(await repo.oldestDueCreatedAt(5000)).toBeTypeOf('number');
      const before = await repo.countPending();
      await expect(
        store.transaction(async () => {
          await repo.insertPending(row('tx-k', 4100));
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect([await repo.findByIdemKey('tx-k'), await repo.countPending()]).toEqual([undefined, before]);
    });
  },
);

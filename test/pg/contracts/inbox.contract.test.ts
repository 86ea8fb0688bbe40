import { expect, it } from 'vitest';
import { createPgInboxRepository } from '../../../src/domain/inbox/inbox-repository-pg.js';
import { createInboxRepository } from '../../../src/domain/inbox/inbox-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'inbox repository contract',
  (s) => (s.kind === 'sqlite' ? createInboxRepository(s.sqlite.db, s.sqlite.store) : createPgInboxRepository(s.pg)),
  (get) => {
    const rec = (msgId: string, owner = 'a', now = 1000, leaseUntil = 2000) => ({ msgId, topic: 'robot', payload: `sealed-${msgId}`, owner, now, leaseUntil });

    it('a claim is taken once: a redelivery or replay of the id is a duplicate, within a batch too', async () => {
      const { repo } = get();
      expect(await repo.record(rec('m1'))).toBe('new');
      expect(await repo.record(rec('m1', 'b'))).toBe('duplicate');
      expect(await repo.recordMany([rec('m2'), rec('m1'), rec('m3'), rec('m2', 'b')])).toEqual(['new', 'duplicate', 'new', 'duplicate']);
      expect(await repo.claim('ev1', 'event', 5)).toBe('new');
      expect(await repo.claim('ev1', 'event', 6)).toBe('duplicate');
      expect(await repo.find('m1')).toMatchObject({ state: 'processing', owner: 'a', leaseUntil: 2000, attempts: 1, payload: 'sealed-m1', receivedAt: 1000 });
      expect(await repo.find('ev1')).toMatchObject({ state: 'processing', owner: null, payload: null });
    });

    it('key rotation walks the sealed payloads in id order and replaces one only if it is unchanged', async () => {
      const { repo } = get();
      await repo.recordMany([rec('rw-b'), { ...rec('rw-a'), payload: '{"plain":"json"}' }, rec('rw-c'), rec('rw-d')]);
      await repo.finish('rw-d', 'done', 3000);
      const ours = (rows: { msgId: string }[]) => rows.map((r) => r.msgId).filter((id) => id.startsWith('rw-'));
      const all = await repo.sealedAfter('rw-', 100);
      expect(ours(all)).toEqual(['rw-b', 'rw-c']);
      expect(all.find((r) => r.msgId === 'rw-b')).toEqual({ msgId: 'rw-b', topic: 'robot', payload: 'sealed-rw-b' });
      expect(ours(await repo.sealedAfter('rw-b', 1))).toEqual(['rw-c']);
      expect(await repo.replacePayload('rw-b', 'rewrapped', 'sealed-rw-b')).toBe(true);
      expect(await repo.replacePayload('rw-c', 'rewrapped', 'stale')).toBe(false);
      expect((await repo.find('rw-b'))!.payload).toBe('rewrapped');
      expect((await repo.find('rw-c'))!.payload).toBe('sealed-rw-c');
    });

    it('finish and dead-letter end the claim and drop its payload; a dead letter keeps its reason', async () => {
      const { repo } = get();
      await repo.record(rec('f1'));
      await repo.record(rec('f2'));
      await repo.finish('f1', 'done', 3000);
      await repo.deadLetter('f2', 'inbound.attempts_exhausted', 3001);
      expect(await repo.find('f1')).toMatchObject({ state: 'done', payload: null, owner: null, leaseUntil: null, completedAt: 3000 });
      expect(await repo.find('f2')).toMatchObject({ state: 'dead', payload: null, reason: 'inbound.attempts_exhausted' });
      expect((await repo.list({ state: 'dead', limit: 10 })).map((r) => r.msgId)).toContain('f2');
      expect(await repo.countOf('dead')).toBeGreaterThanOrEqual(1);
    });

    it('the console pages one state newest first by (received, id): every message once, ties broken by id', async () => {
      const { repo } = get();
      // Two arrive in the same millisecond; one in another state is never listed.
      const times = { 'kp-a': 50_000, 'kp-b': 50_001, 'kp-c': 50_001, 'kp-d': 50_002, 'kp-e': 50_003 };
      for (const [id, at] of Object.entries(times)) await repo.record(rec(id, 'a', at, at + 1000));
      for (const id of ['kp-a', 'kp-b', 'kp-c', 'kp-d']) await repo.deadLetter(id, 'inbound.attempts_exhausted', 60_000);
      const all = await repo.list({ state: 'dead', limit: 100 });
      const walked: string[] = [];
      let after: { at: number; id: string } | undefined;
      for (let guard = 0; guard < 50; guard++) {
        const page = await repo.list({ state: 'dead', limit: 2, after });
        walked.push(...page.map((r) => r.msgId));
        if (page.length < 2) break;
        after = { at: page.at(-1)!.receivedAt, id: page.at(-1)!.msgId };
      }
      expect(walked).toEqual(all.map((r) => r.msgId));
      expect(walked.filter((id) => id.startsWith('kp-'))).toEqual(['kp-d', 'kp-c', 'kp-b', 'kp-a']);
    });

    it('unfinished claims are taken back: the own ones and the expired ones, not a live lease of another instance', async () => {
      const { repo } = get();
      await repo.recordMany([
        { ...rec('u-own', 'me'), topic: 'resume' },
        { ...rec('u-live', 'other', 1000, 9000), topic: 'resume' },
        { ...rec('u-expired', 'dead-instance', 1000, 1500), topic: 'resume' },
      ]);
      const taken = await repo.takeUnfinished({ topic: 'resume', owner: 'me', now: 1600, leaseUntil: 5000 });
      expect(taken.map((t) => [t.msgId, t.attempts]).sort()).toEqual([
        ['u-expired', 2],
        ['u-own', 2],
      ]);
      expect(await repo.find('u-expired')).toMatchObject({ owner: 'me', leaseUntil: 5000 });
      expect(await repo.find('u-live')).toMatchObject({ owner: 'other', attempts: 1 });
    });

    it('a periodic sweep (expiredOnly) takes only leases that ran out: not its own live claim, not a lease-less one', async () => {
      const { repo } = get();
      await repo.recordMany([
        { ...rec('s-own', 'me', 1000, 9000), topic: 'sweep-only' },
        { ...rec('s-live', 'other', 1000, 9000), topic: 'sweep-only' },
        { ...rec('s-expired', 'dead-instance', 1000, 1500), topic: 'sweep-only' },
        { ...rec('s-own-expired', 'me', 1000, 1500), topic: 'sweep-only' },
      ]);
      await repo.claim('s-leaseless', 'sweep-only', 1000);
      const taken = await repo.takeUnfinished({ topic: 'sweep-only', owner: 'me', now: 1600, leaseUntil: 5000, expiredOnly: true });
      expect(taken.map((t) => t.msgId).sort()).toEqual(['s-expired', 's-own-expired']);
      expect(await repo.find('s-own')).toMatchObject({ owner: 'me', leaseUntil: 9000, attempts: 1 });
      expect(await repo.find('s-leaseless')).toMatchObject({ owner: null, leaseUntil: null, attempts: 1 });
      expect(await repo.takeUnfinished({ topic: 'sweep-only', owner: 'me', now: 1700, leaseUntil: 5000, expiredOnly: true })).toEqual([]);
    });

    it('a redelivered message takes over an expired claim once; a live or finished one stays', async () => {
      const { repo } = get();
      await repo.record(rec('t1', 'gone', 1000, 1500));
      expect(await repo.takeExpired(rec('t1', 'me', 1400, 6000))).toBeUndefined();
      expect(await repo.takeExpired({ ...rec('t1', 'me', 1600, 6000), payload: 'again' })).toEqual({ msgId: 't1', payload: 'again', attempts: 2 });
      expect(await repo.takeExpired(rec('t1', 'third', 1700, 7000))).toBeUndefined();
      expect(await repo.extendLease('t1', 'third', 9000)).toBe(false);
      expect(await repo.extendLease('t1', 'me', 9000)).toBe(true);
      await repo.finish('t1', 'done', 2000);
      expect(await repo.takeExpired(rec('t1', 'me', 99_999, 100_000))).toBeUndefined();
    });

    it('purges finished ids older than the cutoff; a claim inside a failed transaction leaves nothing', async () => {
      const { repo, store } = get();
      await repo.record(rec('p-old', 'a', 10, 20));
      await repo.finish('p-old', 'done', 30);
      await repo.record(rec('p-open', 'a', 10, 20));
      expect(await repo.purgeBefore(11)).toBeGreaterThanOrEqual(1);
      expect([await repo.find('p-old'), (await repo.find('p-open'))?.state]).toEqual([undefined, 'processing']);
      await expect(
        store.transaction(async () => {
          expect(await repo.record(rec('tx-1'))).toBe('new');
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await repo.find('tx-1')).toBeUndefined();
    });
  },
);

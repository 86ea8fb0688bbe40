import { describe, expect, it } from 'vitest';
import { createPgInboxRepository } from '../../src/domain/inbox/inbox-repository-pg.js';
import type { InboxRepository } from '../../src/domain/inbox/inbox-repository.js';
import { usePgInstances } from '../helpers/pg-instances.js';
import { pgAvailable } from '../helpers/pg-test-db.js';

/** Two instances (two pools) on one PostgreSQL: inbound claims taken once, expired ones taken over once. */
describe.skipIf(!pgAvailable())('inbound claims across two instances [postgres]', () => {
  const instances = usePgInstances(2, 'inbox_cluster');
  const repos = (): [InboxRepository, InboxRepository] => {
    const [a, b] = instances.stores();
    return [createPgInboxRepository(a!), createPgInboxRepository(b!)];
  };
  const rec = (msgId: string, owner: string, now = 1000, leaseUntil = 2000) => ({ msgId, topic: 'robot', payload: 'sealed', owner, now, leaseUntil });

  it('the same pushes and redeliveries reaching both instances at once: each id is new on exactly one', async () => {
    const [a, b] = repos();
    const ids = Array.from({ length: 300 }, (_, i) => `push-${i}`);
    const batches = (owner: string, repo: InboxRepository, order: string[]) =>
      Array.from({ length: 10 }, (_, k) => repo.recordMany(order.slice(k * 30, k * 30 + 30).map((id) => rec(id, owner))).then((r) => r.map((x, i) => [order[k * 30 + i]!, x] as const)));
    const singles = (owner: string, repo: InboxRepository) => ids.filter((_, i) => i % 3 === 0).map((id) => repo.record(rec(id, owner)).then((x) => [[id, x] as const]));
    const results = (await Promise.all([...batches('a', a, ids), ...batches('b', b, [...ids].reverse()), ...singles('a2', a), ...singles('b2', b)])).flat();
    const wins = new Map<string, number>();
    for (const [id, r] of results) if (r === 'new') wins.set(id, (wins.get(id) ?? 0) + 1);
    expect(ids.filter((id) => wins.get(id) !== 1)).toEqual([]);
    expect(results.filter(([, r]) => r === 'duplicate')).toHaveLength(results.length - ids.length);
  });

  it('two large batches of the same ids in opposite orders, at once: no deadlock, each id new once', async () => {
    const [a, b] = repos();
    const ids = Array.from({ length: 3000 }, (_, i) => `big-${String(i).padStart(5, '0')}`);
    const [ra, rb] = await Promise.all([a.recordMany(ids.map((id) => rec(id, 'a'))), b.recordMany([...ids].reverse().map((id) => rec(id, 'b')))]);
    const newOnA = new Set(ids.filter((_, i) => ra[i] === 'new'));
    const newOnB = new Set([...ids].reverse().filter((_, i) => rb[i] === 'new'));
    expect(newOnA.size + newOnB.size).toBe(ids.length);
    expect(ids.filter((id) => newOnA.has(id) === newOnB.has(id))).toEqual([]);
  });

  it("a dead instance's claims: kept while its lease runs, then taken over by exactly one of two sweeping instances", async () => {
    const [a, b] = repos();
    const dead = Array.from({ length: 120 }, (_, i) => ({ ...rec(`dead-${i}`, 'instance-c', 1000, 5000), topic: 'sweep' }));
    expect(new Set(await a.recordMany(dead))).toEqual(new Set(['new']));
    const early = await Promise.all([a.takeUnfinished({ topic: 'sweep', owner: 'a', now: 4999, leaseUntil: 9000 }), b.takeUnfinished({ topic: 'sweep', owner: 'b', now: 4999, leaseUntil: 9000 })]);
    expect(early.flat()).toEqual([]);
    // Six start-up sweeps at once, three through each pool. Each is its own owner, as each process start
    // is: a start-up sweep also resumes its own owner's claims, so two sweeps sharing an owner could
    // legitimately take the same row one after the other.
    const sweeps = await Promise.all(
      Array.from({ length: 6 }, (_, i) => {
        const owner = `${i % 2 ? 'b' : 'a'}${i}`;
        return (i % 2 ? b : a).takeUnfinished({ topic: 'sweep', owner, now: 5000, leaseUntil: 9000 }).then((t) => t.map((x) => ({ ...x, by: owner })));
      }),
    );
    const taken = sweeps.flat();
    expect(taken.map((t) => t.msgId).sort()).toEqual(dead.map((d) => d.msgId).sort());
    expect(new Set(taken.map((t) => t.attempts))).toEqual(new Set([2]));
    const row = await b.find(taken[0]!.msgId);
    expect(row).toMatchObject({ owner: taken[0]!.by, leaseUntil: 9000, attempts: 2 });
  });

  it('a redelivery reaching both instances after the lease: one takes the claim over, the other sees it held', async () => {
    const [a, b] = repos();
    for (let i = 0; i < 40; i++) await a.record(rec(`redeliver-${i}`, 'instance-c', 1000, 1500));
    const races = await Promise.all(
      Array.from({ length: 40 }, (_, i) => Promise.all([a.takeExpired(rec(`redeliver-${i}`, 'a', 1600, 9000)), b.takeExpired(rec(`redeliver-${i}`, 'b', 1600, 9000))])),
    );
    expect(races.map(([x, y]) => Number(Boolean(x)) + Number(Boolean(y)))).toEqual(Array(40).fill(1));
  });
});

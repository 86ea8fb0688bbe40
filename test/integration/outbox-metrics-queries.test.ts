import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../../src/domain/outbox/outbox-repository.js';
import { tempDb } from '../helpers/temp-db.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** The outbox repository's queries behind the /metrics gauges, over a real SQLite file. */
describe('outbox metrics queries', () => {
  it('When rows are pending, leased, sent or dead, then the due age looks only at due pending rows and counts are per status', async () => {
    const db = tempDb();
    cleanups.push(db.cleanup);
    const repo = createOutboxRepository(db.db, db.store);
    const t0 = 1_000_000;
    expect(await repo.oldestDueCreatedAt(t0)).toBeNull();
    const add = (key: string, now: number) => repo.insertPending({ idemKey: key, kind: 'oto.send', payload: '{}', now });
    await add('a', t0);
    await add('b', t0 + 1000);
    await add('c', t0 + 2000);
    // The oldest is taken by a worker (leased into the future): in flight, not due.
    const [leased] = await repo.claimDue({ now: t0 + 3000, afterId: 0, limit: 1, leaseUntil: t0 + 60_000, owner: 'node-a' });
    expect(leased?.idemKey).toBe('a');
    expect(await repo.oldestDueCreatedAt(t0 + 3000)).toBe(t0 + 1000);
    const [b] = await repo.claimDue({ now: t0 + 3000, afterId: leased!.id, limit: 1, leaseUntil: t0 + 60_000, owner: 'node-a' });
    await repo.markSent(b!.id, 'ok', t0 + 3500);
    expect(await repo.oldestDueCreatedAt(t0 + 4000)).toBe(t0 + 2000);
    expect(await repo.countOf('pending')).toBe(2);
    expect(await repo.countOf('sent')).toBe(1);
    expect(await repo.countOf('dead')).toBe(0);
  });
});

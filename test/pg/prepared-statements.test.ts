import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PgHandle } from '../../src/db/pg/pg-client.js';
import { createPgInboxRepository } from '../../src/domain/inbox/inbox-repository-pg.js';
import { createPgOutboxRepository } from '../../src/domain/outbox/outbox-repository-pg.js';
import { capturePgStatements, pgFullScans } from '../helpers/pg-plans.js';
import { pgAvailable, usePgDatabase } from '../helpers/pg-test-db.js';

/**
 * The hot statements of every message (outbox insert and mark-sent, the inbound claim's finish, the
 * sender lookup) are named statements built once per connection handle: they must still join the
 * transaction they run in, and run on any pooled connection outside one.
 */
describe.skipIf(!pgAvailable())('PostgreSQL: prepared hot statements', () => {
  const database = usePgDatabase('prepared');
  let h: PgHandle;
  beforeAll(async () => {
    h = await openPostgres(database.url(), 3);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('inside a transaction they join it: a rollback undoes the outbox insert, the mark-sent and the finish', async () => {
    const outbox = createPgOutboxRepository(h.store);
    const inbox = createPgInboxRepository(h.store);
    const kept = await outbox.insertPending({ idemKey: 'kept', kind: 'oto.send', payload: '{"userId":"u1"}', now: 1 });
    await inbox.record({ msgId: 'm1', topic: 't', payload: 'x', owner: 'a', now: 1, leaseUntil: 100 });
    await expect(
      h.store.transaction(async () => {
        await outbox.insertPending({ idemKey: 'rolled-back', kind: 'oto.send', payload: '{"userId":"u2"}', now: 2 });
        expect(await outbox.markSent(kept.id, '{}', 2)).toBe(true);
        await inbox.finish('m1', 'done', 2);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await outbox.findByIdemKey('rolled-back')).toBeUndefined();
    expect((await outbox.findByIdemKey('kept'))?.status).toBe('pending');
    expect((await inbox.find('m1'))?.state).toBe('processing');

    await h.store.transaction(async () => {
      await outbox.markSent(kept.id, '{"ok":1}', 3, 'pqk');
      await inbox.finish('m1', 'done', 3);
    });
    expect(await outbox.findByIdemKey('kept')).toMatchObject({ status: 'sent', result: '{"ok":1}', processQueryKey: 'pqk', owner: null });
    expect(await inbox.find('m1')).toMatchObject({ state: 'done', completedAt: 3, payload: null, owner: null });
  });

  it('outside a transaction they run on every pooled connection, a repeat keeps the first row, and mark-sent happens once', async () => {
    const outbox = createPgOutboxRepository(h.store);
    // More at once than the pool has connections: each connection parses the named statement once.
    const rows = await Promise.all(Array.from({ length: 12 }, (_, i) => outbox.insertPending({ idemKey: `k${i}`, kind: 'oto.send', payload: `{"userId":"u${i}"}`, now: 5 })));
    expect(rows.every((r) => r.created)).toBe(true);
    expect(await outbox.insertPending({ idemKey: 'k3', kind: 'oto.send', payload: '{}', now: 6 })).toEqual({ id: rows[3]!.id, created: false });
    expect(await Promise.all(rows.map((r) => outbox.markSent(r.id, '{}', 7)))).toEqual(rows.map(() => true));
    expect(await outbox.markSent(rows[0]!.id, '{}', 8)).toBe(false);
    expect((await outbox.findByIdemKey('k5'))?.lane).toBe('u5');
  });
});

describe.skipIf(!pgAvailable())('PostgreSQL: finishing claims and marking sends, grouped per turn', () => {
  const database = usePgDatabase('grouped');
  let h: PgHandle;
  let statements = 0;
  let capture: ReturnType<typeof capturePgStatements>;
  beforeAll(async () => {
    h = await openPostgres(database.url(), 3);
    capture = capturePgStatements();
  });
  afterAll(async () => {
    capture?.stop();
    await h?.close();
  });
  /** Counts the statements the pool runs outside transactions while `body` runs. */
  async function counting<T>(body: () => Promise<T>): Promise<T> {
    const query = h.store.pool.query.bind(h.store.pool) as (...a: unknown[]) => unknown;
    statements = 0;
    (h.store.pool as unknown as { query: unknown }).query = (...a: unknown[]) => (statements++, query(...a));
    try {
      return await body();
    } finally {
      (h.store.pool as unknown as { query: unknown }).query = query;
    }
  }

  it('claims finished in one turn end in one statement, each committed when its call answers, with its own state and time', async () => {
    const inbox = createPgInboxRepository(h.store);
    for (const id of ['g1', 'g2', 'g3']) await inbox.record({ msgId: id, topic: 't', payload: 'x', owner: 'a', now: 1, leaseUntil: 100 });
    await counting(() => Promise.all([inbox.finish('g1', 'done', 5), inbox.finish('g2', 'failed', 6), inbox.deadLetter('g3', 'inbound.bad', 7)]));
    expect(statements).toBe(1);
    expect(await Promise.all(['g1', 'g2', 'g3'].map((id) => inbox.find(id)))).toMatchObject([
      { state: 'done', completedAt: 5, payload: null, owner: null, leaseUntil: null, reason: null },
      { state: 'failed', completedAt: 6, payload: null },
      { state: 'dead', completedAt: 7, reason: 'inbound.bad' },
    ]);
  });

  it('sends marked in one turn are one statement; each caller learns whether its row changed', async () => {
    const outbox = createPgOutboxRepository(h.store);
    const [a, b] = await Promise.all(['s1', 's2'].map((k) => outbox.insertPending({ idemKey: k, kind: 'oto.send', payload: `{"userId":"${k}"}`, now: 1 })));
    await outbox.markSent(b!.id, '{}', 2);
    const changed = await counting(() => Promise.all([outbox.queuePort.markDone(a!.id, { result: '{"a":1}', processQueryKey: 'q1' }, 3), outbox.markSent(b!.id, '{"b":1}', 3)]));
    expect(statements).toBe(1);
    expect(changed).toEqual([true, false]);
    expect(await outbox.findByIdemKey('s1')).toMatchObject({ status: 'sent', result: '{"a":1}', processQueryKey: 'q1', updatedAt: 3, owner: null });
    expect(await outbox.findByIdemKey('s2')).toMatchObject({ result: '{}', updatedAt: 2 });
  });

  it('the grouped statements seek by primary key, never read the growing tables whole', async () => {
    const grouped = new Map([...capture.statements].filter(([text]) => /unnest/.test(text)));
    expect(grouped.size).toBe(2);
    const { bad, planned } = await pgFullScans(database.url(), grouped, new Set(['processed_messages', 'outbox_messages']), []);
    expect(planned).toBe(2);
    expect(bad).toEqual([]);
  });
});

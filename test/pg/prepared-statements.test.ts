import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PgHandle } from '../../src/db/pg/pg-client.js';
import { createPgInboxRepository } from '../../src/domain/inbox/inbox-repository-pg.js';
import { createPgOutboxRepository } from '../../src/domain/outbox/outbox-repository-pg.js';
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

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/db/client.js';
import { openPostgres, type PgHandle } from '../../src/db/pg/pg-client.js';
import { institutions } from '../../src/db/pg/schema.js';
import { detached, txContext } from '../../src/shared/transactions.js';
import { pgAvailable, usePgDatabase } from '../helpers/pg-test-db.js';

describe.skipIf(!pgAvailable())('PgStore: the transaction contract of the SQLite store', () => {
  const database = usePgDatabase('store');
  let h: PgHandle;
  beforeAll(async () => {
    h = await openPostgres(database.url(), 4);
  });
  afterAll(async () => {
    await h?.close();
  });

  const insert = (id: string) => h.store.db().insert(institutions).values({ id, code: id, nameEn: id, sector: 'public' });
  const exists = async (id: string) => (await h.store.db().select().from(institutions).where(eq(institutions.id, id))).length === 1;

  it('commits what the body wrote, and rolls all of it back when the body throws', async () => {
    await h.store.transaction(async () => {
      await insert('ok-1');
      await insert('ok-2');
    });
    await expect(
      h.store.transaction(async () => {
        await insert('bad-1');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect([await exists('ok-1'), await exists('ok-2'), await exists('bad-1')]).toEqual([true, true, false]);
  });

  it('nested transactions are savepoints: an inner failure undoes only the inner writes', async () => {
    await h.store.transaction(async () => {
      await insert('outer');
      await expect(
        h.store.transaction(async () => {
          await insert('inner');
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
      await h.store.transaction(() => insert('inner-ok'));
    });
    expect([await exists('outer'), await exists('inner'), await exists('inner-ok')]).toEqual([true, false, true]);
  });

  it('uncommitted writes are invisible outside the body (other connections, detached work)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const written = new Promise<void>((r) => (inserted = r));
    let seenInside: boolean[] = [];
    const tx = h.store.transaction(async () => {
      await insert('pending');
      seenInside = [await exists('pending'), await detached(() => exists('pending'))];
      inserted();
      await gate;
    });
    await written;
    // Another caller (not inside the body) runs on its own connection and does not see it yet.
    expect(await exists('pending')).toBe(false);
    release();
    await tx;
    expect(seenInside).toEqual([true, false]);
    expect(await exists('pending')).toBe(true);
  });

  it('openStorage: a postgres:// DATABASE_URL opens the PostgreSQL store, file: the SQLite one', async () => {
    const opened = await openStorage(database.url());
    expect(opened.kind).toBe('postgres');
    if (opened.kind === 'postgres') await opened.handle.close();
    const sqlite = await openStorage(':memory:');
    expect(sqlite.kind).toBe('sqlite');
    if (sqlite.kind === 'sqlite') sqlite.handle.close();
  });

  it('transactions run concurrently, each on its own connection', async () => {
    const pids = await Promise.all(
      [1, 2, 3].map((i) =>
        h.store.transaction(async () => {
          await insert(`c-${i}`);
          const { rows } = await h.store.db().execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`);
          return rows[0]!.pid;
        }),
      ),
    );
    expect(new Set(pids).size).toBe(3);
  });

  it('before-commit hooks run inside the transaction just before COMMIT; a failing one rolls it all back; a rolled-back savepoint drops its hooks', async () => {
    const hook = (id: string) => () => insert(id).then(() => undefined);
    await h.store.transaction(async () => {
      txContext.getStore()!.beforeCommit = [hook('hook-ok')];
      await insert('body-ok');
      await expect(
        h.store.transaction(async () => {
          txContext.getStore()!.beforeCommit!.push(hook('hook-dropped'));
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
      expect(await exists('hook-ok')).toBe(false); // not yet: hooks run at COMMIT
    });
    expect([await exists('body-ok'), await exists('hook-ok'), await exists('hook-dropped')]).toEqual([true, true, false]);
    await expect(
      h.store.transaction(async () => {
        txContext.getStore()!.beforeCommit = [() => Promise.reject(new Error('hook failed'))];
        await insert('body-undone');
      }),
    ).rejects.toThrow('hook failed');
    expect(await exists('body-undone')).toBe(false);
  });
});

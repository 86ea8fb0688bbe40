import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteStore } from '../../../src/db/store.js';
import { detached } from '../../../src/shared/transactions.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SqliteStore: async transactions on one better-sqlite3 connection', () => {
  let sqlite: Database.Database;
  let store: SqliteStore;
  const counter = () => (sqlite.prepare('SELECT n FROM counter').pluck().get() as number);
  const notes = () => sqlite.prepare('SELECT text FROM notes ORDER BY rowid').pluck().all() as string[];

  beforeEach(() => {
    sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0); CREATE TABLE notes (text TEXT NOT NULL)');
    store = createSqliteStore(sqlite);
  });
  afterEach(() => sqlite.close());

  /** read → give the event loop away → write: the classic lost update when two interleave. */
  const increment = (log: string[], name: string) =>
    store.transaction(async () => {
      log.push(`${name}:begin`);
      const n = await store.run(counter);
      await tick();
      await tick();
      await store.run(() => sqlite.prepare('UPDATE counter SET n = ?').run(n + 1));
      log.push(`${name}:commit`);
    });

  it('serialises two interleaving transactions: no lost update, the second begins after the first commits', async () => {
    const log: string[] = [];
    await Promise.all([increment(log, 'a'), increment(log, 'b')]);
    expect(counter()).toBe(2);
    expect(log).toEqual(['a:begin', 'a:commit', 'b:begin', 'b:commit']);
  });

  it('keeps another request’s statement out of an open transaction: it waits, and survives that rollback', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = store.transaction(async () => {
      await store.run(() => sqlite.prepare('INSERT INTO notes VALUES (?)').run('inside'));
      await held;
      throw new Error('boom');
    });
    await tick();
    const outside = store.run(() => sqlite.prepare('INSERT INTO notes VALUES (?)').run('outside'));
    await tick();
    expect(notes()).toEqual(['inside']); // the outside write has not joined the open transaction
    release();
    await expect(failing).rejects.toThrow('boom');
    await outside;
    expect(notes()).toEqual(['outside']);
  });

  it('runs a step at the call when no transaction is open (same order as synchronous code)', () => {
    void store.run(() => sqlite.prepare('INSERT INTO notes VALUES (?)').run('now'));
    expect(notes()).toEqual(['now']);
  });

  it('turns a nested transaction into a savepoint: its failure undoes only its own writes', async () => {
    await store.transaction(async () => {
      await store.run(() => sqlite.prepare('INSERT INTO notes VALUES (?)').run('outer'));
      await expect(
        store.transaction(async () => {
          await store.run(() => sqlite.prepare('INSERT INTO notes VALUES (?)').run('inner'));
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    expect(notes()).toEqual(['outer']);
  });

  it('keeps work scheduled with detached() out of the transaction that scheduled it', async () => {
    let timerDone!: Promise<unknown>;
    await expect(
      store.transaction(async () => {
        await store.run(() => sqlite.prepare('INSERT INTO notes VALUES (?)').run('rolled back'));
        detached(() => setImmediate(() => (timerDone = store.run(() => sqlite.prepare('INSERT INTO notes VALUES (?)').run('timer')))));
        await tick();
        await tick();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await timerDone;
    expect(notes()).toEqual(['timer']);
  });

  it('wraps a synchronous repository: every method answers with a Promise, a throw becomes a rejection', async () => {
    const repo = store.wrap({
      count: () => counter(),
      fail: (): number => {
        throw new Error('bad row');
      },
    });
    const pending = repo.count();
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe(0);
    await expect(repo.fail()).rejects.toThrow('bad row');
  });
});

import type Database from 'better-sqlite3';
import { Mutex } from 'async-mutex';
import { txContext as context, type Async, type Transaction, type TxContext } from '../shared/transactions.js';

/**
 * Async access to the one better-sqlite3 connection.
 *
 * better-sqlite3 runs each statement synchronously, but an `await` inside BEGIN…COMMIT hands the event
 * loop to other requests, whose statements would otherwise land inside our transaction (and be rolled
 * back with it). So: one transaction at a time (an async mutex, FIFO); code inside it is recognised
 * through AsyncLocalStorage and runs at once; any other step waits for the mutex. With no transaction
 * open a step runs synchronously at the call, so ordering is the same as the synchronous code had.
 */
export interface SqliteStore {
  /** Runs a synchronous storage step now, or (outside the open transaction) once it has ended. */
  run<T>(step: () => T): Promise<T>;
  transaction: Transaction;
  /** Wraps a synchronous repository so every method goes through `run` and answers with a Promise. */
  wrap<R extends object>(repository: R): Async<R>;
}

export function createSqliteStore(sqlite: Database.Database): SqliteStore {
  const mutex = new Mutex();
  const inTransaction = () => context.getStore()?.open === true;

  function run<T>(step: () => T): Promise<T> {
    if (inTransaction() || !mutex.isLocked()) {
      try {
        return Promise.resolve(step());
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return mutex.runExclusive(step);
  }

  async function nested<T>(ctx: TxContext, body: () => Promise<T>): Promise<T> {
    const name = `sp${++ctx.savepoints}`;
    sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const out = await body();
      sqlite.exec(`RELEASE ${name}`);
      return out;
    } catch (e) {
      sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw e;
    }
  }

  const transaction: Transaction = (body) => {
    const current = context.getStore();
    if (current?.open) return nested(current, body);
    return mutex.runExclusive(() => {
      const ctx: TxContext = { open: true, savepoints: 0 };
      return context.run(ctx, async () => {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const out = await body();
          sqlite.exec('COMMIT');
          return out;
        } catch (e) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw e;
        } finally {
          ctx.open = false;
        }
      });
    });
  };

  function wrap<R extends object>(repository: R): Async<R> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(repository)) {
      out[key] = typeof value === 'function' ? (...args: unknown[]) => run(() => (value as (...a: unknown[]) => unknown).apply(repository, args)) : value;
    }
    return out as Async<R>;
  }

  return { run, transaction, wrap };
}

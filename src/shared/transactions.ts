import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The storage port every service that writes more than one row uses: run `body` as one transaction.
 * Repositories called inside it (awaited, directly or not) join it; anything else waits until it ends.
 * Nested calls become savepoints. Do not await outside I/O (HTTP, DingTalk) inside a body: the
 * connection is held for the whole body.
 */
export type Transaction = <T>(body: () => Promise<T>) => Promise<T>;

/** A repository as callers see it: every method answers with a Promise. */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K];
};

/** The transaction a piece of async code runs in; `open` turns false at COMMIT/ROLLBACK. */
export interface TxContext {
  open: boolean;
  savepoints: number;
  /** PostgreSQL: the query handle bound to this transaction's pooled connection (SQLite has one connection). */
  client?: unknown;
  /**
   * PostgreSQL: work that must run inside this transaction just before COMMIT (an audit entry written
   * with its effect under the cluster-wide audit lock, held only from there to COMMIT). A hook added
   * inside a savepoint that rolls back is dropped with it.
   */
  beforeCommit?: (() => Promise<void>)[];
}

/** Which transaction the running code belongs to (AsyncLocalStorage follows awaits and callbacks). */
export const txContext = new AsyncLocalStorage<TxContext>();

/**
 * Schedules work (a timer, a worker wake-up) outside the caller's transaction. Without it a timer set
 * inside a transaction body would inherit the body's context and, firing before COMMIT, join it.
 */
export function detached<T>(schedule: () => T): T {
  return txContext.exit(schedule);
}

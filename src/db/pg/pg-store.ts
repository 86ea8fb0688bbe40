import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool, PoolClient } from 'pg';
import { txContext as context, type Transaction, type TxContext } from '../../shared/transactions.js';
import * as schema from './schema.js';

export type PgDb = NodePgDatabase<typeof schema>;

/**
 * Async access to PostgreSQL with the same `transaction` contract as the SQLite store: the body runs
 * on one connection from the pool, bound to the body's async context (AsyncLocalStorage), so every
 * repository call awaited inside it (directly or not) joins the transaction; nested calls become
 * savepoints. Outside a transaction a repository's statement runs on any pooled connection.
 * Transactions here run concurrently (READ COMMITTED), not one at a time as on SQLite.
 */
export interface PgStore {
  transaction: Transaction;
  /** The query handle for the running code: the open transaction's connection, else the pool. */
  db(): PgDb;
  pool: Pool;
  /** True while the running code is inside a transaction body (its statements join that transaction). */
  inTransaction(): boolean;
  /**
   * A hot statement, built once per connection handle instead of per call: drizzle builds its SQL once,
   * and PostgreSQL parses and plans it once per connection (a named statement, `name`: unique per SQL
   * text). Values go in as `sql.placeholder(…)` and come with `execute({…})`. The handle returned is
   * the running code's: its transaction's connection, else the pool.
   */
  prepared<Q>(name: string, build: (db: PgDb, name: string) => Q): () => Q;
}

const options = { schema, casing: 'snake_case' } as const;

/** What a PostgreSQL transaction keeps in its TxContext: the connection and a drizzle handle on it. */
interface PgTx {
  conn: PoolClient;
  db: PgDb;
}
const pgTx = (ctx: TxContext | undefined): PgTx | undefined => (ctx?.open ? (ctx.client as PgTx | undefined) : undefined);

export function createPgStore(pool: Pool): PgStore {
  const poolDb = drizzle(pool, options);
  // One drizzle handle per pooled connection (the pool hands the same ones out again): building one
  // per transaction walked the whole schema each time, and its prepared statements are kept with it.
  const onConnection = new WeakMap<PoolClient, PgDb>();
  const handleOf = (client: PoolClient): PgDb => {
    let d = onConnection.get(client);
    if (!d) onConnection.set(client, (d = drizzle(client, options)));
    return d;
  };

  const db = (): PgDb => {
    return pgTx(context.getStore())?.db ?? poolDb;
  };

  async function nested<T>(ctx: TxContext, client: PoolClient, body: () => Promise<T>): Promise<T> {
    const name = `sp${++ctx.savepoints}`;
    const hooks = ctx.beforeCommit?.length ?? 0;
    await client.query(`SAVEPOINT ${name}`);
    try {
      const out = await body();
      await client.query(`RELEASE SAVEPOINT ${name}`);
      return out;
    } catch (e) {
      ctx.beforeCommit?.splice(hooks);
      await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await client.query(`RELEASE SAVEPOINT ${name}`);
      throw e;
    }
  }

  const transaction: Transaction = async (body) => {
    const current = context.getStore();
    const open = pgTx(current);
    if (current && open) return nested(current, open.conn, body);
    const client = await pool.connect();
    let broken: Error | undefined;
    // A checked-out connection has no pool listener: a server-side end (admin command, restart) between
    // two statements would otherwise be an uncaught 'error' event that stops the process.
    const onError = (e: Error) => (broken = e);
    client.on('error', onError);
    const ctx: TxContext = { open: true, savepoints: 0, client: { conn: client, db: handleOf(client) } satisfies PgTx };
    try {
      return await context.run(ctx, async () => {
        await client.query('BEGIN');
        try {
          const out = await body();
          // Hooks may add hooks (each runs once, in the order added).
          for (let i = 0; i < (ctx.beforeCommit?.length ?? 0); i++) await ctx.beforeCommit![i]!();
          await client.query('COMMIT');
          return out;
        } catch (e) {
          await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
          throw e;
        } finally {
          ctx.open = false;
        }
      });
    } finally {
      // A connection whose ROLLBACK failed (or that the server ended) is destroyed, not handed on.
      client.off('error', onError);
      client.release(broken);
    }
  };

  function prepared<Q>(name: string, build: (db: PgDb, name: string) => Q): () => Q {
    const built = new WeakMap<PgDb, Q>();
    return () => {
      const d = db();
      let q = built.get(d);
      if (q === undefined) built.set(d, (q = build(d, name)));
      return q;
    };
  }

  return { transaction, db, pool, inTransaction: () => pgTx(context.getStore()) !== undefined, prepared };
}

import { and, asc, count, eq, getTableColumns, getTableName, gt, inArray, isNotNull, isNull, lt, lte, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { PgStore } from '../../db/pg/pg-store.js';
import { compareBy, type QueueTable } from './queue-store.js';
import type { QueueCursor, QueuePort, QueueRowBase } from './queue-types.js';

/** A durable queue's table on PostgreSQL, described as on SQLite (queue-store.ts); `lane` is optional. */
export type PgQueueTable = Omit<QueueTable, 'table'> & { table: PgTable };

type Id = QueueRowBase['id'];

/**
 * The twin of queue-store.ts on PostgreSQL, where several instances drain one queue. A claim takes due
 * rows with `FOR UPDATE SKIP LOCKED` (a row another instance is claiming at that moment is passed
 * over, not waited for) and leases them in the same transaction: owner, lease end (next_attempt_at),
 * one more attempt. A lease that runs out makes the row due again, so another instance takes over a
 * dead one's work (each in-flight row repeats at most once). With a `lane` column, a row is claimed
 * only when no earlier row of its lane is in flight or due (leased, or waiting to be claimed): one
 * conversation's sends go one at a time, in order, whichever instances send them.
 */
export function createPgQueueStore<R extends QueueRowBase>(store: PgStore, desc: PgQueueTable) {
  const t = desc.table as never as PgTable & Record<string, PgColumn>;
  const col = getTableColumns(desc.table) as Record<string, PgColumn>;
  for (const k of ['id', 'idemKey', 'kind', 'payload', 'status', 'attempts', 'nextAttemptAt', 'lastError', 'createdAt', 'updatedAt', ...desc.order, ...desc.doneColumns]) {
    if (!col[k]) throw new Error(`queue table lacks column ${k}`);
  }
  const db = () => store.db();
  const { pending, done, dead } = desc.statuses;
  const hasOwner = Boolean(col.owner);
  const hasLane = Boolean(col.lane);
  const ownerCleared = hasOwner ? { owner: null } : {};
  const byId = (id: Id) => eq(col.id!, id);
  const isPending = eq(col.status!, pending);
  const sortRows = compareBy(desc.order);
  const earlier = alias(desc.table, 'earlier') as never as Record<string, PgColumn> & PgTable;
  const ph = (name: string) => sql.placeholder(name);
  const tableName = getTableName(desc.table);

  // Every message inserts a row and marks it done: both statements built once (named statements).
  const insertStatement = store.prepared(`${tableName}_insert_pending`, (d, name) => {
    const values = {
      ...(desc.suppliedId ? { id: ph('id') } : {}),
      ...(hasLane ? { lane: ph('lane') } : {}),
      idemKey: ph('idemKey'),
      kind: ph('kind'),
      payload: ph('payload'),
      status: pending,
      attempts: 0,
      nextAttemptAt: ph('now'),
      createdAt: ph('now'),
      updatedAt: ph('now'),
    };
    return d.insert(t).values(values as never).onConflictDoNothing({ target: col.idemKey! }).returning({ id: col.id! }).prepare(name);
  });
  const markDoneStatement = store.prepared(`${tableName}_mark_done`, (d, name) => {
    const set = { status: done, ...Object.fromEntries(desc.doneColumns.map((c) => [c, ph(c)])), lastError: null, ...ownerCleared, updatedAt: ph('now') };
    return d.update(t).set(set as never).where(and(eq(col.id!, ph('id')), ne(col.status!, done))).prepare(name);
  });

  const cursorAfter = (after: QueueCursor | null): SQL | undefined => {
    if (!after) return undefined;
    if (desc.order.length === 1) return gt(col[desc.order[0]!]!, after[0]);
    const cols = sql.join(desc.order.map((k) => sql`${col[k]}`), sql`, `);
    const vals = sql.join(after.map((v) => sql`${v}`), sql`, `);
    return sql`(${cols}) > (${vals})`;
  };

  /** No earlier row of the same lane is leased or due: this row is its lane's next. */
  const headOfLane = (now: number): SQL | undefined => {
    if (!hasLane) return undefined;
    const blocking = db()
      .select({ one: sql`1` })
      .from(earlier)
      .where(
        and(
          eq(earlier.lane!, col.lane!),
          eq(earlier.status!, pending),
          lt(earlier.id!, col.id!),
          or(hasOwner ? isNotNull(earlier.owner!) : undefined, lte(earlier.nextAttemptAt!, now)),
        ),
      );
    return or(isNull(col.lane!), notExists(blocking));
  };

  return {
    /** Inserts a pending row (with its lane, when the table has one); a repeated idemKey inserts nothing. */
    async insertPending<I extends Id>(row: { id?: I; idemKey: string; kind: string; payload: string; now: number; lane?: string | null }): Promise<{ id: I; created: boolean }> {
      const values = { id: row.id, lane: row.lane ?? null, idemKey: row.idemKey, kind: row.kind, payload: row.payload, now: row.now };
      const inserted = (await insertStatement().execute(values)) as { id: I }[];
      if (inserted[0]) return { id: inserted[0].id, created: true };
      const [existing] = (await db().select({ id: col.id! }).from(t).where(eq(col.idemKey!, row.idemKey))) as { id: I }[];
      return { id: existing!.id, created: false };
    },

    async findById(id: R['id']): Promise<R | undefined> {
      return ((await db().select().from(t).where(byId(id))) as unknown as R[])[0];
    },

    async findByIdemKey(idemKey: string): Promise<R | undefined> {
      return ((await db().select().from(t).where(eq(col.idemKey!, idemKey))) as unknown as R[])[0];
    },

    cursorOf: (row: R): QueueCursor => desc.order.map((k) => (row as unknown as Record<string, number | string>)[k]!),

    /**
     * Takes up to `limit` due rows after the cursor, in order, skipping rows other instances hold
     * locked, and leases them: one statement (one round trip, one commit), the row locks held only
     * while it runs. `= any(array(…))` evaluates the locking sub-select once, before the update.
     */
    async claimDue(q: { now: number; after: QueueCursor | null; limit: number; leaseUntil: number; owner?: string }): Promise<R[]> {
      const due = db()
        .select({ id: col.id! })
        .from(t)
        .where(and(isPending, lte(col.nextAttemptAt!, q.now), cursorAfter(q.after), headOfLane(q.now)))
        .orderBy(...desc.order.map((k) => asc(col[k]!)))
        .limit(q.limit)
        .for('update', { skipLocked: true });
      const rows = (await db()
        .update(t)
        .set({
          nextAttemptAt: q.leaseUntil,
          // An owner marks the row in flight for the lane rule even when the worker has no name.
          ...(hasOwner ? { owner: q.owner ?? '' } : {}),
          attempts: sql`${col.attempts} + 1`,
          updatedAt: q.now,
        } as never)
        .where(sql`${col.id} = any(array${due})`)
        .returning()) as unknown as R[];
      return rows.sort(sortRows);
    },

    async markDone(id: R['id'], values: Record<string, unknown>, now: number): Promise<boolean> {
      const given = Object.fromEntries(desc.doneColumns.map((c) => [c, values[c] ?? null]));
      return changed(await markDoneStatement().execute({ ...given, id, now }));
    },

    async markRetry(id: R['id'], nextAttemptAt: number, lastError: string, now: number): Promise<boolean> {
      const set = { nextAttemptAt, lastError, ...ownerCleared, updatedAt: now };
      return changed(await db().update(t).set(set as never).where(and(byId(id), isPending)));
    },

    async markDead(id: R['id'], lastError: string, now: number): Promise<boolean> {
      const set = { status: dead, lastError, ...ownerCleared, updatedAt: now };
      return changed(await db().update(t).set(set as never).where(and(byId(id), isPending)));
    },

    /** At start: this instance's leases from an earlier run are due now (each repeats at most once). */
    async releaseOwn(owner: string, now: number): Promise<number> {
      if (!hasOwner) return 0;
      const set = { nextAttemptAt: now, owner: null, updatedAt: now };
      return (await db().update(t).set(set as never).where(and(isPending, eq(col.owner!, owner)))).rowCount ?? 0;
    },

    /** The lease heartbeat of a row being worked on: only while `owner` holds it and it is pending. */
    async extendLease(id: R['id'], owner: string, leaseUntil: number): Promise<boolean> {
      if (!hasOwner) return false;
      return changed(await db().update(t).set({ nextAttemptAt: leaseUntil } as never).where(and(byId(id), isPending, eq(col.owner!, owner))));
    },

    async retryDead(id: R['id'], now: number): Promise<boolean> {
      const set = { status: pending, ...(desc.retryResetsAttempts ? { attempts: 0 } : {}), nextAttemptAt: now, updatedAt: now };
      return changed(await db().update(t).set(set as never).where(and(byId(id), eq(col.status!, dead))));
    },


    async countPending(): Promise<number> {
      const [r] = await db().select({ n: count() }).from(t).where(isPending);
      return r?.n ?? 0;
    },
  } satisfies QueuePort<R> & Record<string, unknown>;
}

const changed = (r: { rowCount: number | null }) => (r.rowCount ?? 0) > 0;

export type PgQueueStore<R extends QueueRowBase> = ReturnType<typeof createPgQueueStore<R>>;

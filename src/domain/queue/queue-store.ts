import { and, count, eq, getTableColumns, gt, inArray, lte, ne, sql, asc, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.js';
import type { QueueCursor, QueueRowBase } from './queue-types.js';

/**
 * What a durable queue's table looks like to the store. The table must have the columns `id`,
 * `idemKey` (unique), `kind`, `payload`, `status`, `attempts`, `nextAttemptAt`, `lastError`,
 * `createdAt`, `updatedAt`, and may have `owner` (the instance holding a lease while work is in flight).
 */
export interface QueueTable {
  table: SQLiteTable;
  statuses: { pending: string; done: string; dead: string };
  /** Claim order, by column keys; the last claimed row's values of these are the pass cursor. */
  order: string[];
  /** Columns `markDone` sets from the worker's result values (besides status, lastError, owner). */
  doneColumns: string[];
  /** Whether the caller supplies `id` on insert (else the database assigns it). */
  suppliedId: boolean;
  /** Whether an admin's retry of a dead row starts a fresh attempt budget. */
  retryResetsAttempts: boolean;
}

type Id = QueueRowBase['id'];
const ph = (name: string) => sql`${sql.placeholder(name)}`;

/** Orders rows by the claim-order columns (numbers numerically, text as text). */
export function compareBy(keys: string[]) {
  return (a: QueueRowBase, b: QueueRowBase): number => {
    for (const k of keys) {
      const x = (a as unknown as Record<string, number | string>)[k]!;
      const y = (b as unknown as Record<string, number | string>)[k]!;
      const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      if (d !== 0) return d;
    }
    return 0;
  };
}

/**
 * The one SQL home of a durable queue (outbox, EHR pending writes): insert, lease, outcome, admin retry.
 * Synchronous better-sqlite3 code: each queue's repository hands it to callers through the store
 * (`store.wrap`), so every method answers with a Promise and joins the caller's transaction, if any.
 */
export function createQueueStore<R extends QueueRowBase>(db: Db, desc: QueueTable) {
  // Drizzle's generic table types do not reach through an arbitrary table; the columns are checked here.
  const t = desc.table as never as SQLiteTable & Record<string, SQLiteColumn>;
  const col = getTableColumns(desc.table) as Record<string, SQLiteColumn>;
  for (const k of ['id', 'idemKey', 'kind', 'payload', 'status', 'attempts', 'nextAttemptAt', 'lastError', 'createdAt', 'updatedAt', ...desc.order, ...desc.doneColumns]) {
    if (!col[k]) throw new Error(`queue table lacks column ${k}`);
  }
  const { pending, done, dead } = desc.statuses;
  const hasOwner = Boolean(col.owner);
  const ownerCleared = hasOwner ? { owner: null } : {};
  const byId = (id: Id | SQL) => eq(col.id!, id);
  const isPending = eq(col.status!, pending);
  const sortRows = compareBy(desc.order);
  const newRow = (v: Record<string, unknown>) => ({
    ...(desc.suppliedId ? { id: v.id } : {}),
    idemKey: v.idemKey,
    kind: v.kind,
    payload: v.payload,
    status: pending,
    attempts: 0,
    nextAttemptAt: v.now,
    createdAt: v.now,
    updatedAt: v.now,
  });
  // Prepared once: every queued row is inserted and marked done.
  const insertStmt = db
    .insert(t)
    .values(newRow({ id: ph('id'), idemKey: ph('idemKey'), kind: ph('kind'), payload: ph('payload'), now: ph('now') }) as never)
    .onConflictDoNothing({ target: col.idemKey! })
    .returning({ id: col.id! })
    .prepare();
  const markDoneStmt = db
    .update(t)
    .set({
      status: done,
      ...Object.fromEntries(desc.doneColumns.map((c) => [c, ph(c)])),
      lastError: null,
      ...ownerCleared,
      updatedAt: ph('now'),
    } as never)
    .where(and(byId(sql.placeholder('id') as never), ne(col.status!, done)))
    .prepare();
  const cursorAfter = (after: QueueCursor | null): SQL | undefined => {
    if (!after) return undefined;
    if (desc.order.length === 1) return gt(col[desc.order[0]!]!, after[0]);
    const cols = sql.join(desc.order.map((k) => sql`${col[k]}`), sql`, `);
    const vals = sql.join(after.map((v) => sql`${v}`), sql`, `);
    return sql`(${cols}) > (${vals})`;
  };

  return {
    /** Inserts a pending row; a repeated idemKey inserts nothing and returns the first row's id. */
    insertPending<I extends Id>(row: { id?: I; idemKey: string; kind: string; payload: string; now: number }): { id: I; created: boolean } {
      const inserted = insertStmt.all({ id: row.id ?? null, ...row }) as { id: I }[];
      if (inserted[0]) return { id: inserted[0].id, created: true };
      const existing = db.select({ id: col.id! }).from(t).where(eq(col.idemKey!, row.idemKey)).get() as { id: I };
      return { id: existing.id, created: false };
    },

    findById(id: R['id']): R | undefined {
      return db.select().from(t).where(byId(id)).get() as R | undefined;
    },

    findByIdemKey(idemKey: string): R | undefined {
      return db.select().from(t).where(eq(col.idemKey!, idemKey)).get() as R | undefined;
    },

    /** The cursor value of a row: its `order` columns. */
    cursorOf: (row: R): QueueCursor => desc.order.map((k) => (row as unknown as Record<string, number | string>)[k]!),

    /**
     * Takes up to `limit` due pending rows after the cursor, in order, and leases them: their
     * next_attempt_at moves to `leaseUntil` and attempts goes up by one, in one transaction, so a
     * second worker (or process) does not take the same row, and one that dies mid-work leaves the
     * row to be picked up again once the lease runs out.
     */
    claimDue(q: { now: number; after: QueueCursor | null; limit: number; leaseUntil: number; owner?: string }): R[] {
      return db.transaction((tx) => {
        const ids = tx
          .select({ id: col.id! })
          .from(t)
          .where(and(isPending, lte(col.nextAttemptAt!, q.now), cursorAfter(q.after)))
          .orderBy(...desc.order.map((k) => asc(col[k]!)))
          .limit(q.limit)
          .all()
          .map((r) => r.id as Id);
        if (ids.length === 0) return [];
        const rows = tx
          .update(t)
          .set({
            nextAttemptAt: q.leaseUntil,
            ...(hasOwner ? { owner: q.owner ?? null } : {}),
            attempts: sql`${col.attempts} + 1`,
            updatedAt: q.now,
          } as never)
          .where(and(inArray(col.id!, ids), isPending))
          .returning()
          .all() as unknown as R[];
        return rows.sort(sortRows);
      });
    },

    /**
     * Records the outcome and its values (e.g. the result and DingTalk's processQueryKey, or the EHR's
     * id) in one statement; a done row is never picked again.
     */
    markDone(id: R['id'], values: Record<string, unknown>, now: number): boolean {
      const params = Object.fromEntries(desc.doneColumns.map((c) => [c, values[c] ?? null]));
      return markDoneStmt.run({ ...params, id, now }).changes === 1;
    },

    markRetry(id: R['id'], nextAttemptAt: number, lastError: string, now: number): boolean {
      const set = { nextAttemptAt, lastError, ...ownerCleared, updatedAt: now };
      return db.update(t).set(set as never).where(and(byId(id), isPending)).run().changes === 1;
    },

    markDead(id: R['id'], lastError: string, now: number): boolean {
      const set = { status: dead, lastError, ...ownerCleared, updatedAt: now };
      return db.update(t).set(set as never).where(and(byId(id), isPending)).run().changes === 1;
    },

    /**
     * At start: work that an earlier run of this instance leased and never finished is due now instead
     * of when its lease runs out. Each was in flight at most once, so it repeats at most once.
     */
    releaseOwn(owner: string, now: number): number {
      if (!hasOwner) return 0;
      const set = { nextAttemptAt: now, owner: null, updatedAt: now };
      return db.update(t).set(set as never).where(and(isPending, eq(col.owner!, owner))).run().changes;
    },

    /** The lease heartbeat of a row being worked on: only while `owner` holds it and it is pending. */
    extendLease(id: R['id'], owner: string, leaseUntil: number): boolean {
      if (!hasOwner) return false;
      return db.update(t).set({ nextAttemptAt: leaseUntil } as never).where(and(byId(id), isPending, eq(col.owner!, owner))).run().changes === 1;
    },

    /** Puts a dead row back in the queue, due now. */
    retryDead(id: R['id'], now: number): boolean {
      const set = { status: pending, ...(desc.retryResetsAttempts ? { attempts: 0 } : {}), nextAttemptAt: now, updatedAt: now };
      return db.update(t).set(set as never).where(and(byId(id), eq(col.status!, dead))).run().changes === 1;
    },


    countPending(): number {
      return db.select({ n: count() }).from(t).where(isPending).get()?.n ?? 0;
    },
  };
}

export type QueueStore<R extends QueueRowBase> = ReturnType<typeof createQueueStore<R>>;

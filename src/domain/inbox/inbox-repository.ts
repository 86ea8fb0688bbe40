import type Database from 'better-sqlite3';
import { and, asc, count, desc, eq, gt, isNotNull, isNull, like, lt, lte, not, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { processedMessages, type InboxState } from './inbox-tables.js';
import { unfinishedFor, type UnfinishedQuery } from './inbox-unfinished.js';
import { olderThan } from '../../db/keyset.js';
import type { TimeCursor } from '../../shared/time-cursor.js';

export type { UnfinishedQuery } from './inbox-unfinished.js';

export type ClaimResult = 'new' | 'duplicate';
export type InboxRow = typeof processedMessages.$inferSelect;

/** A recorded message handed back for processing: its sealed payload and how often it was started. */
export interface TakenMessage {
  msgId: string;
  payload: string | null;
  attempts: number;
}

/** An arriving message as recorded: its sealed payload, the instance holding it and until when. */
export interface RecordInput {
  msgId: string;
  topic: string;
  payload: string;
  owner: string;
  now: number;
  leaseUntil: number;
}

/** A payload still held (an unfinished claim), as key rotation walks them. */
export interface SealedInboxRow {
  msgId: string;
  topic: string;
  payload: string;
}

/**
 * Named queries over processed_messages; the only place that knows its SQL. Every method answers with
 * a Promise and takes its turn at the store (see src/db/store.ts).
 */
export function createInboxRepository(db: Db, store: SqliteStore) {
  // drizzle's better-sqlite3 database carries its driver (the `Db` type leaves it out).
  const sqlite = (db as Db & { $client: Database.Database }).$client;
  const byId = (msgId: string) => eq(processedMessages.msgId, msgId);
  // Prepared once: these run for every inbound message.
  const recordStmt = db
    .insert(processedMessages)
    .values({
      msgId: sql.placeholder('msgId'),
      topic: sql.placeholder('topic'),
      state: 'processing',
      receivedAt: sql.placeholder('now'),
      payload: sql.placeholder('payload'),
      owner: sql.placeholder('owner'),
      leaseUntil: sql.placeholder('leaseUntil'),
      attempts: sql.placeholder('attempts'),
    })
    .onConflictDoNothing()
    .returning({ msgId: processedMessages.msgId })
    .prepare();
  const finishStmt = db
    .update(processedMessages)
    .set({
      state: sql`${sql.placeholder('state')}`,
      completedAt: sql`${sql.placeholder('now')}`,
      reason: sql`${sql.placeholder('reason')}`,
      payload: null,
      owner: null,
      leaseUntil: null,
    })
    .where(eq(processedMessages.msgId, sql.placeholder('msgId')))
    .prepare();

  /**
   * Commits with an fsync of the WAL (synchronous=FULL) for this write only, so it survives power loss
   * as well as kill -9; the connection stays at NORMAL for everything else. Inside a caller's
   * transaction the pragma cannot change, and the caller's commit decides. The store runs this step
   * either inside the caller's transaction or when none is open, never inside someone else's.
   */
  function durably<T>(write: () => T): T {
    if (sqlite.inTransaction) return write();
    const previous = sqlite.pragma('synchronous', { simple: true }) as number;
    sqlite.pragma('synchronous = FULL');
    try {
      return write();
    } finally {
      sqlite.pragma(`synchronous = ${previous}`);
    }
  }

  return store.wrap({
    /**
     * Records an arriving message durably, before it is ACKed: its sealed payload, the instance that
     * holds it and until when. A second record of the same id (redelivery, replay) is a duplicate.
     */
    record(r: RecordInput): ClaimResult {
      const rows = durably(() => recordStmt.all({ ...r, attempts: 1 }));
      return rows.length === 1 ? 'new' : 'duplicate';
    },

    /** `record` for several messages in one transaction with one fsync (group commit); results in order. */
    recordMany(rs: RecordInput[]): ClaimResult[] {
      const all = sqlite.transaction(() => rs.map((r): ClaimResult => (recordStmt.all({ ...r, attempts: 1 }).length === 1 ? 'new' : 'duplicate')));
      return durably(() => all());
    },

    /** Takes an id with no payload to keep (events, card presses): a second claim is a duplicate. */
    claim(msgId: string, topic: string, now: number): ClaimResult {
      const rows = recordStmt.all({ msgId, topic, now, payload: null, owner: null, leaseUntil: null, attempts: 1 });
      return rows.length === 1 ? 'new' : 'duplicate';
    },

    finish(msgId: string, state: 'done' | 'failed', now: number): void {
      finishStmt.run({ msgId, state, now, reason: null });
    },

    /** A dead letter: never processed again; its reason (a code) stays for the console, its text goes. */
    deadLetter(msgId: string, reason: string, now: number): void {
      finishStmt.run({ msgId, state: 'dead', now, reason });
    },

    /**
     * Messages recorded but never finished, for `owner` to resume: its own (an earlier run of the same
     * instance died) and any whose lease ran out. Each taken row gets the new lease and one more attempt.
     */
    takeUnfinished(q: UnfinishedQuery): TakenMessage[] {
      return db.transaction((tx) =>
        tx
          .update(processedMessages)
          .set({ owner: q.owner, leaseUntil: q.leaseUntil, attempts: sql`${processedMessages.attempts} + 1` })
          .where(
            and(
              eq(processedMessages.state, 'processing'),
              eq(processedMessages.topic, q.topic),
              unfinishedFor(processedMessages, q),
            ),
          )
          .returning({ msgId: processedMessages.msgId, payload: processedMessages.payload, attempts: processedMessages.attempts })
          .all(),
      );
    },

    /**
     * One unfinished claim whose lease ran out (or that never had one), for `owner` to take over when
     * the message comes again: new owner, lease and payload, one more attempt. Undefined when the claim
     * is finished or still held.
     */
    takeExpired(q: RecordInput): TakenMessage | undefined {
      return db
        .update(processedMessages)
        .set({ owner: q.owner, leaseUntil: q.leaseUntil, payload: q.payload, attempts: sql`${processedMessages.attempts} + 1` })
        .where(
          and(
            byId(q.msgId),
            eq(processedMessages.state, 'processing'),
            eq(processedMessages.topic, q.topic),
            or(isNull(processedMessages.leaseUntil), lte(processedMessages.leaseUntil, q.now)),
          ),
        )
        .returning({ msgId: processedMessages.msgId, payload: processedMessages.payload, attempts: processedMessages.attempts })
        .get();
    },

    /** Keeps a claim while it is still being worked on; false when another instance took it over. */
    extendLease(msgId: string, owner: string, leaseUntil: number): boolean {
      return (
        db
          .update(processedMessages)
          .set({ leaseUntil })
          .where(and(byId(msgId), eq(processedMessages.owner, owner), eq(processedMessages.state, 'processing')))
          .run().changes === 1
      );
    },

    find(msgId: string): InboxRow | undefined {
      return db.select().from(processedMessages).where(byId(msgId)).get();
    },

    /** One state, newest first, a keyset page after `after` (processed_messages_state_received_idx), for the admin console. */
    list(q: { state: InboxState; limit: number; after?: TimeCursor }): InboxRow[] {
      const where = and(eq(processedMessages.state, q.state), olderThan({ createdAt: processedMessages.receivedAt, id: processedMessages.msgId }, q.after));
      return db.select().from(processedMessages).where(where).orderBy(desc(processedMessages.receivedAt), desc(processedMessages.msgId)).limit(q.limit).all();
    },

    /** Messages in one state: an index range (processed_messages_state_idx), not a walk of every message kept. */
    countOf(state: InboxState): number {
      return db.select({ n: count() }).from(processedMessages).where(eq(processedMessages.state, state)).get()?.n ?? 0;
    },

    /** Sealed payloads after `afterId`, in id order, for walking the table in batches (key rotation); plain JSON rows from before sealing are left out. */
    sealedAfter(afterId: string, limit: number): SealedInboxRow[] {
      return db
        .select({ msgId: processedMessages.msgId, topic: processedMessages.topic, payload: sql<string>`${processedMessages.payload}` })
        .from(processedMessages)
        .where(and(gt(processedMessages.msgId, afterId), isNotNull(processedMessages.payload), not(like(processedMessages.payload, '{%'))))
        .orderBy(asc(processedMessages.msgId))
        .limit(limit)
        .all();
    },
    /** Replaces a sealed payload only if it is still `from` (a write in between wins); true when it did. */
    replacePayload(msgId: string, payload: string, from: string): boolean {
      return db.update(processedMessages).set({ payload }).where(and(byId(msgId), eq(processedMessages.payload, from))).run().changes > 0;
    },

    /** Forgets ids older than the retention window (DingTalk redelivers within minutes). */
    purgeBefore(cutoff: number): number {
      return db
        .delete(processedMessages)
        .where(and(lt(processedMessages.receivedAt, cutoff), eq(processedMessages.state, 'done')))
        .run().changes;
    },
  });
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;

import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, like, lt, lte, not, or, sql } from 'drizzle-orm';
import { processedMessages } from '../../db/pg/inbox-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { groupedOutsideTransactions } from './group-commit.js';
import type { ClaimResult, InboxRepository, InboxRow, RecordInput, SealedInboxRow, TakenMessage } from './inbox-repository.js';
import { unfinishedFor, type UnfinishedQuery } from './inbox-unfinished.js';
import type { InboxState } from './inbox-tables.js';
import { olderThan } from '../../db/keyset.js';
import type { TimeCursor } from '../../shared/time-cursor.js';

const taken = { msgId: processedMessages.msgId, payload: processedMessages.payload, attempts: processedMessages.attempts };

/**
 * processed_messages on PostgreSQL: the same port as inbox-repository.ts, shared by every instance.
 * A claim is `INSERT … ON CONFLICT DO NOTHING` (a redelivery or replay of an id any instance has
 * claimed inserts nothing, in the claim's own statement and transaction); a commit is durable
 * (synchronous_commit) before the frame is ACKed. Unfinished claims whose lease ran out are taken over
 * row by row under `FOR UPDATE SKIP LOCKED`, so two instances sweeping at once never take the same one.
 */
export function createPgInboxRepository(store: PgStore): InboxRepository {
  const db = () => store.db();
  const byId = (msgId: string) => eq(processedMessages.msgId, msgId);
  // Every message ends here: built once, a named statement per connection.
  const value = (name: string) => sql`${sql.placeholder(name)}`;
  const finishStatement = store.prepared('inbox_finish', (d, name) =>
    d
      .update(processedMessages)
      .set({ state: value('state'), completedAt: value('now'), reason: value('reason'), payload: null, owner: null, leaseUntil: null })
      .where(eq(processedMessages.msgId, sql.placeholder('msgId')))
      .prepare(name),
  );
  type Finish = { msgId: string; state: InboxState; now: number; reason: string | null };
  const finishOne = async (f: Finish) => void (await finishStatement().execute(f));
  // Claims finished in the same turn (outside a transaction) end in one statement; `= any` lets the
  // planner walk the primary key.
  const finishMany = async (fs: Finish[]) => {
    await store.pool.query({
      name: 'inbox_finish_many',
      text:
        'update processed_messages as p set state = v.state, completed_at = v.at, reason = v.reason, payload = null, owner = null, lease_until = null ' +
        'from unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) as v(msg_id, state, at, reason) where p.msg_id = any($1::text[]) and p.msg_id = v.msg_id',
      values: [fs.map((f) => f.msgId), fs.map((f) => f.state), fs.map((f) => f.now), fs.map((f) => f.reason)],
    });
    return fs.map(() => undefined);
  };
  const finish = groupedOutsideTransactions(() => store.inTransaction(), finishMany, finishOne);
  const finished = (msgId: string, state: InboxState, now: number, reason: string | null) => finish({ msgId, state, now, reason });
  const row = (r: { msgId: string; topic: string; now: number; payload: string | null; owner: string | null; leaseUntil: number | null }) => ({
    msgId: r.msgId,
    topic: r.topic,
    state: 'processing' as const,
    receivedAt: r.now,
    payload: r.payload,
    owner: r.owner,
    leaseUntil: r.leaseUntil,
    attempts: 1,
  });

  /** Inserts the rows that are new in one statement; in input order, a repeated id (even within the batch) is a duplicate. */
  async function insertNew(rows: ReturnType<typeof row>[]): Promise<ClaimResult[]> {
    if (rows.length === 0) return [];
    // Inserted in id order: two instances recording the same ids in other orders would otherwise each
    // wait on the other's uncommitted row (a deadlock); in one order, one waits and then skips.
    const sorted = [...rows].sort((x, y) => (x.msgId < y.msgId ? -1 : x.msgId > y.msgId ? 1 : 0));
    const inserted = await db().insert(processedMessages).values(sorted).onConflictDoNothing().returning({ msgId: processedMessages.msgId });
    const fresh = new Set(inserted.map((r) => r.msgId));
    return rows.map((r): ClaimResult => (fresh.delete(r.msgId) ? 'new' : 'duplicate'));
  }

  return {
    record: async (r: RecordInput) => (await insertNew([row(r)]))[0]!,

    recordMany: (rs: RecordInput[]) => insertNew(rs.map(row)),

    claim: async (msgId: string, topic: string, now: number) => (await insertNew([row({ msgId, topic, now, payload: null, owner: null, leaseUntil: null })]))[0]!,

    async finish(msgId: string, state: 'done' | 'failed', now: number): Promise<void> {
      await finished(msgId, state, now, null);
    },

    async deadLetter(msgId: string, reason: string, now: number): Promise<void> {
      await finished(msgId, 'dead', now, reason);
    },

    takeUnfinished(q: UnfinishedQuery): Promise<TakenMessage[]> {
      return store.transaction(async () => {
        const free = await db()
          .select({ msgId: processedMessages.msgId })
          .from(processedMessages)
          .where(
            and(
              eq(processedMessages.state, 'processing'),
              eq(processedMessages.topic, q.topic),
              unfinishedFor(processedMessages, q),
            ),
          )
          .for('update', { skipLocked: true });
        if (free.length === 0) return [];
        return db()
          .update(processedMessages)
          .set({ owner: q.owner, leaseUntil: q.leaseUntil, attempts: sql`${processedMessages.attempts} + 1` })
          .where(inArray(processedMessages.msgId, free.map((f) => f.msgId)))
          .returning(taken);
      });
    },

    async takeExpired(q: RecordInput): Promise<TakenMessage | undefined> {
      // One statement: of two instances taking the same claim, the second re-checks the lease after the first commits.
      const [r] = await db()
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
        .returning(taken);
      return r;
    },

    async extendLease(msgId: string, owner: string, leaseUntil: number): Promise<boolean> {
      const r = await db()
        .update(processedMessages)
        .set({ leaseUntil })
        .where(and(byId(msgId), eq(processedMessages.owner, owner), eq(processedMessages.state, 'processing')));
      return (r.rowCount ?? 0) === 1;
    },

    async find(msgId: string): Promise<InboxRow | undefined> {
      const [r] = await db().select().from(processedMessages).where(byId(msgId));
      return r;
    },

    async list(q: { state: InboxState; limit: number; after?: TimeCursor }): Promise<InboxRow[]> {
      const where = and(eq(processedMessages.state, q.state), olderThan({ createdAt: processedMessages.receivedAt, id: processedMessages.msgId }, q.after));
      return db().select().from(processedMessages).where(where).orderBy(desc(processedMessages.receivedAt), desc(processedMessages.msgId)).limit(q.limit);
    },

    async countOf(state: InboxState): Promise<number> {
      const [r] = await db().select({ n: count() }).from(processedMessages).where(eq(processedMessages.state, state));
      return r?.n ?? 0;
    },

    async sealedAfter(afterId: string, limit: number): Promise<SealedInboxRow[]> {
      return db()
        .select({ msgId: processedMessages.msgId, topic: processedMessages.topic, payload: sql<string>`${processedMessages.payload}` })
        .from(processedMessages)
        .where(and(gt(processedMessages.msgId, afterId), isNotNull(processedMessages.payload), not(like(processedMessages.payload, '{%'))))
        .orderBy(asc(processedMessages.msgId))
        .limit(limit);
    },

    async replacePayload(msgId: string, payload: string, from: string): Promise<boolean> {
      const r = await db().update(processedMessages).set({ payload }).where(and(byId(msgId), eq(processedMessages.payload, from)));
      return (r.rowCount ?? 0) > 0;
    },

    async purgeBefore(cutoff: number): Promise<number> {
      const r = await db()
        .delete(processedMessages)
        .where(and(lt(processedMessages.receivedAt, cutoff), eq(processedMessages.state, 'done')));
      return r.rowCount ?? 0;
    },
  };
}

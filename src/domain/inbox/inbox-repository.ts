import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { processedMessages } from './inbox-tables.js';

export type ClaimResult = 'new' | 'duplicate';

/** Named queries over processed_messages; the only place that knows its SQL. */
export function createInboxRepository(db: Db) {
  // Prepared once: these two run for every inbound message.
  const claimStmt = db
    .insert(processedMessages)
    .values({
      msgId: sql.placeholder('msgId'),
      topic: sql.placeholder('topic'),
      state: 'processing',
      receivedAt: sql.placeholder('now'),
      payload: sql.placeholder('payload'),
    })
    .onConflictDoNothing()
    .returning({ msgId: processedMessages.msgId })
    .prepare();
  const finishStmt = db
    .update(processedMessages)
    .set({ state: sql`${sql.placeholder('state')}`, completedAt: sql`${sql.placeholder('now')}`, payload: null })
    .where(eq(processedMessages.msgId, sql.placeholder('msgId')))
    .prepare();

  return {
    /** Records the message as taken; a second claim of the same id (redelivery, replay) is a duplicate. */
    claim(msgId: string, topic: string, payload: unknown, now: number): ClaimResult {
      const rows = claimStmt.all({ msgId, topic, now, payload: JSON.stringify(payload) });
      return rows.length === 1 ? 'new' : 'duplicate';
    },

    finish(msgId: string, state: 'done' | 'failed', now: number): void {
      finishStmt.run({ msgId, state, now });
    },

    /** Messages taken but never finished (the process stopped mid-way): resumed at start. */
    unfinished(topic: string): Array<{ msgId: string; payload: unknown }> {
      return db
        .select({ msgId: processedMessages.msgId, payload: processedMessages.payload })
        .from(processedMessages)
        .where(and(eq(processedMessages.state, 'processing'), eq(processedMessages.topic, topic)))
        .all()
        .map((r) => ({ msgId: r.msgId, payload: r.payload === null ? null : JSON.parse(r.payload) }));
    },

    /** Forgets ids older than the retention window (DingTalk redelivers within minutes). */
    purgeBefore(cutoff: number): number {
      return db
        .delete(processedMessages)
        .where(and(lt(processedMessages.receivedAt, cutoff), eq(processedMessages.state, 'done')))
        .run().changes;
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;

import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { processedMessages } from './inbox-tables.js';

export type ClaimResult = 'new' | 'duplicate';

/** Named queries over processed_messages; the only place that knows its SQL. */
export function createInboxRepository(db: Db) {
  return {
    /** Records the message as taken; a second claim of the same id (redelivery, replay) is a duplicate. */
    claim(msgId: string, topic: string, payload: unknown, now: number): ClaimResult {
      const rows = db
        .insert(processedMessages)
        .values({ msgId, topic, state: 'processing', receivedAt: now, payload: JSON.stringify(payload) })
        .onConflictDoNothing()
        .returning({ msgId: processedMessages.msgId })
        .all();
      return rows.length === 1 ? 'new' : 'duplicate';
    },

    finish(msgId: string, state: 'done' | 'failed', now: number): void {
      db.update(processedMessages)
        .set({ state, completedAt: now, payload: null })
        .where(eq(processedMessages.msgId, msgId))
        .run();
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

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sectionRoute } from './admin-auth.js';
import { z } from 'zod';
import type { InboxRepository, InboxRow } from '../../domain/inbox/inbox-repository.js';
import { errorResponses } from './admin-schemas.js';
import { inboundItemDto, inboundState, iso, isoOrNull, timeCursor } from './admin-console-schemas.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../shared/time-cursor.js';

const INBOUND_STATES = inboundState.options;

const itemDto = (r: InboxRow) => ({
  msgId: r.msgId,
  topic: r.topic,
  state: r.state,
  attempts: r.attempts,
  reason: r.reason,
  receivedAt: iso(r.receivedAt),
  completedAt: isoOrNull(r.completedAt),
});

export interface AdminInboundDeps {
  inbox: Pick<InboxRepository, 'list' | 'countOf'>;
}

/**
 * Inbound DingTalk messages and events by state, newest first, a keyset page at a time (`cursor` = the
 * previous page's `nextCursor`), with per-state counts from index ranges — above all the dead letters: messages whose handling
 * failed in a way a retry cannot fix, with the reason. Ids, codes and times only (payloads are sealed
 * and cleared when processing ends). Admins only.
 */
export const adminInboundRoutes: FastifyPluginAsyncZod<AdminInboundDeps> = async (app, { inbox }) => {
  const counts = z.object({ processing: z.number(), done: z.number(), failed: z.number(), dead: z.number() });
  app.get(
    '/inbound',
    {
      // Shown in the outbox section (inbound dead letters beside outbound ones).
      config: sectionRoute('outbox'),
      schema: {
        querystring: z.object({
          state: inboundState.default('dead'),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: timeCursor.optional(),
        }),
        response: { 200: z.object({ items: z.array(inboundItemDto), limit: z.number(), nextCursor: z.string().nullable(), counts }), ...errorResponses },
      },
    },
    async (req) => {
      const { state, limit, cursor } = req.query;
      const items = await inbox.list({ state, limit, after: decodeTimeCursor(cursor) });
      const last = items.length === limit ? items.at(-1) : undefined;
      const [processing, done, failed, dead] = await Promise.all(INBOUND_STATES.map((s) => inbox.countOf(s)));
      return {
        items: items.map(itemDto),
        limit,
        nextCursor: last ? encodeTimeCursor({ at: last.receivedAt, id: last.msgId }) : null,
        counts: { processing: processing!, done: done!, failed: failed!, dead: dead! },
      };
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sectionRoute } from './admin-auth.js';
import { z } from 'zod';
import type { InboxRepository, InboxRow } from '../../domain/inbox/inbox-repository.js';
import { errorResponses } from './admin-schemas.js';
import { inboundItemDto, inboundState, iso, isoOrNull} from './admin-console-schemas.js';

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
  inbox: Pick<InboxRepository, 'list' | 'countByState'>;
}

/**
 * Inbound DingTalk messages and events by state — above all the dead letters: messages whose handling
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
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(inboundItemDto), total: z.number(), limit: z.number(), offset: z.number(), counts }), ...errorResponses },
      },
    },
    async (req) => {
      const page = await inbox.list(req.query);
      const now = { processing: 0, done: 0, failed: 0, dead: 0, ...(await inbox.countByState()) };
      return { items: page.items.map(itemDto), total: page.total, limit: req.query.limit, offset: req.query.offset, counts: now };
    },
  );
};

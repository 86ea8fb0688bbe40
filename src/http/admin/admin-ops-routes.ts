import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { OutboxItemView } from '../../domain/outbox/outbox-service.js';
import type { Service } from '../../service.js';
import { errorResponses } from './admin-schemas.js';
import { iso, outboxIdParams, outboxItemDto, outboxStatus, ROLES } from './admin-console-schemas.js';

const itemDto = (v: OutboxItemView) => ({
  ...v,
  nextAttemptAt: iso(v.nextAttemptAt),
  createdAt: iso(v.createdAt),
  updatedAt: iso(v.updatedAt),
});

/**
 * The outbox and its dead letters: list by state (never payloads — they may carry message text),
 * put a dead row back in the queue, or discard a pending/dead one. Admins only; both changes are
 * audited with the row id.
 */
export const adminOpsRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, { service }) => {
  const admins = { adminRoles: ROLES.adminOnly };
  const counts = z.object({ pending: z.number(), sent: z.number(), dead: z.number(), discarded: z.number() });
  const countsNow = async () => ({ pending: 0, sent: 0, dead: 0, discarded: 0, ...(await service.outbox.counts()) });

  app.get(
    '/outbox',
    {
      config: admins,
      schema: {
        querystring: z.object({
          status: outboxStatus.default('dead'),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(outboxItemDto), total: z.number(), limit: z.number(), offset: z.number(), counts }), ...errorResponses },
      },
    },
    async (req) => {
      const page = await service.outbox.list(req.query);
      return { items: page.items.map(itemDto), total: page.total, limit: page.limit, offset: req.query.offset, counts: await countsNow() };
    },
  );

  const change = (path: string, run: (id: number) => Promise<void>, action: string) =>
    app.post(
      path,
      {
        config: admins,
        schema: { params: outboxIdParams, response: { 200: z.object({ id: z.number(), ok: z.literal(true), counts }), ...errorResponses } },
      },
      async (req) => {
        try {
          await run(req.params.id);
        } catch (e) {
          service.audit.append({ actor: req.admin!.id, action, target: `outbox-${req.params.id}`, outcome: 'denied', reason: 'not_found' });
          throw e;
        }
        service.audit.append({ actor: req.admin!.id, action, target: `outbox-${req.params.id}`, outcome: 'success' });
        return { id: req.params.id, ok: true as const, counts: await countsNow() };
      },
    );

  change('/outbox/:id/retry', (id) => service.outbox.retryDead(id), AUDIT_ACTIONS.outboxRetried);
  change('/outbox/:id/discard', (id) => service.outbox.discard(id), AUDIT_ACTIONS.outboxDiscarded);
};

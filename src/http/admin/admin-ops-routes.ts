import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sectionRoute } from './admin-auth.js';
import { z } from 'zod';
import type { AuditSink } from '../../shared/audit-sink.js';
import type { OutboxItemView, OutboxService } from '../../domain/outbox/outbox-service.js';
import { discardOutboxItem, retryOutboxItem } from '../../usecases/admin/outbox-actions.js';
import { errorResponses } from './admin-schemas.js';
import { idCursor, iso, outboxIdParams, outboxItemDto, outboxStatus } from './admin-console-schemas.js';

const itemDto = (v: OutboxItemView) => ({
  ...v,
  nextAttemptAt: iso(v.nextAttemptAt),
  createdAt: iso(v.createdAt),
  updatedAt: iso(v.updatedAt),
});

export interface AdminOpsDeps {
  outbox: Pick<OutboxService, 'list' | 'counts' | 'retryDead' | 'discard'>;
  audit: Pick<AuditSink, 'append'>;
}

/**
 * The outbox and its dead letters: list by state, newest first, a keyset page at a time (`cursor` = the
 * previous page's `nextCursor`), with per-state counts from index ranges (never payloads — they may carry message text),
 * put a dead row back in the queue, or discard a pending/dead one. Admins only; both changes are
 * audited with the row id.
 */
export const adminOpsRoutes: FastifyPluginAsyncZod<AdminOpsDeps> = async (app, deps) => {
  const admins = sectionRoute('outbox');
  const counts = z.object({ pending: z.number(), sent: z.number(), dead: z.number(), discarded: z.number() });
  const countsNow = () => deps.outbox.counts();

  app.get(
    '/outbox',
    {
      config: admins,
      schema: {
        querystring: z.object({
          status: outboxStatus.default('dead'),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: idCursor.optional(),
        }),
        response: { 200: z.object({ items: z.array(outboxItemDto), limit: z.number(), nextCursor: z.string().nullable(), counts }), ...errorResponses },
      },
    },
    async (req) => {
      const { status, limit, cursor } = req.query;
      const page = await deps.outbox.list({ status, limit, before: cursor === undefined ? undefined : Number(cursor) });
      return { items: page.items.map(itemDto), limit: page.limit, nextCursor: page.nextBefore === null ? null : String(page.nextBefore), counts: await countsNow() };
    },
  );

  const change = (path: string, run: (adminId: string, id: number) => Promise<void>) =>
    app.post(
      path,
      {
        config: admins,
        schema: { params: outboxIdParams, response: { 200: z.object({ id: z.number(), ok: z.literal(true), counts }), ...errorResponses } },
      },
      async (req) => {
        await run(req.admin!.id, req.params.id);
        return { id: req.params.id, ok: true as const, counts: await countsNow() };
      },
    );

  change('/outbox/:id/retry', (adminId, id) => retryOutboxItem(deps, adminId, id));
  change('/outbox/:id/discard', (adminId, id) => discardOutboxItem(deps, adminId, id));
};

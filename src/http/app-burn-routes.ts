import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Service } from '../service.js';
import { errorBody } from './admin/admin-schemas.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody };
const params = z.object({ itemId: z.string().min(1).max(64) });
const opened = z.object({
  kind: z.enum(['text', 'document']),
  text: z.string().optional(),
  /** Null for a document not yet fetched: its countdown starts when the content is. */
  remainingSeconds: z.number().int().nullable(),
  /** Documents only: a short-lived burn view token bound to me, and where to fetch the PDF with it. */
  token: z.string().optional(),
  url: z.string().optional(),
  expiresAt: z.number().optional(),
});

const secondsLeft = (burnAt: number, now: number) => Math.max(0, Math.ceil((burnAt - now) / 1000));

/**
 * Opening a burn-after-reading item from the mini-app. Text opens here (my first open starts my own
 * countdown, exactly as the chat link's viewer does); a document gets a burn view token bound to me,
 * because the watermarked PDF is fetched by the viewer and its countdown starts at that fetch.
 */
export const appBurnRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, { service }) => {
  app.post(
    '/api/app/burn/:itemId/open',
    { onRequest: app.requireTrusted, schema: { tags: ['doctor'], security: [{ bearerAuth: [] }], summary: 'Open a burn-after-reading item (starts my countdown)', params, response: { 200: opened, ...errors } } },
    async (req, reply) => {
      const me = req.clinician!;
      const { itemId } = req.params;
      reply.header('cache-control', 'no-store');
      const view = service.burn.service.peek(me, itemId);
      if (view.kind === 'document') {
        const now = service.clock.now();
        const { token, expiresAt } = service.burn.viewTokens.issue(itemId, me.id, now);
        return { kind: 'document' as const, token, expiresAt, url: `/api/burn/view/${token}/content`, remainingSeconds: view.burnAt === null ? null : secondsLeft(view.burnAt, now) };
      }
      const out = await service.burn.service.open(me, itemId);
      if (out.firstOpen) service.escalation.opened(itemId, me.id); // as the chat viewer: stops unread escalation at once
      return { kind: 'text' as const, text: out.text!, remainingSeconds: secondsLeft(out.burnAt, service.clock.now()) };
    },
  );
};

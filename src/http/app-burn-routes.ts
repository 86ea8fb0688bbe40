import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Service } from '../service.js';
import { burnOpenedDto, burnParams, viewTokenBody } from '../contract/doctor.js';
import { errorBody } from '../contract/errors.js';
import { ownViewClaims } from './app/own-view-token.js';
import { sendViewPdf } from './app/send-pdf.js';
import { burnDocument, secondsLeft } from './app/view-burn.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody };
const security = [{ bearerAuth: [] }];
const tags = ['doctor'];

/**
 * Opening a burn-after-reading item from the mini-app. Text opens here (my first open starts my own
 * countdown); a document gets a burn view token bound to me, because the watermarked PDF is fetched
 * by the viewer and its countdown starts at that fetch. The token goes back in a POST body.
 */
export const appBurnRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, { service }) => {
  const guard = { onRequest: app.requireTrusted };

  app.post(
    '/api/app/burn/:itemId/open',
    { ...guard, schema: { tags, security, summary: 'Open a burn-after-reading item (starts my countdown)', params: burnParams, response: { 200: burnOpenedDto, ...errors } } },
    async (req, reply) => {
      const me = req.clinician!;
      const { itemId } = req.params;
      reply.header('cache-control', 'no-store');
      const view = await service.burn.service.peek(me, itemId);
      if (view.kind === 'document') {
        const now = service.clock.now();
        const { token, expiresAt } = service.burn.viewTokens.issue(itemId, me.id, now);
        return { kind: 'document' as const, token, expiresAt, url: '/api/app/burn/view', remainingSeconds: view.burnAt === null ? null : secondsLeft(view.burnAt, now) };
      }
      const out = await service.burn.service.open(me, itemId);
      if (out.firstOpen) await service.escalation.opened(itemId, me.id); // as the chat viewer: stops unread escalation at once
      return { kind: 'text' as const, text: out.text!, remainingSeconds: secondsLeft(out.burnAt, service.clock.now()) };
    },
  );

  app.post(
    '/api/app/burn/view',
    {
      ...guard,
      schema: {
        tags, security, summary: 'A burn-after-reading document watermarked for me (starts my countdown); the burn view token (mine only) travels in the body',
        body: viewTokenBody,
        response: { 200: z.unknown().describe('application/pdf; the seconds left are in x-burn-remaining'), ...errors, 422: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const me = req.clinician!;
      reply.header('cache-control', 'no-store'); // refusals too
      const claims = ownViewClaims(service, service.burn.viewTokens.verify, req.body.token, me);
      const view = await burnDocument(service, me, claims.d);
      reply.header('x-burn-remaining', String(view.remainingSeconds));
      return sendViewPdf(reply as unknown as FastifyReply, view.pdf, view.caseCode, 'burn');
    },
  );
};

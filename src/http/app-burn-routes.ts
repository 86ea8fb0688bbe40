import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Service } from '../service.js';
import { burnOpenedDto, burnParams, viewTokenBody } from '../contract/doctor.js';
import { errorBody } from '../contract/errors.js';
import { ownViewClaims } from './app/own-view-token.js';
import { sendViewPdf } from './app/send-pdf.js';
import { openBurn } from '../usecases/burn/open-burn.js';
import { viewBurnDocument } from '../usecases/burn/view-burn-document.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody };
const security = [{ bearerAuth: [] }];
const tags = ['doctor'];

/**
 * Opening a burn-after-reading item from the mini-app. Text opens here (my first open starts my own
 * countdown); a document gets a burn view token bound to me, because the watermarked PDF is fetched
 * by the viewer and its countdown starts at that fetch. The token goes back in a POST body.
 */
export const appBurnRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, { service }) => {
  const { clock, audit, escalation } = service;
  const opening = { burn: service.burn.service, escalation, viewTokens: service.burn.viewTokens, clock };
  const viewing = { ...opening, stamp: service.stamp, cases: service.secure.casesRepo, audit };

  app.post(
    '/api/app/burn/:itemId/open',
    { schema: { tags, security, summary: 'Open a burn-after-reading item (starts my countdown)', params: burnParams, response: { 200: burnOpenedDto, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const out = await openBurn(opening, req.clinician!, req.params.itemId);
      return out.kind === 'document' ? { ...out, url: '/api/app/burn/view' } : out;
    },
  );

  app.post(
    '/api/app/burn/view',
    {
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
      const view = await viewBurnDocument(viewing, me, claims.d);
      reply.header('x-burn-remaining', String(view.remainingSeconds));
      return sendViewPdf(reply as unknown as FastifyReply, view.pdf, view.caseCode, 'burn');
    },
  );
};

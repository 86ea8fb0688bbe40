import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ViewTokens } from '../domain/sharing/view-token.js';
import { burnOpenedDto, burnParams, viewTokenBody } from '../contract/doctor.js';
import { errorBody } from '../contract/errors.js';
import { ownViewClaims, type OwnViewDeps } from './app/own-view-token.js';
import { sendViewPdf } from './app/send-pdf.js';
import { openBurn, type OpenBurnDeps } from '../usecases/burn/open-burn.js';
import { viewBurnDocument, type ViewBurnDocumentDeps } from '../usecases/burn/view-burn-document.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody };
const security = [{ bearerAuth: [] }];
const tags = ['doctor'];

/** `viewTokens`: the burn view tokens (not the document ones). */
export type AppBurnDeps = OpenBurnDeps & ViewBurnDocumentDeps & OwnViewDeps & { viewTokens: Pick<ViewTokens, 'issue' | 'verify'> };

/**
 * Opening a burn-after-reading item from the mini-app. Text opens here (my first open starts my own
 * countdown); a document gets a burn view token bound to me, because the watermarked PDF is fetched
 * by the viewer and its countdown starts at that fetch. The token goes back in a POST body.
 */
export const appBurnRoutes: FastifyPluginAsyncZod<AppBurnDeps> = async (app, deps) => {
  app.post(
    '/api/app/burn/:itemId/open',
    { schema: { tags, security, summary: 'Open a burn-after-reading item (starts my countdown)', params: burnParams, response: { 200: burnOpenedDto, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const out = await openBurn(deps, req.clinician!, req.params.itemId);
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
      const claims = ownViewClaims(deps, deps.viewTokens.verify, req.body.token, me);
      const view = await viewBurnDocument(deps, me, claims.d);
      reply.header('x-burn-remaining', String(view.remainingSeconds));
      return sendViewPdf(reply as unknown as FastifyReply, view.pdf, view.caseCode, 'burn');
    },
  );
};

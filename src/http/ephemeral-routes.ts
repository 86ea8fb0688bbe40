import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Service } from '../service.js';
import { composePage, viewerPage } from './ephemeral/burn-pages.js';
import { sendPage } from './forms-routes.js';
import { submitBurn } from './ephemeral/submit-burn.js';
import { burnContent, burnMeta } from './ephemeral/view-burn.js';

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const token = z.object({ token: z.string().min(10).max(400) });
const error = z.object({ code: z.string(), message: z.string() });
const after = z.object({ after: z.coerce.number().int().positive().max(86_400).optional() });
const created = z.object({ itemId: z.string(), caseCode: z.string(), recipients: z.number().int(), expiresAt: z.number() });
const errors = { 400: error, 401: error, 403: error, 404: error, 409: error, 410: error, 413: error, 415: error, 422: error };

/** Tokens are credentials in the path: request logs show the route pattern only. */
const routeLogging = {
  logSerializers: { req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, url: req.routeOptions?.url }) },
};

/**
 * Burn-after-reading over HTTP: compose (one-time `burn` link: text as JSON or a document as raw
 * bytes), and view (short-lived burn view token: page, metadata, content). Content responses are
 * never cached; the remaining seconds travel with them.
 */
export const ephemeralRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, { service }) => {
  app.addContentTypeParser(['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

  app.get('/burn/:token', { ...routeLogging, schema: { params: token } }, async (req, reply) => {
    service.secure.cases.tokens.lookup(req.params.token, 'burn');
    return sendPage(reply, 200, composePage());
  });

  app.post(
    '/api/burn/:token/text',
    { ...routeLogging, schema: { params: token, body: z.object({ text: z.string().min(1).max(20_000), burnAfterSeconds: z.number().int().positive().max(86_400).optional() }), response: { 201: created, ...errors } } },
    async (req, reply) => {
      const out = await submitBurn(service, req.params.token, { kind: 'text', text: req.body.text }, req.body.burnAfterSeconds);
      return reply.status(201).header('cache-control', 'no-store').send(out);
    },
  );

  app.post(
    '/api/burn/:token/document',
    { ...routeLogging, bodyLimit: MAX_UPLOAD_BYTES, schema: { params: token, querystring: after, response: { 201: created, ...errors } } },
    async (req, reply) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const out = await submitBurn(service, req.params.token, { kind: 'document', bytes }, req.query.after);
      return reply.status(201).header('cache-control', 'no-store').send(out);
    },
  );

  app.get('/burn/view/:token', { ...routeLogging, schema: { params: token } }, async (_req, reply) => sendPage(reply, 200, viewerPage()));

  app.get('/api/burn/view/:token/meta', { ...routeLogging, schema: { params: token } }, async (req, reply) =>
    reply.header('cache-control', 'no-store').send(burnMeta(service, req.params.token)),
  );

  app.get('/api/burn/view/:token/content', { ...routeLogging, schema: { params: token } }, async (req, reply) => {
    const view = await burnContent(service, req.params.token);
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').header('x-burn-remaining', String(view.remainingSeconds));
    if (view.kind === 'text') return reply.send({ text: view.text, remainingSeconds: view.remainingSeconds });
    return reply.header('content-disposition', `inline; filename="${view.caseCode}-burn.pdf"`).type('application/pdf').send(Buffer.from(view.pdf));
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Service } from '../service.js';
import { uploadPage } from './documents/upload-page.js';
import { uploadDocument } from './documents/upload-document.js';
import { viewDocument } from './documents/view-document.js';
import { sendViewPdf } from './app/send-pdf.js';

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const token = z.object({ token: z.string().min(10).max(400) });
const error = z.object({ code: z.string(), message: z.string() });

/** Upload (one-time link) and watermarked view (short-lived view token) of shared documents. */
export const documentRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, { service }) => {
  // Uploads arrive as the raw file; its type is decided from its bytes, never from this header.
  app.addContentTypeParser(['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

  app.get('/upload/:token', { schema: { params: token } }, async (req, reply) => {
    service.secure.cases.tokens.lookup(req.params.token, 'upload');
    const page = uploadPage();
    return reply.header('cache-control', 'no-store').header('content-security-policy', page.csp).type('text/html; charset=utf-8').send(page.html);
  });

  app.post(
    '/api/documents/upload/:token',
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        params: token,
        querystring: z.object({ restricted: z.string().regex(/^[a-z_]{2,40}$/).optional(), urgent: z.enum(['1', 'true', '0', 'false']).optional() }),
        response: { 201: z.object({ documentId: z.string(), caseCode: z.string(), mediaType: z.string(), size: z.number() }), 400: error, 401: error, 403: error, 409: error, 413: error, 415: error },
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const out = await uploadDocument(service, req.params.token, body, { restrictedCategory: req.query.restricted, urgent: req.query.urgent === '1' || req.query.urgent === 'true' });
      return reply.status(201).send(out);
    },
  );

  app.get('/view/:token', { schema: { params: token } }, async (req, reply) => {
    const { pdf, caseCode } = await viewDocument(service, req.params.token);
    return sendViewPdf(reply, pdf, caseCode);
  });
};

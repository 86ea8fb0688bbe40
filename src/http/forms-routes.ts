import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCaseNotices } from '../bot/commands/case-notices.js';
import { caseFormSchema, consentFormSchema } from '../domain/cases/case-form.js';
import type { LinkPurpose } from '../domain/cases/cases-tables.js';
import type { Service } from '../service.js';
import { ERROR_TABLE, isDomainError } from '../shared/errors.js';
import { errorResponses } from './admin/admin-schemas.js';
import { caseOpenPage, consentPage, linkErrorPage, type FormPage } from './forms-page.js';

const tokenParams = z.object({ token: z.string().min(1).max(128) });
const html = z.string().describe('text/html');
const pageResponses = { 200: html, 401: html, 409: html };

/**
 * The token is a credential in the path: request logs show the route pattern, never the URL.
 * (Bodies are never logged; they hold the patient's identity.)
 */
const routeLogging = {
  logSerializers: {
    req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, url: req.routeOptions?.url }),
  },
};

export function sendPage(reply: FastifyReply, status: number, page: FormPage) {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('content-security-policy', page.csp)
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .type('text/html; charset=utf-8')
    .send(page.html);
}

/**
 * One-time form links the bot sends (case open, consent). GET serves a minimal page; its POST goes to
 * /api/forms/… as JSON. The link identifies the clinician; the domain re-checks them as they are now.
 */
export const formsRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, opts) => {
  const { secure, directoryRepo, outbox } = opts.service;
  const { tokens, open, consent } = secure.cases;
  const notices = createCaseNotices({ directoryRepo, outbox });

  /** The page for a live link, or a short HTML explanation (expired, used, unknown). */
  function pageFor(reply: FastifyReply, token: string, purpose: LinkPurpose, build: (caseId: string | null) => FormPage) {
    try {
      const row = tokens.lookup(token, purpose);
      return sendPage(reply, 200, build(row.caseId));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return sendPage(reply, e.status, linkErrorPage(ERROR_TABLE[e.code].en + ' ' + ERROR_TABLE[e.code].zh));
    }
  }

  app.get('/forms/case-open/:token', { ...routeLogging, schema: { params: tokenParams, response: pageResponses } }, async (req, reply) =>
    pageFor(reply, req.params.token, 'case_open', () => caseOpenPage(directoryRepo.listInstitutions())),
  );

  app.post(
    '/api/forms/case-open/:token',
    {
      ...routeLogging,
      schema: { params: tokenParams, body: caseFormSchema, response: { 200: z.object({ caseCode: z.string(), created: z.boolean() }), ...errorResponses } },
    },
    async (req, reply) => {
      const link = tokens.lookup(req.params.token, 'case_open');
      const res = open.submitCaseForm(req.params.token, link.clinicianId, req.body);
      const opener = directoryRepo.findById(link.clinicianId)!;
      if (res.created) notices.caseOpened(link.conversationId!, res.caseCode, opener);
      else notices.existingCase(opener, res.existing, link.tokenHash);
      reply.header('cache-control', 'no-store');
      return res.created ? { caseCode: res.caseCode, created: true } : { caseCode: res.existing, created: false };
    },
  );

  app.get('/forms/consent/:token', { ...routeLogging, schema: { params: tokenParams, response: pageResponses } }, async (req, reply) =>
    pageFor(reply, req.params.token, 'consent', (caseId) => {
      const c = caseId ? secure.casesRepo.caseById(caseId) : undefined;
      return consentPage(c?.code ?? '', directoryRepo.listInstitutions());
    }),
  );

  app.post(
    '/api/forms/consent/:token',
    {
      ...routeLogging,
      schema: { params: tokenParams, body: consentFormSchema, response: { 200: z.object({ caseCode: z.string(), recorded: z.number().int() }), ...errorResponses } },
    },
    async (req, reply) => {
      const link = tokens.lookup(req.params.token, 'consent');
      reply.header('cache-control', 'no-store');
      return consent.recordConsent(req.params.token, link.clinicianId, req.body);
    },
  );
};

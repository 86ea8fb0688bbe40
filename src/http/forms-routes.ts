import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCaseNotices } from '../bot/commands/case-notices.js';
import { caseFormSchema, consentFormSchema, type CaseForm, type ConsentForm } from '../domain/cases/case-form.js';
import type { LinkPurpose } from '../domain/cases/cases-tables.js';
import type { LinkRef, LinkTokenRow } from '../domain/cases/link-tokens.js';
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

export const caseOpenResult = z.object({ caseCode: z.string(), created: z.boolean() });
export const consentResult = z.object({ caseCode: z.string(), recorded: z.number().int() });

/**
 * Submitting the two forms, for either way in (token page, mini-app intent): the domain call, then
 * what chat hears. `link` is the row the caller already checked belongs to `ref`.
 */
export function createFormSubmit(service: Service) {
  const { secure, directoryRepo, outbox } = service;
  const notices = createCaseNotices({ directoryRepo, outbox });
  return {
    caseOpen(ref: LinkRef, link: LinkTokenRow, body: CaseForm): z.infer<typeof caseOpenResult> {
      const res = secure.cases.open.submitCaseForm(ref, link.clinicianId, body);
      const opener = directoryRepo.findById(link.clinicianId)!;
      if (res.created) notices.caseOpened(link.conversationId!, res.caseCode, opener);
      else notices.existingCase(opener, res.existing, link.tokenHash);
      return res.created ? { caseCode: res.caseCode, created: true } : { caseCode: res.existing, created: false };
    },
    consent(ref: LinkRef, link: LinkTokenRow, body: ConsentForm): z.infer<typeof consentResult> {
      return secure.cases.consent.recordConsent(ref, link.clinicianId, body);
    },
  };
}

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
 * The older one-time form token pages (case open, consent); the bot now sends mini-app links
 * instead (app/app-forms-routes.ts), and these stay for links already sent. GET serves a minimal page; its POST goes to
 * /api/forms/… as JSON. The link identifies the clinician; the domain re-checks them as they are now.
 */
export const formsRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, opts) => {
  const { secure, directoryRepo } = opts.service;
  const { tokens } = secure.cases;
  const submit = createFormSubmit(opts.service);

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
      schema: { params: tokenParams, body: caseFormSchema, response: { 200: caseOpenResult, ...errorResponses } },
    },
    async (req, reply) => {
      const link = tokens.lookup(req.params.token, 'case_open');
      reply.header('cache-control', 'no-store');
      return submit.caseOpen(req.params.token, link, req.body);
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
      schema: { params: tokenParams, body: consentFormSchema, response: { 200: consentResult, ...errorResponses } },
    },
    async (req, reply) => {
      const link = tokens.lookup(req.params.token, 'consent');
      reply.header('cache-control', 'no-store');
      return submit.consent(req.params.token, link, req.body);
    },
  );
};

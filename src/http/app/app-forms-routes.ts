import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { LinkPurpose } from '../../domain/cases/cases-tables.js';
import type { Service } from '../../service.js';
import { DomainError } from '../../shared/errors.js';
import { errorBody } from '../../contract/errors.js';
import { caseFormSchema, caseOpenResult, consentFormSchema, consentResult, intentDto, intentParams as params } from '../../contract/forms.js';
import { createFormSubmit } from './form-submit.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody };
const security = [{ bearerAuth: [] }];
const tags = ['doctor'];

/** The form kinds as they appear in mini-app paths (/app/form/<kind>/<intentId>); one per link purpose. */
const KINDS = { case_open: 'case-open', consent: 'consent' } as const satisfies Record<LinkPurpose, string>;

/**
 * The mini-app side of the bot's form links. The URL holds only a link intent id; the signed-in
 * clinician must be the one it was sent to (anyone else gets not_found, as for an unknown id), and
 * it is one-time and expires. Submitting goes through the case services and tells chat (form-submit.ts).
 */
export const appFormsRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (app, { service }) => {
  const { secure, directoryRepo } = service;
  const submit = createFormSubmit(service);

  /**
   * My live intent of this purpose (another purpose looks like no intent at all). A link that is not
   * mine is recorded: a forwarded form link being tried is worth a reviewer's eye.
   */
  async function myIntent(intentId: string, clinicianId: string, purpose?: LinkPurpose) {
    try {
      const row = await secure.cases.tokens.intentFor(intentId, clinicianId);
      if (purpose && row.purpose !== purpose) throw new DomainError('not_found');
      return { row, purpose: row.purpose };
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') {
        service.audit.append({ actor: clinicianId, action: AUDIT_ACTIONS.caseFormLinkRefused, target: intentId, outcome: 'denied', reason: 'not_found' });
      }
      throw e;
    }
  }

  app.get(
    '/api/app/forms/:intentId',
    { schema: { tags, security, summary: 'A form link sent to me: what to fill in (owner only)', params, response: { 200: intentDto, ...errors } } },
    async (req, reply) => {
      const { row, purpose } = await myIntent(req.params.intentId, req.clinician!.id);
      reply.header('cache-control', 'no-store');
      const caseCode = row.caseId ? ((await secure.casesRepo.caseById(row.caseId))?.code ?? null) : null;
      const institutions = (await directoryRepo.listInstitutions()).map((i) => ({ code: i.code, nameEn: i.nameEn, nameZh: i.nameZh }));
      return { kind: KINDS[purpose], caseCode, expiresAt: row.expiresAt, institutions };
    },
  );

  app.post(
    '/api/app/forms/case-open/:intentId',
    { schema: { tags, security, summary: 'Submit a case-open form sent to me (once)', params, body: caseFormSchema, response: { 200: caseOpenResult, ...errors } } },
    async (req, reply) => {
      const { row } = await myIntent(req.params.intentId, req.clinician!.id, 'case_open');
      reply.header('cache-control', 'no-store');
      return submit.caseOpen({ intentId: req.params.intentId }, row, req.body);
    },
  );

  app.post(
    '/api/app/forms/consent/:intentId',
    { schema: { tags, security, summary: 'Submit a consent form sent to me (once)', params, body: consentFormSchema, response: { 200: consentResult, ...errors } } },
    async (req, reply) => {
      const { row } = await myIntent(req.params.intentId, req.clinician!.id, 'consent');
      reply.header('cache-control', 'no-store');
      return submit.consent({ intentId: req.params.intentId }, row, req.body);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CaseOpenService } from '../../domain/cases/case-open-service.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { LinkPurpose } from '../../domain/cases/cases-tables.js';
import type { ConsentService } from '../../domain/cases/consent-service.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { errorBody } from '../../contract/errors.js';
import { caseFormSchema, caseOpenResult, consentFormSchema, consentResult, intentDto, intentParams as params } from '../../contract/forms.js';
import { formToFill, myFormIntent, type FormIntentDeps } from '../../usecases/cases/form-intent.js';
import { submitCaseOpen, type CaseOpenNotices } from '../../usecases/cases/open-case.js';
import { recordConsentAndTell, type RecordConsentDeps } from '../../usecases/consent/record-consent.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody };
const security = [{ bearerAuth: [] }];
const tags = ['doctor'];

/** The form kinds as they appear in mini-app paths (/app/form/<kind>/<intentId>); one per link purpose. */
const KINDS = { case_open: 'case-open', consent: 'consent' } as const satisfies Record<LinkPurpose, string>;

export type AppFormsDeps = FormIntentDeps & Omit<RecordConsentDeps, 'directory'> & {
  casesRepo: Pick<CasesRepository, 'caseById'>;
  directory: Pick<DirectoryRepository, 'findById' | 'listInstitutions'>;
  open: Pick<CaseOpenService, 'submitCaseForm'>;
  consent: Pick<ConsentService, 'recordConsent'>;
  /** What chat hears when a case-open form is submitted. */
  notices: CaseOpenNotices;
};

/**
 * The mini-app side of the bot's form links. The URL holds only a link intent id; the signed-in
 * clinician must be the one it was sent to (anyone else gets not_found, as for an unknown id, and the
 * attempt is recorded), and it is one-time and expires. Submitting goes through the open-case and
 * record-consent use cases.
 */
export const appFormsRoutes: FastifyPluginAsyncZod<AppFormsDeps> = async (app, deps) => {
  app.get(
    '/api/app/forms/:intentId',
    { schema: { tags, security, summary: 'A form link sent to me: what to fill in (owner only)', params, response: { 200: intentDto, ...errors } } },
    async (req, reply) => {
      const form = await formToFill(deps, req.params.intentId, req.clinician!.id);
      reply.header('cache-control', 'no-store');
      return { kind: KINDS[form.link.purpose], caseCode: form.caseCode, expiresAt: form.link.expiresAt, institutions: form.institutions };
    },
  );

  app.post(
    '/api/app/forms/case-open/:intentId',
    { schema: { tags, security, summary: 'Submit a case-open form sent to me (once)', params, body: caseFormSchema, response: { 200: caseOpenResult, ...errors } } },
    async (req, reply) => {
      const link = await myFormIntent(deps, req.params.intentId, req.clinician!.id, 'case_open');
      reply.header('cache-control', 'no-store');
      return submitCaseOpen(deps, { intentId: req.params.intentId }, link, req.body);
    },
  );

  app.post(
    '/api/app/forms/consent/:intentId',
    { schema: { tags, security, summary: 'Submit a consent form sent to me (once)', params, body: consentFormSchema, response: { 200: consentResult, ...errors } } },
    async (req, reply) => {
      const link = await myFormIntent(deps, req.params.intentId, req.clinician!.id, 'consent');
      reply.header('cache-control', 'no-store');
      return recordConsentAndTell(deps, { intentId: req.params.intentId }, link, req.body);
    },
  );
};

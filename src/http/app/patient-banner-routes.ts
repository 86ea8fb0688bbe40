import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseCodeParams, composeRouteDocs } from '../../contract/compose.js';
import { patientBannerDto } from '../../contract/patient-banner.js';
import { patientBanner, type PatientBannerDeps } from '../../usecases/cases/patient-banner.js';
import { composeCase } from './compose-options.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';

const { errors, security, tags } = composeRouteDocs;

export type PatientBannerRouteDeps = PatientBannerDeps & { cases: Pick<CaseQueries, 'findCase'> };

/**
 * The case screen's patient banner. Signed-in, verified, active clinicians only (the /api/app hook);
 * the use case asks the policy. Never cached, refusals included; request logs carry the route pattern only.
 */
export const patientBannerRoutes: FastifyPluginAsyncZod<PatientBannerRouteDeps> = async (app, deps) => {
  app.get(
    '/api/app/cases/:code/patient',
    { schema: { tags, security, summary: 'Who the patient is (masked HKID), for a clinician the policy lets open the case’s records now', params: caseCodeParams, response: { 200: patientBannerDto, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return patientBanner(deps, req.clinician!, await composeCase(deps, req.params.code));
    },
  );
};

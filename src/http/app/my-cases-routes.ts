import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { composeRouteDocs } from '../../contract/compose.js';
import { myCasesPageDto, myCasesQuery } from '../../contract/cases.js';
import { listMyCases, type MyCasesDeps } from '../../usecases/cases/my-cases.js';

const { errors, security, tags } = composeRouteDocs;

export type MyCasesRouteDeps = MyCasesDeps;

/**
 * The Cases tab: my cases, and the search over them. Signed-in, verified, active clinicians only (the
 * /api/app hook); the use case keeps the patient search to what the policy allows, and audits it.
 * Never cached: a search by patient says which of my cases are theirs.
 */
export const myCasesRoutes: FastifyPluginAsyncZod<MyCasesRouteDeps> = async (app, deps) => {
  app.get(
    '/api/app/cases',
    { schema: { tags, security, summary: 'My cases (role, status, last activity, unread), newest activity first, cursor pages; search by case code or patient', querystring: myCasesQuery, response: { 200: myCasesPageDto, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return listMyCases(deps, req.clinician!, req.query);
    },
  );
};

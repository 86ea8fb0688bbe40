import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { revokeGrantAsOfficer, type RevokeGrantDeps } from '../../usecases/grants/revoke-grant.js';
import { sectionRoute } from './admin-auth.js';
import { errorResponses } from './admin-schemas.js';

export type AdminGrantDeps = RevokeGrantDeps;

const revokedResponse = z.object({ caseCode: z.string(), ended: z.number() });

/**
 * The console's [Revoke] on a live access grant: read under `oversight`, taken by a privacy officer
 * alone (`grant.revoke` in src/contract/admin-sections.ts; the use case refuses anyone else, audited).
 */
export const adminGrantRoutes: FastifyPluginAsyncZod<AdminGrantDeps> = async (app, deps) => {
  app.post(
    '/grants/:id/revoke',
    { config: sectionRoute('oversight'), schema: { params: z.object({ id: z.string().max(64) }), response: { 200: revokedResponse, ...errorResponses } } },
    async (req) => {
      const out = await revokeGrantAsOfficer(deps, req.admin!, req.params.id);
      return { caseCode: out.caseCode, ended: out.ended };
    },
  );
};

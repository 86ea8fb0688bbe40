import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { liveGrantsQuery, liveGrantsResponse, revokeGrantBody } from '../../contract/admin-grants.js';
import { listLiveGrants, type ListLiveGrantsDeps, type LiveGrantView } from '../../usecases/grants/list-live-grants.js';
import { revokeGrantAsOfficer, type RevokeGrantDeps } from '../../usecases/grants/revoke-grant.js';
import { sectionRoute } from './admin-auth.js';
import { iso } from './admin-console-schemas.js';
import { errorResponses } from './admin-schemas.js';

export type AdminGrantDeps = RevokeGrantDeps & ListLiveGrantsDeps;

const revokedResponse = z.object({ caseCode: z.string(), ended: z.number() });

const grantDto = (g: LiveGrantView) => ({ ...g, grantedAt: iso(g.grantedAt), expiresAt: iso(g.expiresAt) });

/**
 * Live access grants in the console: the list (oversight readers), and [Revoke] with a reason from the
 * closed list, taken by a privacy officer alone (`grant.revoke` in src/contract/admin-sections.ts; the
 * use case refuses anyone else, audited).
 */
export const adminGrantRoutes: FastifyPluginAsyncZod<AdminGrantDeps> = async (app, deps) => {
  app.get(
    '/grants',
    { config: sectionRoute('oversight'), schema: { querystring: liveGrantsQuery, response: { 200: liveGrantsResponse, ...errorResponses } } },
    async (req) => {
      const page = await listLiveGrants(deps, req.query.after, req.query.limit);
      return { grants: page.grants.map(grantDto), next: page.next };
    },
  );

  app.post(
    '/grants/:id/revoke',
    {
      config: sectionRoute('oversight'),
      schema: { params: z.object({ id: z.string().max(64) }), body: revokeGrantBody, response: { 200: revokedResponse, ...errorResponses } },
    },
    async (req) => {
      const out = await revokeGrantAsOfficer(deps, req.admin!, req.params.id, req.body.reason);
      return { caseCode: out.caseCode, ended: out.ended };
    },
  );
};

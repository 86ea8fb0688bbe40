import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sectionRoute } from './admin-auth.js';
import { z } from 'zod';
import type { CaseAdmin } from '../../domain/cases/case-admin.js';
import type { CareTeamRoster, RosterEntry } from '../../domain/cases/care-team-roster.js';
import { CARE_ROLES } from '../../domain/cases/cases-tables.js';
import { bindCaseGroup, caseGroups, unbindCaseGroup, type CaseGroupDeps, type CaseGroups } from '../../usecases/admin/case-groups.js';
import { caseGroupDto, rosterRoleDto } from '../../contract/admin-console.js';
import { errorResponses } from './admin-schemas.js';
import { iso, isoOrNull} from './admin-console-schemas.js';

/** An ISO date or date-time from the console's date picker, as epoch ms. */
const when = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
  .transform((s) => Date.parse(s));

const caseParams = z.object({ code: z.string().max(16) });
const roleChangeDto = z.object({
  caseCode: z.string(),
  clinicianId: z.string(),
  role: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
});
const groupsResponse = z.object({ caseCode: z.string(), groups: z.array(caseGroupDto) });
/** The console's roster row (src/contract), with the care roles this service knows. */
const rosterDto = rosterRoleDto.extend({ careRole: z.enum(CARE_ROLES) });

export interface AdminCaseDeps extends CaseGroupDeps {
  caseAdmin: CaseGroupDeps['caseAdmin'] & Pick<CaseAdmin, 'adminSetTeamRole' | 'adminEndRole'>;
  roster: Pick<CareTeamRoster, 'roster' | 'cancelBooking'>;
}

/**
 * Care teams and consult-group bindings from the console (admins only). The domain side is
 * case-admin.ts: audited, around `manageCase`, with dated roles. GET /cases/:code/team (in
 * admin-routes.ts) lists only the roles in force, as the policy sees them; GET /cases/:code/roles
 * (care-team-roster.ts) is the console's full list, booked and ended roles included.
 */
export const adminCaseRoutes: FastifyPluginAsyncZod<AdminCaseDeps> = async (app, deps) => {
  const admins = sectionRoute('cases');
  const { caseAdmin, roster } = deps;
  const dto = (r: { caseCode: string; clinicianId: string; role: string | null; effectiveFrom: number | null; effectiveTo: number | null }) => ({
    ...r,
    effectiveFrom: isoOrNull(r.effectiveFrom),
    effectiveTo: isoOrNull(r.effectiveTo),
  });
  // Who added or removed a role stays in the audit log; the console shows the dates and the reason.
  const rosterJson = ({ addedBy: _a, removedBy: _r, ...r }: RosterEntry) => ({ ...r, effectiveFrom: iso(r.effectiveFrom), effectiveTo: isoOrNull(r.effectiveTo) });
  const groupsJson = ({ caseCode, groups }: CaseGroups) => ({
    caseCode,
    groups: groups.map((g) => ({ conversationId: g.conversationId, boundBy: g.boundBy, boundByName: g.boundByName, boundAt: iso(g.boundAt) })),
  });

  app.post(
    '/cases/:code/team',
    {
      config: admins,
      schema: {
        params: caseParams,
        body: z.object({ clinicianId: z.string().min(1).max(64), role: z.enum(CARE_ROLES), effectiveFrom: when.optional(), effectiveTo: when.optional() }),
        response: { 200: roleChangeDto, ...errorResponses },
      },
    },
    async (req) => {
      const { clinicianId, role, effectiveFrom, effectiveTo } = req.body;
      return dto(await caseAdmin.adminSetTeamRole(req.admin!.id, req.params.code, clinicianId, role, { effectiveFrom, effectiveTo }));
    },
  );

  app.delete(
    '/cases/:code/team/:clinicianId',
    {
      config: admins,
      schema: {
        params: caseParams.extend({ clinicianId: z.string().min(1).max(64) }),
        querystring: z.object({ at: when.optional() }),
        response: { 200: roleChangeDto, ...errorResponses },
      },
    },
    async (req) => dto(await caseAdmin.adminEndRole(req.admin!.id, req.params.code, req.params.clinicianId, req.query.at)),
  );

  // The whole roster: roles in force, booked ahead and ended, each with its status at `now`.
  app.get(
    '/cases/:code/roles',
    {
      config: admins,
      schema: { params: caseParams, response: { 200: z.object({ caseCode: z.string(), now: z.string(), roles: z.array(rosterDto) }), ...errorResponses } },
    },
    async (req) => {
      const r = await roster.roster(req.params.code);
      return { caseCode: r.caseCode, now: iso(r.now), roles: r.roles.map(rosterJson) };
    },
  );

  // Calls off one booked role before it starts (409 for a role already in force or over).
  app.delete(
    '/cases/:code/roles/:roleId',
    {
      config: admins,
      schema: { params: caseParams.extend({ roleId: z.string().min(1).max(64) }), response: { 200: rosterDto, ...errorResponses } },
    },
    async (req) => rosterJson(await roster.cancelBooking(req.admin!.id, req.params.code, req.params.roleId)),
  );

  app.get(
    '/cases/:code/groups',
    { config: admins, schema: { params: caseParams, response: { 200: groupsResponse, ...errorResponses } } },
    async (req) => groupsJson(await caseGroups(deps, req.params.code)),
  );

  app.post(
    '/cases/:code/groups',
    {
      config: admins,
      schema: { params: caseParams, body: z.object({ conversationId: z.string().min(1).max(128) }), response: { 200: groupsResponse, ...errorResponses } },
    },
    async (req) => groupsJson(await bindCaseGroup(deps, req.admin!.id, req.params.code, req.body.conversationId)),
  );

  app.delete(
    '/cases/:code/groups/:conversationId',
    {
      config: admins,
      schema: {
        params: caseParams.extend({ conversationId: z.string().min(1).max(128) }),
        response: { 200: groupsResponse.extend({ rolesEnded: z.number() }), ...errorResponses },
      },
    },
    async (req) => {
      const out = await unbindCaseGroup(deps, req.admin!.id, req.params.code, req.params.conversationId);
      return { ...groupsJson(out), rolesEnded: out.rolesEnded };
    },
  );
};

import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CaseQueries } from '../domain/cases/case-queries.js';
import type { ClinicianRow } from '../domain/directory/directory-repository.js';
import {
  newClinicianSchema,
  newInstitutionSchema,
  verifyInputSchema,
  type DirectoryAdmin,
} from '../domain/directory/directory-admin.js';
import { MANUAL_CHECKS_ONLY, recordRegisterCheck, type RegisterCheckDeps } from '../usecases/admin/register-check.js';
import { registerAdminAuth, sectionRoute } from './admin/admin-auth.js';
import { cliniciansPage, cliniciansQuery } from '../contract/admin-directory.js';
import { clinicianDto, errorResponses, institutionDto, teamMemberDto } from './admin/admin-schemas.js';

export interface AdminRoutesOptions {
  directoryAdmin: DirectoryAdmin;
  caseQueries: Pick<CaseQueries, 'findCase' | 'teamOf'>;
  /** Needed only when the app has not registered @fastify/jwt itself. */
  jwtSecret?: string;
  /** Whether an admin token's login still counts (RefreshSessions.isActive). */
  isSessionActive(sessionId: string): Promise<boolean>;
  /** The register lookup, when one is configured (else register checks are recorded as manual). */
  register?: RegisterCheckDeps;
}

const idParams = z.object({ id: z.string().min(1).max(64) });

/**
 * Directory and case-team administration under /api/admin (register with that prefix). Thin: each
 * route validates, calls the directory admin service or case queries, and maps rows to DTOs.
 */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (app, opts) => {
  const { directoryAdmin: dir, caseQueries } = opts;
  await registerAdminAuth(app as unknown as FastifyInstance, {
    jwtSecret: opts.jwtSecret,
    isSessionActive: opts.isSessionActive,
    findClinician: async (id) => {
      try {
        return await dir.findClinician(id);
      } catch {
        return undefined;
      }
    },
  });

  const toDto = async (c: ClinicianRow): Promise<z.infer<typeof clinicianDto>> => ({
    ...c,
    institutionCode: (await dir.institution(c.institutionId))?.code ?? null,
  });
  const adminId = (req: { admin: ClinicianRow | null }): string => req.admin!.id;
  // Each route admits the roles of its console section (src/contract/admin-sections.ts).
  const clinicians = sectionRoute('clinicians');
  const institutions = sectionRoute('institutions');
  const cases = sectionRoute('cases');

  app.get(
    '/clinicians',
    {
      config: clinicians,
      schema: {
        querystring: cliniciansQuery,
        response: { 200: cliniciansPage, ...errorResponses },
      },
    },
    async (req) => {
      const { unverified, verified, active, q, limit, cursor } = req.query;
      const page = await dir.listClinicians({ unverifiedOnly: unverified === 'true', verifiedOnly: verified === 'true', activeOnly: active === 'true', q, limit, cursor });
      return { clinicians: await Promise.all(page.items.map(toDto)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/clinicians',
    { config: clinicians, schema: { body: newClinicianSchema, response: { 201: clinicianDto, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await toDto(await dir.addClinician(req.body, adminId(req)))),
  );

  app.post(
    '/clinicians/:id/verify',
    { config: clinicians, schema: { params: idParams, body: verifyInputSchema, response: { 200: clinicianDto, ...errorResponses } } },
    async (req) => toDto(await recordRegisterCheck({ ...(opts.register ?? MANUAL_CHECKS_ONLY), directoryAdmin: dir }, req.admin!, req.params.id, req.body)),
  );

  app.post(
    '/clinicians/:id/suspend',
    {
      config: clinicians,
      schema: {
        params: idParams,
        body: z.object({ undo: z.boolean().default(false) }).default({ undo: false }),
        response: { 200: clinicianDto, ...errorResponses },
      },
    },
    async (req) => toDto(await dir.suspend(req.params.id, { undo: req.body.undo }, adminId(req))),
  );

  // "Remove from organisation": verification, every care-team role, grant and login end at once.
  app.post(
    '/clinicians/:id/remove-from-org',
    {
      config: clinicians,
      schema: {
        params: idParams,
        response: {
          200: z.object({ clinician: clinicianDto, rolesEnded: z.number().int(), grantsRevoked: z.number().int(), loginsEnded: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const out = await dir.removeFromOrganisation(req.params.id, adminId(req));
      return { clinician: await toDto(await dir.findClinician(out.clinicianId)), rolesEnded: out.rolesEnded, grantsRevoked: out.grantsRevoked, loginsEnded: out.loginsEnded };
    },
  );

  app.get(
    '/institutions',
    { config: institutions, schema: { response: { 200: z.object({ institutions: z.array(institutionDto) }), ...errorResponses } } },
    async () => ({ institutions: await dir.listInstitutions() }),
  );

  app.post(
    '/institutions',
    { config: institutions, schema: { body: newInstitutionSchema, response: { 201: institutionDto, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await dir.addInstitution(req.body, adminId(req))),
  );

  app.get(
    '/cases/:code/team',
    {
      config: cases,
      schema: {
        params: z.object({ code: z.string().max(16) }),
        response: { 200: z.object({ caseCode: z.string(), team: z.array(teamMemberDto) }), ...errorResponses },
      },
    },
    async (req) => {
      const c = await caseQueries.findCase(req.params.code);
      return { caseCode: c.code, team: await caseQueries.teamOf(c.id) };
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { errorBody } from '../../contract/errors.js';
import { caseParams } from '../../contract/doctor.js';
import { z } from 'zod';
import { caseGrantsDto, caseStatusBody, caseStatusDto, documentTitleBody, grantParams, revokedDto } from '../../contract/grants.js';
import { setDocumentTitle, type DocumentTitleDeps } from '../../usecases/sharing/document-title.js';
import { setCaseStatus, type CaseLifecycleDeps } from '../../usecases/cases/case-lifecycle.js';
import { listCaseGrants } from '../../usecases/grants/case-grants.js';
import { revokeGrant, type RevokeGrantDeps } from '../../usecases/grants/revoke-grant.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import { personOf } from './people.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const security = [{ bearerAuth: [] }];
const tags = ['doctor'];

export type GrantCaseRouteDeps = RevokeGrantDeps &
  CaseLifecycleDeps &
  DocumentTitleDeps & {
    cases: Pick<CaseQueries, 'findCase' | 'teamRoleNow' | 'teamOf'>;
    directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
  };

/**
 * Grants and case status from the case screen: who holds live access from outside the team (with
 * [Revoke] where I may), revoking one grant, closing and re-opening the case. The same use cases as
 * the chat commands (`revoke`, `close`, `reopen`), so both audit and notify alike. Also the sharer's
 * document title, which travels only in a body.
 */
export const grantCaseRoutes: FastifyPluginAsyncZod<GrantCaseRouteDeps> = async (app, deps) => {
  app.get(
    '/api/app/cases/:code/grants',
    { schema: { tags, security, summary: 'Live access grants on a case (care team only)', params: caseParams, response: { 200: caseGrantsDto, ...errors } } },
    async (req) => {
      const grants = await listCaseGrants(deps, req.clinician!, req.params.code);
      return Promise.all(grants.map(async ({ granteeId, ...g }) => ({ ...g, grantee: await personOf(deps.directory, granteeId) })));
    },
  );

  app.post(
    '/api/app/grants/:id/revoke',
    { schema: { tags, security, summary: 'End an access grant now (the case’s attending, or its approver)', params: grantParams, response: { 200: revokedDto, ...errors } } },
    async (req) => {
      const out = await revokeGrant(deps, req.clinician!, req.params.id);
      return { caseCode: out.caseCode, granteeId: out.grantee.id, ended: out.ended };
    },
  );

  app.post(
    '/api/app/documents/:id/title',
    { schema: { tags, security, summary: 'Name a document I shared (shown only in the mini-app; sealed at rest)', params: grantParams, body: documentTitleBody, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await setDocumentTitle(deps, req.clinician!, req.params.id, req.body.title);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/app/cases/:code/status',
    { schema: { tags, security, summary: 'Close (read-only, grants end) or re-open a case (the attending)', params: caseParams, body: caseStatusBody, response: { 200: caseStatusDto, ...errors } } },
    async (req) => {
      const me = req.clinician!;
      return setCaseStatus(deps, { clinician: me, trusted: me.verified && !me.suspended }, req.params.code, req.body.status);
    },
  );
};

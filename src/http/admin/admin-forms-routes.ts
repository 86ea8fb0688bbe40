import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { filingResponse, formMappingBody, FORM_UUID, mappingDto, submissionsQuery, submissionsResponse, type FormMapping } from '../../contract/yida.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { peopleNames } from '../../usecases/admin/people-names.js';
import { approveSubmission, type ApproveSubmissionDeps } from '../../usecases/forms/approve-submission.js';
import type { FilingOutcome } from '../../usecases/forms/file-submission.js';
import { listMappings, removeMapping, saveMapping, type FormMappingsDeps } from '../../usecases/forms/form-mappings.js';
import { discardSubmission, listSubmissions, retrySubmission, type ManageSubmissionsDeps } from '../../usecases/forms/manage-submissions.js';
import { sectionRoute } from './admin-auth.js';
import { iso } from './admin-console-schemas.js';
import { errorResponses } from './admin-schemas.js';

export interface AdminFormsDeps {
  mappings: FormMappingsDeps;
  submissions: Parameters<typeof retrySubmission>[0] & ManageSubmissionsDeps;
  approve: ApproveSubmissionDeps;
  directory: Pick<DirectoryRepository, 'byIds'>;
}

const formParams = z.object({ formUuid: z.string().regex(FORM_UUID) });
const idParams = z.object({ id: z.string().min(1).max(64) });
const filed = (o: FilingOutcome) => ({ state: o.state, errorCode: o.errorCode, filed: o.state === 'filed' });

/**
 * The console's Forms section (admins): map Yida forms onto case records, and the submissions that
 * wait — list, retry after re-mapping, discard (audited). Ids, codes, states and case codes only; the
 * form data stays sealed. Approving a submission is for the approver the mapping names (a privacy
 * officer here, in the oversight section; the case's attending from the mini-app API).
 */
export const adminFormsRoutes: FastifyPluginAsyncZod<AdminFormsDeps> = async (app, deps) => {
  const dto = async (list: FormMapping[]) => {
    const names = await peopleNames({ directory: deps.directory }, list.map((m) => m.updatedBy));
    return list.map((m) => ({ ...m, updatedAt: iso(m.updatedAt), updatedBy: names.get(m.updatedBy) ?? m.updatedBy }));
  };
  app.get('/forms/mappings', { config: sectionRoute('forms'), schema: { response: { 200: z.object({ mappings: z.array(mappingDto) }), ...errorResponses } } }, async () => ({
    mappings: await dto(await listMappings(deps.mappings)),
  }));
  app.put(
    '/forms/mappings/:formUuid',
    { config: sectionRoute('forms'), schema: { params: formParams, body: formMappingBody, response: { 200: mappingDto, ...errorResponses } } },
    async (req) => (await dto([await saveMapping(deps.mappings, req.admin!.id, req.params.formUuid, req.body)]))[0]!,
  );
  app.delete('/forms/mappings/:formUuid', { config: sectionRoute('forms'), schema: { params: formParams, response: { 200: z.object({ removed: z.boolean() }), ...errorResponses } } }, async (req) => {
    await removeMapping(deps.mappings, req.admin!.id, req.params.formUuid);
    return { removed: true };
  });
  app.get('/forms/submissions', { config: sectionRoute('forms'), schema: { querystring: submissionsQuery, response: { 200: submissionsResponse, ...errorResponses } } }, async (req) => {
    const page = await listSubmissions(deps.submissions, req.query);
    return { ...page, items: page.items.map((s) => ({ ...s, receivedAt: iso(s.receivedAt), updatedAt: iso(s.updatedAt) })) };
  });
  app.post('/forms/submissions/:id/retry', { config: sectionRoute('forms'), schema: { params: idParams, response: { 200: filingResponse, ...errorResponses } } }, async (req) =>
    filed(await retrySubmission(deps.submissions, req.admin!.id, req.params.id)),
  );
  app.post('/forms/submissions/:id/discard', { config: sectionRoute('forms'), schema: { params: idParams, response: { 200: z.object({ discarded: z.boolean() }), ...errorResponses } } }, async (req) => {
    await discardSubmission(deps.submissions, req.admin!.id, req.params.id);
    return { discarded: true };
  });
  // A privacy officer releasing a submission whose mapping names them as its approver (oversight section).
  app.post('/forms/submissions/:id/approve', { config: sectionRoute('oversight'), schema: { params: idParams, response: { 200: filingResponse, ...errorResponses } } }, async (req) =>
    filed(await approveSubmission(deps.approve, req.admin!, req.params.id)),
  );
};

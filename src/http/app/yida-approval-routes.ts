import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../contract/doctor.js';
import { errorBody } from '../../contract/errors.js';
import { pendingFormsDto, pendingFormViewDto, returnFormBody } from '../../contract/yida-approval.js';
import { filingResponse } from '../../contract/yida.js';
import { approveSubmission } from '../../usecases/forms/approve-submission.js';
import { listMyPendingForms, returnPendingForm, viewPendingForm, type PendingFormsDeps } from '../../usecases/forms/pending-approvals.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const byId = z.object({ id: z.string().min(1).max(64) });
const doc = (summary: string) => ({ tags: ['doctor'], security: [{ bearerAuth: [] }], summary });

/**
 * Yida submissions whose mapping asks for approval before filing (the case's attending, or a privacy
 * officer): the approver's list, one submission as its record would read, approve (then it is filed
 * under their name) or return with a coded reason. Anyone else: access.denied, audited.
 */
export const yidaApprovalRoutes: FastifyPluginAsyncZod<PendingFormsDeps> = async (app, deps) => {
  app.get(
    '/api/app/yida/submissions/pending',
    { schema: { ...doc('Yida form submissions waiting for my approval, newest first (cursor pages)'), querystring: pageQuery, response: { 200: pendingFormsDto, 400: errorBody, 401: errorBody } } },
    async (req) => listMyPendingForms(deps, req.clinician!, req.query),
  );
  app.get(
    '/api/app/yida/submissions/:id',
    { schema: { ...doc('One Yida submission waiting for my approval, as its record would read (no HKID)'), params: byId, response: { 200: pendingFormViewDto, ...errors } } },
    async (req) => viewPendingForm(deps, req.clinician!, req.params.id),
  );
  app.post(
    '/api/app/yida/submissions/:id/approve',
    { schema: { ...doc('Approve a Yida form submission for filing (its approver)'), params: byId, response: { 200: filingResponse, ...errors } } },
    async (req) => {
      const out = await approveSubmission(deps, req.clinician!, req.params.id);
      return { state: out.state, errorCode: out.errorCode, filed: out.state === 'filed' };
    },
  );
  app.post(
    '/api/app/yida/submissions/:id/return',
    { schema: { ...doc('Return a Yida form submission instead of filing it, with a coded reason (its approver)'), params: byId, body: returnFormBody, response: { 200: z.object({ returned: z.literal(true) }), ...errors } } },
    async (req) => {
      await returnPendingForm(deps, req.clinician!, req.params.id, req.body.reason);
      return { returned: true as const };
    },
  );
};

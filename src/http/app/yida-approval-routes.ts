import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contract/errors.js';
import { filingResponse } from '../../contract/yida.js';
import { approveSubmission, type ApproveSubmissionDeps } from '../../usecases/forms/approve-submission.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/**
 * A Yida submission whose mapping asks the case's attending to approve it before filing: the attending
 * releases it (then it is filed under their name). Anyone else: access.denied, audited. No screen yet.
 */
export const yidaApprovalRoutes: FastifyPluginAsyncZod<ApproveSubmissionDeps> = async (app, deps) => {
  app.post(
    '/api/app/yida/submissions/:id/approve',
    { schema: { tags: ['doctor'], security: [{ bearerAuth: [] }], summary: 'Approve a Yida form submission for filing (the case’s attending)', params: z.object({ id: z.string().min(1).max(64) }), response: { 200: filingResponse, ...errors } } },
    async (req) => {
      const out = await approveSubmission(deps, req.clinician!, req.params.id);
      return { state: out.state, errorCode: out.errorCode, filed: out.state === 'filed' };
    },
  );
};

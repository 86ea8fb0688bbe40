import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { correctionOptionsDto, refileBody, refiledDto, retractedDto } from '../../contract/correction.js';
import { docParams } from '../../contract/doctor.js';
import { errorBody } from '../../contract/errors.js';
import { refileDocument, type RefileDeps } from '../../usecases/correction/refile-document.js';
import { correctionOptions, retractDocument } from '../../usecases/correction/retract-document.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody };
const security = [{ bearerAuth: [] }];
const tags = ['doctor'];

export type CorrectionRouteDeps = RefileDeps;

/**
 * Wrong-patient correction from the document screen: what I may do, retract, re-file. Signed-in,
 * verified, active clinicians (the /api/app hook); the use cases admit only the sharer or the attending.
 */
export const correctionRoutes: FastifyPluginAsyncZod<CorrectionRouteDeps> = async (app, deps) => {
  app.get(
    '/api/app/documents/:id/correction',
    { schema: { tags, security, summary: 'Whether I may retract or re-file this document (its sharer or the case’s attending)', params: docParams, response: { 200: correctionOptionsDto, ...errors } } },
    async (req) => correctionOptions(deps, req.clinician!, req.params.id),
  );

  app.post(
    '/api/app/documents/:id/retract',
    { schema: { tags, security, summary: 'Retract a document shared to the wrong case: views end, the team is told', params: docParams, response: { 200: retractedDto, ...errors } } },
    async (req) => retractDocument(deps, req.clinician!, req.params.id),
  );

  app.post(
    '/api/app/documents/:id/refile',
    { schema: { tags, security, summary: 'Re-file a (retracted) document to the right case, through that case’s sharing rules', params: docParams, body: refileBody, response: { 200: refiledDto, ...errors } } },
    async (req) => refileDocument(deps, req.clinician!, req.params.id, req.body.caseCode),
  );
};

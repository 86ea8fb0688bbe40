import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_MAX_BYTES } from '../../domain/vault/upload-check.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import { composeCase } from './compose-options.js';
import { burnAfterQuery, burnSentDto, caseCodeParams, composeRouteDocs, shareQuery, sharedDto } from '../../contract/compose.js';
import { sendBurn, type SendBurnDeps } from '../../usecases/burn/send-burn.js';
import { parseFlags } from '../../contract/consult-flags.js';
import { shareReport, type ShareReportDeps } from '../../usecases/sharing/share-report.js';

const { errors, security, tags } = composeRouteDocs;
const file = { description: 'The raw file (PDF, JPEG or PNG); its type is decided from its bytes, never from the content-type header' };

/** Sharing a report and sending a burn-after-reading document, into a case named by its code. */
export type ComposeUploadDeps = ShareReportDeps & SendBurnDeps & { cases: Pick<CaseQueries, 'findCase'> };

/**
 * Files from the mini-app as the raw request body. Every content type is read as bytes here (this
 * scope only), so what the file is comes from the vault's check of its bytes: a wrong file is
 * `upload.type`, not a parser error. Over 20 MB is `request.too_large` before anything is read in full.
 */
export const composeUploadRoutes: FastifyPluginAsyncZod<ComposeUploadDeps> = async (app, deps) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: DEFAULT_MAX_BYTES }, (_req, body, done) => done(null, body));
  const upload = { bodyLimit: DEFAULT_MAX_BYTES };
  const bytesOf = (body: unknown) => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

  app.post(
    '/api/app/cases/:code/reports',
    { ...upload, schema: { tags, security, summary: 'Share a report into a case (the case team and bound groups are told)', params: caseCodeParams, querystring: shareQuery, response: { 201: sharedDto, ...errors }, description: file.description } },
    async (req, reply) => {
      const caseRow = await composeCase(deps, req.params.code);
      const urgent = req.query.urgent === '1' || req.query.urgent === 'true';
      const out = await shareReport(deps, req.clinician!, caseRow, bytesOf(req.body), { restrictedCategory: req.query.restricted, urgent, docType: req.query.type, flags: parseFlags(req.query.flag) });
      return reply.status(201).header('cache-control', 'no-store').send(out);
    },
  );

  app.post(
    '/api/app/cases/:code/burn/document',
    { ...upload, schema: { tags, security, summary: 'Send a burn-after-reading document to the case team', description: file.description, params: caseCodeParams, querystring: burnAfterQuery, response: { 201: burnSentDto, ...errors } } },
    async (req, reply) => {
      const caseRow = await composeCase(deps, req.params.code);
      const out = await sendBurn(deps, req.clinician!, caseRow, { kind: 'document', bytes: bytesOf(req.body) }, req.query.after);
      return reply.status(201).header('cache-control', 'no-store').send(out);
    },
  );
};

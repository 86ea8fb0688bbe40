import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessChat } from '../usecases/access/access-ports.js';
import { decideRequest, type DecideRequestDeps } from '../usecases/access/decide-request.js';
import { requestAccess, type RequestAccessDeps } from '../usecases/access/request-access.js';
import { langOf } from '../shared/lang.js';
import { issueViewToken, type IssueViewTokenDeps } from '../usecases/viewing/decide-open.js';
import { PURPOSE_CODES, PURPOSE_OF_USE } from '../contract/purpose-of-use.js';
import type { ViewTokens } from '../domain/sharing/view-token.js';
import { DomainError } from '../shared/errors.js';
import { errorBody } from '../contract/errors.js';
import { buildCaseView, caseConsultTriggersPage, caseDocumentsPage, type CaseViewDeps } from './app/case-view.js';
import { casePageQuery } from '../contract/case-pages.js';
import { caseConsultTriggersPageDto, caseDocumentsPageDto, caseParams, caseViewDto, decideBody, docParams, inboxDto, inboxPageDtos, newDocumentsPageDto, pageQuery, langQuery, reasonsDto, refusalDto, requestAccessBody, requestAnswer, viewTokenBody, viewTokenDto, wouldNotOpen } from '../contract/doctor.js';
import { buildInbox, newDocumentsPage, type InboxDeps } from './app/inbox.js';
import { inboxPage } from './app/inbox-lists.js';
import { ownViewClaims, type OwnViewDeps } from './app/own-view-token.js';
import { sendViewPdf } from './app/send-pdf.js';
import { viewDocument, type ViewDocumentDeps } from '../usecases/viewing/view-document.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody };
const security = [{ bearerAuth: [] }];
const tags = ['doctor'];

export type AppDoctorDeps = InboxDeps & CaseViewDeps & IssueViewTokenDeps & ViewDocumentDeps & OwnViewDeps & RequestAccessDeps & DecideRequestDeps & {
  /** The purpose-of-use codes this deployment accepts. */
  reasonCodes: readonly string[];
  /** The document view tokens. */
  viewTokens: Pick<ViewTokens, 'issue' | 'verify'>;
  /** The access intents' notices and reply words (chat), shared with the bot. */
  notices: AccessChat;
};

/**
 * The doctor screens' API. Every route needs a verified, active clinician (the /api/app hook in app.ts); the
 * access use cases (request, decide, view token) are shared with the bot, so both notify and audit alike.
 */
export const appDoctorRoutes: FastifyPluginAsyncZod<AppDoctorDeps> = async (app, deps) => {
  const { notices: chat } = deps;

  app.get('/api/app/inbox', { schema: { tags, security, summary: 'What waits for me (new documents: the first page and the total)', response: { 200: inboxDto, ...errors } } }, async (req) =>
    buildInbox(deps, req.clinician!),
  );
  app.get(
    '/api/app/inbox/documents',
    { schema: { tags, security, summary: 'More documents on my cases I have not opened, newest first (cursor pages)', querystring: pageQuery, response: { 200: newDocumentsPageDto, ...errors } } },
    async (req) => newDocumentsPage(deps, req.clinician!, req.query),
  );
  for (const list of Object.keys(inboxPageDtos) as (keyof typeof inboxPageDtos)[]) {
    app.get(
      `/api/app/inbox/${list}`,
      { schema: { tags, security, summary: `More of the inbox's ${list} list, newest first (cursor pages)`, querystring: pageQuery, response: { 200: inboxPageDtos[list], ...errors } } },
      async (req) => inboxPage(deps, req.clinician!, list, req.query),
    );
  }

  app.get(
    '/api/app/cases/:code',
    { schema: { tags, security, summary: 'A case: team and documents with receipts (team and grant holders only)', params: caseParams, response: { 200: caseViewDto, ...errors } } },
    async (req) => buildCaseView(deps, req.clinician!, req.params.code),
  );
  app.get(
    '/api/app/cases/:code/documents',
    { schema: { tags, security, summary: "More of a case's documents with receipts, newest first (cursor pages; team and grant holders only)", params: caseParams, querystring: pageQuery, response: { 200: caseDocumentsPageDto, ...errors } } },
    async (req) => caseDocumentsPage(deps, req.clinician!, req.params.code, req.query),
  );
  app.get(
    '/api/app/cases/:code/consult-triggers',
    { schema: { tags, security, summary: "More of the consult rules that fired on a case's results and forms, newest first (keyset pages; team and grant holders only)", params: caseParams, querystring: casePageQuery, response: { 200: caseConsultTriggersPageDto, ...errors } } },
    async (req) => caseConsultTriggersPage(deps, req.clinician!, req.params.code, req.query),
  );

  app.get('/api/app/reasons', { schema: { tags, security, summary: 'Purpose-of-use codes with labels', response: { 200: reasonsDto, ...errors } } }, async () =>
    PURPOSE_CODES.filter((c) => deps.reasonCodes.includes(c)).map((code) => ({ code, ...PURPOSE_OF_USE[code] })),
  );

  app.post(
    '/api/app/documents/:id/view-token',
    { schema: { tags, security, summary: 'A short-lived view token for me, if the policy allows now', params: docParams, querystring: langQuery, response: { 200: viewTokenDto, ...errors, 403: refusalDto } } },
    async (req, reply) => {
      const me = req.clinician!;
      const lang = req.query.lang ?? langOf(me);
      const out = await issueViewToken(deps, me, req.params.id, lang);
      if (!out.allowed) return reply.status(403).send({ code: 'access.denied', message: lang === 'zh' ? '你暫時不能開啟此文件。' : 'You can’t open this yet.', reasons: out.reasons });
      return { token: out.token, expiresAt: out.expiresAt, url: '/api/app/documents/view' };
    },
  );

  app.post(
    '/api/app/documents/view',
    {
      schema: {
        tags, security, summary: 'The PDF watermarked for me; the view token (mine only) travels in the body, never the URL',
        body: viewTokenBody,
        response: { 200: z.unknown().describe('application/pdf: the report stamped for this viewer'), ...errors, 422: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const me = req.clinician!;
      reply.header('cache-control', 'no-store'); // refusals too
      const claims = ownViewClaims(deps, deps.viewTokens.verify, req.body.token, me);
      const { pdf, caseCode } = await viewDocument(deps, me, claims.d);
      return sendViewPdf(reply as unknown as FastifyReply, pdf, caseCode);
    },
  );

  app.post(
    '/api/app/documents/:id/request',
    {
      schema: {
        tags, security, summary: 'Ask the approvers for access to a document', params: docParams, querystring: langQuery,
        body: requestAccessBody.extend({ reasonCode: z.enum(PURPOSE_CODES as [string, ...string[]]) }),
        response: {
          200: requestAnswer,
          ...errors,
          409: wouldNotOpen,
        },
      },
    },
    async (req) => {
      const me = req.clinician!;
      const reason = req.body.reasonCode as (typeof PURPOSE_CODES)[number];
      if (!(await deps.documents.find(req.params.id))) throw new DomainError('document.not_found');
      const asked = await requestAccess(deps, me, req.params.id, reason);
      return { requestId: asked.requestId, status: asked.status, message: await chat.requestedReply(asked, req.query.lang ?? langOf(me)) };
    },
  );

  app.post(
    '/api/app/requests/:id/decide',
    {
      schema: {
        tags, security, summary: 'Approve or deny a request waiting for me', params: docParams, querystring: langQuery,
        body: decideBody,
        response: {
          200: requestAnswer,
          ...errors,
          409: wouldNotOpen,
        },
      },
    },
    async (req, reply) => {
      const me = req.clinician!;
      const lang = req.query.lang ?? langOf(me);
      try {
        const decided = await decideRequest(deps, me, req.params.id, req.body.decision, { reason: req.body.reason, duration: req.body.duration });
        return { requestId: req.params.id, status: (await deps.approvals.get(req.params.id)).status, message: chat.decidedReply(decided, lang) };
      } catch (e) {
        // Approving would not let the requester open it: 409 with the missing conditions named.
        if (!(e instanceof DomainError && e.code === 'approval.would_not_open')) throw e;
        const err = await chat.wouldNotOpen(e, lang);
        return reply.status(409).send({ code: err.code, message: String(err.details?.text ?? err.message), missing: (err.details?.missing as string[] | undefined) ?? [] });
      }
    },
  );
};

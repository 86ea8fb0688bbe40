import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sectionRoute } from './admin-auth.js';
import { z } from 'zod';
import type { AccessRequestRow, ApprovalRepository } from '../../domain/approvals/approval-repository.js';
import type { ApproverStep } from '../../domain/approvals/approval-steps.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { BreakGlassService } from '../../domain/grants/break-glass.js';
import type { BreakGlassReviewRow, GrantRepository } from '../../domain/grants/grant-repository.js';
import { describePeople } from '../../domain/reports/people.js';
import { errorResponses } from './admin-schemas.js';
import { approvalDto, breakGlassDto, iso, isoOrNull, reviewBody, timeCursor } from './admin-console-schemas.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../shared/time-cursor.js';

export interface AdminOversightDeps {
  approvals: Pick<ApprovalRepository, 'listByStatus' | 'stepsOf'>;
  /** Who may decide a step of a request now (clinician ids), to name whom a pending request waits on. */
  approversFor(step: ApproverStep, documentId: string): Promise<string[]>;
  /** Break-glass reviews by state. */
  grants: Pick<GrantRepository, 'reviewsByStatus'>;
  breakGlass: Pick<BreakGlassService, 'reviewBreakGlass'>;
  cases: Pick<CasesRepository, 'caseById'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
}

/**
 * Oversight queues: access requests and break-glass reviews by state (newest first, a keyset
 * page at a time: `cursor` = the previous page's `nextCursor`). Reading them is for admins
 * and privacy officers; closing a break-glass review is decided by the domain, which admits only a
 * privacy officer other than the clinician who broke the glass (separation of duties) and audits
 * both outcomes — an admin pressing "approve" gets 403 and an audited refusal.
 */
export const adminOversightRoutes: FastifyPluginAsyncZod<AdminOversightDeps> = async (app, { approvals, approversFor, grants, breakGlass, cases, directory }) => {
  const caseCode = async (caseId: string) => (await cases.caseById(caseId))?.code ?? null;
  /** The people a pending request waits on (never its requester), by name. */
  const waitingOn = async (r: AccessRequestRow, person: ReturnType<typeof describePeople>) => {
    const step = r.status === 'pending' ? r.chain[r.stepIndex] : undefined;
    if (!step) return [];
    return Promise.all((await approversFor(step, r.documentId)).filter((id) => id !== r.requesterId).map(person));
  };

  app.get(
    '/approvals',
    {
      config: sectionRoute('oversight'),
      schema: {
        querystring: z.object({
          status: z.enum(['pending', 'approved', 'denied', 'expired']).default('pending'),
          limit: z.coerce.number().int().min(1).max(100).default(50),
          cursor: timeCursor.optional(),
        }),
        response: { 200: z.object({ status: z.string(), requests: z.array(approvalDto), nextCursor: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => {
      const person = describePeople(directory);
      const { status, limit, cursor } = req.query;
      const rows = await approvals.listByStatus(status, limit, decodeTimeCursor(cursor));
      const last = rows.length === limit ? rows.at(-1) : undefined;
      const steps = await approvals.stepsOf(rows.map((r) => r.id));
      return {
        status,
        nextCursor: last ? encodeTimeCursor({ at: last.createdAt, id: last.id }) : null,
        requests: await Promise.all(rows.map(async (r) => ({
          requestId: r.id,
          status: r.status,
          caseCode: await caseCode(r.caseId),
          documentId: r.documentId,
          requester: await person(r.requesterId),
          reasonCode: r.reasonCode,
          waitingOn: r.status === 'pending' ? (r.chain[r.stepIndex] ?? null) : null,
          waitingOnPeople: await waitingOn(r, person),
          requestedAt: iso(r.createdAt),
          expiresAt: iso(r.expiresAt),
          decidedAt: isoOrNull(r.decidedAt),
          decisions: await Promise.all(
            steps.filter((s) => s.requestId === r.id).map(async (s) => ({ step: s.step, decision: s.decision, by: await person(s.deciderId), at: iso(s.decidedAt) })),
          ),
        }))),
      };
    },
  );

  const reviewDto = async (r: BreakGlassReviewRow, person: ReturnType<typeof describePeople>) => ({
    reviewId: r.id,
    grantId: r.grantId,
    caseCode: await caseCode(r.caseId),
    clinician: await person(r.clinicianId),
    reason: r.reason,
    status: r.status,
    createdAt: iso(r.createdAt),
    reviewer: r.reviewerId ? await person(r.reviewerId) : null,
    note: r.note,
    reviewedAt: isoOrNull(r.reviewedAt),
  });

  app.get(
    '/breakglass',
    {
      config: sectionRoute('oversight'),
      schema: {
        querystring: z.object({
          status: z.enum(['pending', 'approved', 'flagged']).default('pending'),
          limit: z.coerce.number().int().min(1).max(100).default(50),
          cursor: timeCursor.optional(),
        }),
        response: { 200: z.object({ status: z.string(), reviews: z.array(breakGlassDto), nextCursor: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => {
      const person = describePeople(directory);
      const { status, limit, cursor } = req.query;
      const rows = await grants.reviewsByStatus(status, limit, decodeTimeCursor(cursor));
      const last = rows.length === limit ? rows.at(-1) : undefined;
      const nextCursor = last ? encodeTimeCursor({ at: last.createdAt, id: last.id }) : null;
      return { status, reviews: await Promise.all(rows.map((r) => reviewDto(r, person))), nextCursor };
    },
  );

  app.post(
    '/breakglass/:id/review',
    {
      config: sectionRoute('oversight'),
      schema: { params: z.object({ id: z.string().min(1).max(64) }), body: reviewBody, response: { 200: breakGlassDto, ...errorResponses } },
    },
    async (req) => {
      const closed = await breakGlass.reviewBreakGlass(req.params.id, req.admin!.id, req.body.decision, req.body.note);
      return reviewDto(closed, describePeople(directory));
    },
  );
};

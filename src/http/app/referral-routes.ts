import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { casePageQuery } from '../../contract/case-pages.js';
import { composeRouteDocs } from '../../contract/compose.js';
import {
  acceptedDto, caseReferralsDto, declineBody, referBody, referralCaseParams, referralDto, referralParams, referredDto, type ReferralDto,
} from '../../contract/referral-dto.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { acceptReferral, cancelReferral, declineReferral } from '../../usecases/referrals/respond-referral.js';
import { caseReferrals, referralDetails, type ReferralReadDeps, type ReferralView } from '../../usecases/referrals/referral-view.js';
import { requestReferral, type RequestReferralDeps } from '../../usecases/referrals/request-referral.js';
import { DomainError } from '../../shared/errors.js';
import { personOf } from './people.js';

const { errors, security, tags } = composeRouteDocs;

export type ReferralRouteDeps = ReferralReadDeps & RequestReferralDeps & { people: Pick<DirectoryRepository, 'findById' | 'institution'> };

async function dto(deps: ReferralRouteDeps, v: ReferralView): Promise<ReferralDto> {
  const r = v.row;
  const person = (id: string | null) => (id ? personOf(deps.people, id) : Promise.resolve(null));
  return {
    id: r.id, caseCode: v.caseCode, specialty: r.specialty, institutionCode: r.institutionId ? ((await deps.people.institution(r.institutionId))?.code ?? null) : null,
    severity: r.severity, purposeCode: r.purposeCode, status: r.status, requester: await person(r.requesterId), triggerRuleId: r.triggerRuleId,
    assignee: await person(r.assigneeId), declineReason: r.declineReason, reason: r.reason, sentAt: r.sentAt, seenAt: r.seenAt, acceptedAt: r.acceptedAt,
    declinedAt: r.declinedAt, mayRespond: v.mayRespond, mayCancel: v.mayCancel,
  };
}

/**
 * Referrals in the mini-app: the case screen's Refer form (free-text reason allowed here, sealed at
 * rest) and live list, and the assignee's referral screen (opening it marks it seen) with accept,
 * decline (a reason code) and the requester's cancel. Never cached; the use cases audit.
 */
export const referralRoutes: FastifyPluginAsyncZod<ReferralRouteDeps> = async (app, deps) => {
  app.addHook('onSend', async (_req, reply) => void reply.header('cache-control', 'no-store'));

  app.post(
    '/api/cases/:code/referrals',
    { schema: { tags, security, summary: 'Refer the case to the on-call clinician of a specialty (care team)', params: referralCaseParams, body: referBody, response: { 201: referredDto, ...errors } } },
    async (req, reply) => {
      const caseRow = await deps.cases.findCase(req.params.code).catch(() => undefined);
      if (!caseRow) throw new DomainError('access.denied');
      const { reason, ...rest } = req.body;
      const out = await requestReferral(deps, req.clinician!, caseRow.id, { ...rest, reasonText: reason });
      reply.code(201);
      if (out.kind === 'unknown_institution') return { referralId: '', assignee: null, status: 'sent' as const, unknownInstitution: out.code };
      return { referralId: out.referralId, assignee: out.assigneeId ? await personOf(deps.people, out.assigneeId) : null, status: out.status, unknownInstitution: null };
    },
  );

  app.get(
    '/api/cases/:code/referrals',
    { schema: { tags, security, summary: 'A case’s referrals, newest first, keyset pages (care team; the first page polled for live status)', params: referralCaseParams, querystring: casePageQuery, response: { 200: caseReferralsDto, ...errors } } },
    async (req) => {
      const page = await caseReferrals(deps, req.clinician!, req.params.code, req.query);
      return { items: await Promise.all(page.items.map((v) => dto(deps, v))), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/referrals/:id',
    { schema: { tags, security, summary: 'One referral (requester, assignee, care team); the assignee’s look marks it seen', params: referralParams, response: { 200: referralDto, ...errors } } },
    async (req) => dto(deps, await referralDetails(deps, req.clinician!, req.params.id)),
  );

  app.post(
    '/api/referrals/:id/accept',
    { schema: { tags, security, summary: 'Accept (the assignee): a time-boxed consult grant to the case', params: referralParams, response: { 200: acceptedDto, ...errors } } },
    async (req) => {
      const out = await acceptReferral(deps.respond, req.clinician!.id, req.params.id);
      return { referralId: out.referral.id, caseCode: (await deps.casesRepo.caseById(out.referral.caseId))?.code ?? '', until: out.until };
    },
  );

  app.post(
    '/api/referrals/:id/decline',
    { schema: { tags, security, summary: 'Decline (the assignee) with a reason code', params: referralParams, body: declineBody, response: { 200: referralDto, ...errors } } },
    async (req) => {
      await declineReferral(deps.respond, req.clinician!.id, req.params.id, req.body.reason);
      return dto(deps, await referralDetails(deps, req.clinician!, req.params.id));
    },
  );

  app.post(
    '/api/referrals/:id/cancel',
    { schema: { tags, security, summary: 'Cancel an open referral (its requester)', params: referralParams, response: { 200: referralDto, ...errors } } },
    async (req) => {
      await cancelReferral(deps.respond, req.clinician!.id, req.params.id);
      return dto(deps, await referralDetails(deps, req.clinician!, req.params.id));
    },
  );
};

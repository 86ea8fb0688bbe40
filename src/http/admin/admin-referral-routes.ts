import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { referralAttentionDto, referralAttentionQuery, referralStatsDto, referralStatsQuery } from '../../contract/referral-dto.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { DailyTotalsRepository } from '../../domain/reports/daily-totals-repository.js';
import type { ReferralRepository } from '../../domain/referrals/referral-repository.js';
import type { Clock } from '../../shared/clock.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../shared/time-cursor.js';
import { referralStats } from '../../usecases/admin/referral-stats.js';
import { personOf } from '../app/people.js';
import { sectionRoute } from './admin-auth.js';
import { errorResponses } from './admin-schemas.js';


export interface AdminReferralDeps {
  repo: Pick<ReferralRepository, 'openLoad' | 'needingAttention'>;
  /** The running totals time to accept is read from (daily_totals). */
  totals: Pick<DailyTotalsRepository, 'between'>;
  cases: Pick<CasesRepository, 'caseById'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
  clock: Clock;
}

/**
 * The dashboard's referral figures: time to accept by severity and specialty (median, p90), open load
 * per clinician (by name), and the referrals needing attention (nobody accepted or nobody on call).
 */
export const adminReferralRoutes: FastifyPluginAsyncZod<AdminReferralDeps> = async (app, deps) => {
  app.get(
    '/referrals/stats',
    { config: sectionRoute('dashboard'), schema: { querystring: referralStatsQuery, response: { 200: referralStatsDto, ...errorResponses } } },
    async (req) => {
      const stats = await referralStats(deps, req.query.days === '30' ? 30 : 7);
      const openLoad = await Promise.all(stats.openLoad.map(async (l) => ({ clinician: await personOf(deps.directory, l.clinicianId), open: l.open })));
      return { ...stats, openLoad };
    },
  );

  app.get(
    '/referrals/attention',
    { config: sectionRoute('dashboard'), schema: { querystring: referralAttentionQuery, response: { 200: referralAttentionDto, ...errorResponses } } },
    async (req) => {
      // Newest first, a keyset page at a time (the console loads more on scroll).
      const { limit } = req.query;
      const rows = await deps.repo.needingAttention({ limit: limit + 1, after: decodeTimeCursor(req.query.cursor) });
      const last = rows.length > limit ? rows[limit - 1] : undefined;
      const referrals = await Promise.all(rows.slice(0, limit).map(async (r) => ({
        id: r.id, caseCode: (await deps.cases.caseById(r.caseId))?.code ?? '', specialty: r.specialty, severity: r.severity,
        institutionCode: r.institutionId ? ((await deps.directory.institution(r.institutionId))?.code ?? null) : null,
        why: r.status === 'unrouted' ? ('unrouted' as const) : ('nobody' as const),
        requester: r.requesterId ? await personOf(deps.directory, r.requesterId) : null, triggerRuleId: r.triggerRuleId, sentAt: r.sentAt,
      })));
      return { referrals, nextCursor: last ? encodeTimeCursor({ at: last.sentAt, id: last.id }) : null };
    },
  );
};

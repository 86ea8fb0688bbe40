import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { referralStatsDto, referralStatsQuery } from '../../contract/referral-dto.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { ReferralRepository } from '../../domain/referrals/referral-repository.js';
import type { Clock } from '../../shared/clock.js';
import { referralStats } from '../../usecases/admin/referral-stats.js';
import { personOf } from '../app/people.js';
import { sectionRoute } from './admin-auth.js';
import { errorResponses } from './admin-schemas.js';

export interface AdminReferralDeps {
  repo: Pick<ReferralRepository, 'acceptTimings' | 'openLoad'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
  clock: Clock;
}

/** The dashboard's referral figures: time to accept by severity and specialty (median, p90), open load per clinician (by name). */
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
};

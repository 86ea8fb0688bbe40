import type { ReferralRouteDeps } from '../http/app/referral-routes.js';
import type { Service } from './service.js';

/** The mini-app's referral routes' deps, from the running service (wiring only). */
export function referralRouteDeps(service: Service): ReferralRouteDeps {
  const { referrals, secure, audit, directoryRepo } = service;
  const cases = secure.cases.queries;
  return {
    repo: referrals.repo, cases, queries: cases, casesRepo: secure.casesRepo, respond: referrals.respond,
    open: referrals.open, directory: directoryRepo, audit, people: directoryRepo,
  };
}

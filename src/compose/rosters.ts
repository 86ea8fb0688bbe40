import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { OnCallPort } from '../domain/rosters/on-call.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import { randomCode } from '../shared/ids.js';
import type { RosterDeps } from '../usecases/rosters/roster-deps.js';
import type { Notifier } from '../bot/outbound.js';
import { createRosterNotices } from '../bot/flows/roster-notices.js';
import type { Repositories } from './repositories.js';

/**
 * On-call rosters (wiring only): the use cases' deps (bot `oncall`, console Rosters page) and the
 * OnCallPort referral routing reads — the roster repository itself. Covers and swaps tell the
 * clinicians they move, 1:1.
 */
export function createRosters(deps: { repos: Pick<Repositories, 'rosters' | 'transaction'>; directoryRepo: DirectoryRepository; audit: AuditSink; clock: Clock; notify: Pick<Notifier, 'toUser'> }) {
  const useCases: RosterDeps = {
    rosters: deps.repos.rosters,
    directory: deps.directoryRepo,
    transaction: deps.repos.transaction,
    audit: deps.audit,
    clock: deps.clock,
    // A shift's id is a short code (R-XXXXXXXXXX), never a UUID: it shows as the audit entry's target.
    newId: () => `R-${randomCode(10)}`,
    // The clinicians a cover or swap moves are told 1:1 (console and chat alike).
    notices: createRosterNotices({ directory: deps.directoryRepo, notify: deps.notify }),
  };
  const onCall: OnCallPort = deps.repos.rosters;
  return { useCases, onCall };
}

export type Rosters = ReturnType<typeof createRosters>;

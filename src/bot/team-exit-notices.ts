import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { TeamExit, ExitCause } from '../domain/cases/team-exit.js';
import { say, type Lang } from './i18n.js';
import type { Notifier } from './outbound.js';
import { langOf } from './people.js';
import { NOTICE_TEXTS as T } from './texts/notice-texts.js';

const WHY: Record<Exclude<ExitCause, 'left_org'>, Record<Lang, string>> = {
  removed: T.exitRemoved,
  left_group: T.exitLeftGroup,
  group_unbound: T.exitGroupUnbound,
  admin: T.exitAdmin,
};

/**
 * Tells a clinician 1:1, through the outbox, that their place on a case's care team ended and with
 * it any access they had been granted. Case code and wording only: nothing about the patient.
 * Someone who left the organisation is not written to (they no longer read this organisation's chat).
 */
export function createTeamExitNotices(deps: { directory: Pick<DirectoryRepository, 'findById'>; notify: Pick<Notifier, 'toUser'> }) {
  return async (exit: TeamExit): Promise<void> => {
    if (exit.cause === 'left_org') return;
    const c = await deps.directory.findById(exit.clinicianId);
    if (!c) return;
    const lang = langOf(c);
    const why = WHY[exit.cause][lang];
    const grants = exit.grantsRevoked === 0 ? '' : say(lang, T.exitGrantsEnded, exit.grantsRevoked);
    const text = say(lang, T.roleEnded, exit.caseCode, why, grants);
    await deps.notify.toUser(`team-exit:${exit.caseCode}:${exit.clinicianId}:${exit.at}`, c.dingtalkUserId, exit.caseCode, text);
  };
}

import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { TeamExit, ExitCause } from '../domain/cases/team-exit.js';
import type { Lang } from './i18n.js';
import type { Notifier } from './notify.js';
import { langOf } from './people.js';

const WHY: Record<Exclude<ExitCause, 'left_org'>, Record<Lang, string>> = {
  removed: { en: 'the attending removed you from its care team', zh: '主診醫生已把你從醫療團隊移除' },
  left_group: { en: 'you left the consult group that gave you your role', zh: '你已離開賦予你角色的會診群組' },
  group_unbound: { en: 'the consult group that gave you your role no longer holds the case', zh: '賦予你角色的會診群組已不再連結此個案' },
  admin: { en: 'a ConsultBridge admin ended your role on it', zh: 'ConsultBridge 管理員已結束你在此個案的角色' },
};

/**
 * Tells a clinician 1:1, through the outbox, that their place on a case's care team ended and with
 * it any access they had been granted. Case code and wording only: nothing about the patient.
 * Someone who left the organisation is not written to (they no longer read this organisation's chat).
 */
export function createTeamExitNotices(deps: { directoryRepo: Pick<DirectoryRepository, 'findById'>; notify: Pick<Notifier, 'toUser'> }) {
  return (exit: TeamExit): void => {
    if (exit.cause === 'left_org') return;
    const c = deps.directoryRepo.findById(exit.clinicianId);
    if (!c) return;
    const lang = langOf(c);
    const why = WHY[exit.cause][lang];
    const grants =
      exit.grantsRevoked === 0
        ? ''
        : lang === 'zh'
          ? `\n你持有的 ${exit.grantsRevoked} 項存取授權亦已同時終止。`
          : `\n${exit.grantsRevoked === 1 ? 'The access grant you held ends' : `The ${exit.grantsRevoked} access grants you held end`} with it.`;
    const text =
      lang === 'zh'
        ? `你在個案 ${exit.caseCode} 的角色已結束：${why}。${grants}\n如仍需存取，請使用 @ConsultBridge 申請 ${exit.caseCode} <原因>`
        : `Your role on case ${exit.caseCode} has ended: ${why}.${grants}\nIf you still need access, ask with \`@ConsultBridge request ${exit.caseCode} <reason>\``;
    deps.notify.toUser(`team-exit:${exit.caseCode}:${exit.clinicianId}:${exit.at}`, c.dingtalkUserId, exit.caseCode, text);
  };
}

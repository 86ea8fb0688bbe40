import type { CaseStatusNotices } from '../../usecases/cases/case-lifecycle.js';
import type { ConsentNotices } from '../../usecases/consent/record-consent.js';
import type { GrantNotices } from '../../usecases/grants/grant-ports.js';
import type { CommandDeps } from '../commands/deps.js';
import { say } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { GRANT_TEXTS as T } from '../texts/grant-texts.js';
import { settleRequesterEnded } from './requester-card.js';

/**
 * 1:1 notices of the grant and case-status intents, each in its reader's language: a grant ended
 * (revoked, or its case closed), a case closed or re-opened, a consent change that lets someone open a
 * case's documents or stops them. Case codes and names only.
 */
export function createGrantNotices(deps: Pick<CommandDeps, 'directoryRepo' | 'notify'>): GrantNotices & CaseStatusNotices & ConsentNotices {
  const { notify, directoryRepo: dir } = deps;
  return {
    async grantEnded({ grantee, by, caseCode, cause, at, requestIds }) {
      const lang = langOf(grantee);
      const who = await personLine(dir, by, lang);
      const text = cause === 'revoked' ? say(lang, T.endedRevoked, who, caseCode) : say(lang, T.endedClosed, who, caseCode);
      await notify.toUser(`grant-ended:${caseCode}:${grantee.id}:${at}`, grantee.dingtalkUserId, say(lang, T.endedTitle), text);
      if (requestIds?.length) await settleRequesterEnded(deps, grantee, by, cause, requestIds);
    },
    async caseStatusChanged({ caseCode, by, status, to, at }) {
      for (const member of to) {
        const lang = langOf(member);
        const who = await personLine(dir, by, lang);
        const text = status === 'closed' ? say(lang, T.closedNotice, who, caseCode) : say(lang, T.reopenedNotice, who, caseCode);
        await notify.toUser(`case-${status}:${caseCode}:${member.id}:${at}`, member.dingtalkUserId, say(lang, T.statusTitle, caseCode), text);
      }
    },
    async accessChanged({ clinician, caseCode, canOpen, at }) {
      const lang = langOf(clinician);
      const text = canOpen ? say(lang, T.consentCanOpen, caseCode) : say(lang, T.consentCannotOpen, caseCode);
      await notify.toUser(`consent-access:${caseCode}:${clinician.id}:${at}`, clinician.dingtalkUserId, say(lang, T.consentTitle), text);
    },
  };
}

import { breakGlass, type BreakGlassNotices } from '../../usecases/breakglass/break-glass.js';
import { hkDateTime } from '../format.js';
import { langOf, personLine } from '../people.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { ACCESS_TEXTS as T } from '../texts/access-texts.js';
import { say } from '../i18n.js';

type Deps = Pick<CommandDeps, 'cases' | 'breakGlass' | 'settings' | 'directoryRepo' | 'audit' | 'notify' | 'clock'>;

/** Each attending and privacy officer hears 1:1 who broke the glass on which case, and until when. */
function overseerNotices(deps: Pick<CommandDeps, 'directoryRepo' | 'notify'>): BreakGlassNotices {
  return {
    async tellOverseer({ grantId, overseer, by, caseCode, expiresAt }) {
      const lang = langOf(overseer);
      const who = await personLine(deps.directoryRepo, by, lang);
      const text = say(lang, T.breakGlassNotice, who, caseCode, hkDateTime(expiresAt));
      await deps.notify.toUser(`breakglass:${grantId}:${overseer.id}`, overseer.dingtalkUserId, say(lang, T.breakGlassNoticeTitle), text);
    },
  };
}

/**
 * `breakglass C-9PX4A <reason>`: emergency access to a case for a verified doctor outside the team,
 * granted at once (default 4 h); the attending and the privacy officers are told 1:1, and it is
 * queued for review. The free-text reason is stored for the review, never echoed into chat or audit.
 */
export function breakglassCommand(deps: Deps): Command {
  const useCase = { ...deps, directory: deps.directoryRepo, notices: overseerNotices(deps) };
  return {
    name: 'breakglass',
    usage: 'C-XXXXX <reason>',
    aliases: ['break-glass', 'emergency', '緊急存取', '紧急存取'],
    summary: { en: 'emergency access to a case (reviewed afterwards)', zh: '緊急存取個案（事後覆核）' },
    needsTrust: true,
    async run(ctx) {
      const { caseRow, rest } = await caseFromArgs(deps, ctx);
      const result = await breakGlass(useCase, ctx.actor!.clinician, caseRow, rest.join(' '));
      if (result.kind === 'reason_too_short') {
        // Said plainly, with the form to use; the service would refuse it too, but only as "not valid".
        await ctx.reply(say(ctx.lang, T.breakGlassReasonTooShort, result.minLength, caseRow.code));
        return;
      }
      const hours = Math.round((result.expiresAt - deps.clock.now()) / 3_600_000);
      const attending = (await Promise.all(result.attendingIds.map((id) => personLine(deps.directoryRepo, id, ctx.lang)))).join('; ');
      await ctx.reply(say(ctx.lang, T.breakGlassGranted, caseRow.code, hours, attending));
    },
  };
}

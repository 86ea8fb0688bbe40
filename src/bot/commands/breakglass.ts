import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { hkDateTime } from '../format.js';
import { langOf, personLine } from '../people.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { ACCESS_TEXTS as T } from '../texts/access-texts.js';
import { say } from '../i18n.js';

/**
 * `breakglass C-9PX4A <reason>`: emergency access to a case for a verified doctor outside the team,
 * granted at once (default 4 h); the attending and the privacy officers are told 1:1, and it is
 * queued for review. The free-text reason is stored for the review, never echoed into chat or audit.
 */
export function breakglassCommand(deps: CommandDeps): Command {
  return {
    name: 'breakglass',
    usage: 'C-XXXXX <reason>',
    aliases: ['break-glass', 'emergency', '緊急存取', '紧急存取'],
    summary: { en: 'emergency access to a case (reviewed afterwards)', zh: '緊急存取個案（事後覆核）' },
    needsTrust: true,
    async run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow, rest } = await caseFromArgs(deps, ctx);
      const reason = rest.join(' ').trim();
      const min = deps.secure.settings.breakGlassMinReasonLength;
      if ([...reason].length < min) {
        // Said plainly, with the form to use; the service would refuse it too, but only as "not valid".
        deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.breakglassGranted, target: caseRow.id, outcome: 'denied', reason: 'reason_too_short' });
        await ctx.reply(say(ctx.lang, T.breakGlassReasonTooShort, min, caseRow.code));
        return;
      }
      const result = await deps.secure.breakGlass.breakGlass({ caseId: caseRow.id, clinicianId: me.id, reason });
      const hours = Math.round((result.expiresAt - deps.clock.now()) / 3_600_000);
      for (const id of [...result.notify.attendingIds, ...result.notify.privacyOfficerIds]) {
        const c = await deps.directoryRepo.findById(id);
        if (!c || c.id === me.id) continue;
        const lang = langOf(c);
        const who = await personLine(deps.directoryRepo, me, lang);
        const text = say(lang, T.breakGlassNotice, who, caseRow.code, hkDateTime(result.expiresAt));
        await deps.notify.toUser(`breakglass:${result.grantId}:${c.id}`, c.dingtalkUserId, say(lang, T.breakGlassNoticeTitle), text);
      }
      const attending = (await Promise.all(result.notify.attendingIds.map((id) => personLine(deps.directoryRepo, id, ctx.lang)))).join('; ');
      await ctx.reply(say(ctx.lang, T.breakGlassGranted, caseRow.code, hours, attending));
    },
  };
}

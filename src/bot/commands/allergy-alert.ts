import { mayRaiseAlert } from '../../usecases/alerts/alert-raise-rule.js';
import { isDomainError } from '../../shared/errors.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { caseScreenLink } from '../flows/app-link.js';
import { say } from '../i18n.js';
import { privateReply } from '../private-reply.js';
import { LINK_TEXTS as T } from '../texts/link-command-texts.js';

/**
 * `allergy-alert C-7KQ2M`: a link 1:1 to the mini-app's structured allergy form. The raise rule is
 * checked here for a clear answer in chat and again on submit. The link carries no token: the app
 * signs the clinician in, and each submit of the form is one alert.
 */
export function allergyAlertCommand(deps: Pick<CommandDeps, 'cases' | 'burn' | 'grants' | 'clock' | 'publicUrl'>): Command {
  return {
    name: 'allergy-alert',
    usage: 'C-XXXXX',
    aliases: ['allergy', '過敏警示', '过敏警示'],
    summary: { en: 'emergency allergy alert: record it and tell the ER team and family doctor', zh: '緊急過敏警示：記錄並通知急症室團隊及家庭醫生' },
    needsTrust: true,
    async run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow } = await caseFromArgs(deps, ctx);
      try {
        await mayRaiseAlert(deps, me, caseRow.id);
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'access.denied') throw e;
        // Off the care team (the usual A&E case): say how to get in rather than a bare "no" — to them
        // alone, since it is about them (in a group, the room hears only a short pointer).
        await privateReply(ctx)(say(ctx.lang, T.alertOffTeam, caseRow.code));
        return;
      }
      // The mini-app signs the clinician in before the form; the submit applies the raise rule again.
      const url = caseScreenLink(deps.publicUrl, caseRow.code, 'alert');
      const { lang } = ctx;
      await ctx.reply(
        { title: say(lang, T.alertTitle), text: say(lang, T.alertText, caseRow.code, url) },
        { userId: ctx.msg.senderUserId },
      );
      if (ctx.msg.conversationType === 'group') await ctx.reply(say(lang, T.alertSent));
    },
  };
}

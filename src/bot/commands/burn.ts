import { formatBurnDuration, parseBurnDuration } from '../../domain/burn/burn-duration.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { caseScreenLink } from '../flows/app-link.js';
import { say } from '../i18n.js';
import { LINK_TEXTS as T } from '../texts/link-command-texts.js';
import { assertMaySendBurn } from '../../usecases/burn/send-burn.js';

/**
 * `burn C-7KQ2M 30s`: a link 1:1 to the mini-app screen that writes or uploads a burn-after-reading
 * message. Whoever may share into the case may send one. The duration is checked here (a clear error
 * in chat) and carried in the link; the submit checks it again, since the author may change it on the screen.
 */
export function burnCommand(deps: Pick<CommandDeps, 'cases' | 'burn' | 'publicUrl'>): Command {
  return {
    name: 'burn',
    usage: 'C-XXXXX [30s|5m|2h]',
    aliases: ['閱後即焚', '阅后即焚'],
    summary: { en: 'send a burn-after-reading message to the case team', zh: '向個案團隊發送閱後即焚訊息' },
    needsTrust: true,
    async run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow, rest } = await caseFromArgs(deps, ctx);
      const burnAfterMs = parseBurnDuration(rest[0]);
      await assertMaySendBurn({ burn: deps.burn }, me, caseRow);
      // The duration rides along as a default the screen can change; the link itself grants nothing.
      const url = caseScreenLink(deps.publicUrl, caseRow.code, 'burn', { after: burnAfterMs / 1000 });
      const after = formatBurnDuration(burnAfterMs);
      const { lang } = ctx;
      await ctx.reply(
        { title: say(lang, T.burnTitle), text: say(lang, T.burnText, caseRow.code, url, after) },
        { userId: ctx.msg.senderUserId },
      );
      if (ctx.msg.conversationType === 'group') await ctx.reply(say(lang, T.sentLink));
    },
  };
}

import { DomainError } from '../../shared/errors.js';
import { mayShareToCase } from '../../usecases/sharing/share-report.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { caseScreenLink } from '../flows/app-link.js';
import { say } from '../i18n.js';
import { LINK_TEXTS as T } from '../texts/link-command-texts.js';

/** `share C-7KQ2M`: a link 1:1 to the mini-app's upload screen for a care-team clinician allowed to share. */
export function shareCommand(deps: Pick<CommandDeps, 'cases' | 'decideOnCase' | 'publicUrl'>): Command {
  return {
    name: 'share',
    usage: 'C-XXXXX',
    aliases: ['upload', '分享', '上載', '上传'],
    summary: { en: 'get a link to upload a report for a case', zh: '取得上載個案報告的連結' },
    needsTrust: true,
    async run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow } = await caseFromArgs(deps, ctx);
      if (!(await mayShareToCase(deps, me, caseRow))) throw new DomainError('access.denied');
      // The mini-app signs the doctor in before the upload screen; the link itself grants nothing.
      const url = caseScreenLink(deps.publicUrl, caseRow.code, 'share');
      const { lang } = ctx;
      await ctx.reply(
        { title: say(lang, T.shareTitle), text: say(lang, T.shareText, caseRow.code, url) },
        { userId: ctx.msg.senderUserId },
      );
      if (ctx.msg.conversationType === 'group') await ctx.reply(say(lang, T.shareSent));
    },
  };
}

import { doctorPageLink } from '../flows/app-link.js';
import { say } from '../i18n.js';
import { SUMMARY_TEXTS as T } from '../texts/summary-texts.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

/**
 * `summary C-XXXXX`: a link, 1:1, to the case's key points in the mini-app. The link carries the case
 * code only; the page asks the policy, and no problem, drug or result is ever put in chat.
 */
export function summaryCommand(deps: Pick<CommandDeps, 'cases' | 'publicUrl'>): Command {
  return {
    name: 'summary',
    usage: 'C-XXXXX',
    aliases: ['keypoints', 'key-points', '摘要', '重點', '重点'],
    summary: { en: 'a link to the case’s key points (sent 1:1)', zh: '個案重點摘要的連結（私訊傳送）' },
    needsTrust: true,
    personal: true,
    async run(ctx) {
      const { caseRow } = await caseFromArgs(deps, ctx);
      const url = doctorPageLink(deps.publicUrl, 'cases', caseRow.code, 'summary');
      await ctx.reply({ title: say(ctx.lang, T.title), text: say(ctx.lang, T.link, caseRow.code, url) });
    },
  };
}

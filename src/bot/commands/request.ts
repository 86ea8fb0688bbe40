import { PURPOSE_CODES, purposeLabel, type PurposeOfUse } from '../../contract/purpose-of-use.js';
import { requestAccess, type RequestAccessDeps } from '../flows/request-access.js';
import { latestReport } from '../../usecases/sharing/latest-report.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';
import { ACCESS_TEXTS as T } from '../texts/access-texts.js';
import { say } from '../i18n.js';

const REASON_ALIASES: Record<string, PurposeOfUse> = {
  continuing: 'continuing_care', care: 'continuing_care', 持續護理: 'continuing_care', 持续护理: 'continuing_care',
  referral: 'referral', 轉介: 'referral', 转介: 'referral',
  second: 'second_opinion', opinion: 'second_opinion', 第二意見: 'second_opinion', 第二意见: 'second_opinion',
  emergency: 'emergency', 緊急: 'emergency', 紧急: 'emergency',
  medication: 'medication_review', meds: 'medication_review', 藥物: 'medication_review', 药物: 'medication_review',
};

export function parseReason(word: string | undefined): PurposeOfUse | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  return (PURPOSE_CODES as string[]).includes(w) ? (w as PurposeOfUse) : REASON_ALIASES[w];
}

/** `request C-7KQ2M continuing_care`: ask to view the case's newest report, with a purpose of use. */
export function requestCommand(deps: RequestAccessDeps & Pick<CommandDeps, 'cases'>): Command {
  return {
    name: 'request',
    usage: 'C-XXXXX <reason>',
    aliases: ['申請', '申请'],
    summary: { en: 'ask for access to a case’s report, with a reason', zh: '申請存取個案報告（須註明原因）' },
    needsTrust: true,
    async run(ctx) {
      const { caseRow, rest } = await caseFromArgs(deps, ctx);
      const reason = parseReason(rest[0]);
      if (!reason) {
        const list = PURPOSE_CODES.map((c) => `- \`${c}\` — ${purposeLabel(c, ctx.lang)}`).join('\n');
        await ctx.reply(say(ctx.lang, T.reasonPrompt, list));
        return;
      }
      const doc = await latestReport(deps, caseRow.id);
      await ctx.reply(await requestAccess(deps, ctx.actor!.clinician, doc.id, reason, ctx.lang), { userId: ctx.msg.senderUserId });
    },
  };
}

import { assertRaiser, shareCheck } from '../../domain/alerts/alert-service.js';
import { hkDateTime } from '../format.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

/**
 * `allergy-alert C-7KQ2M`: a one-time link 1:1 to the structured allergy form. The raise rule is
 * checked here for a clear answer in chat and again on submit. A redelivered message is applied once
 * by the bot's dedupe, and the link works once, so one command raises at most one alert.
 */
export function allergyAlertCommand(deps: CommandDeps): Command {
  const mayShare = shareCheck((c, caseId) => deps.burn.service.assertMayCreate(c, caseId));
  return {
    name: 'allergy-alert',
    usage: 'C-XXXXX',
    aliases: ['allergy', '過敏警示', '过敏警示'],
    summary: { en: 'emergency allergy alert: record it and tell the ER team and family doctor', zh: '緊急過敏警示：記錄並通知急症室團隊及家庭醫生' },
    needsTrust: true,
    run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow } = caseFromArgs(deps, ctx);
      assertRaiser(me, caseRow.id, mayShare);
      const { token, expiresAt } = deps.secure.cases.tokens.issue('allergy', {
        clinicianId: me.id,
        caseId: caseRow.id,
        conversationId: ctx.msg.conversationType === 'group' ? ctx.msg.conversationId : undefined,
      });
      const url = `${deps.publicUrl}/alert/${token}`;
      const zh = ctx.lang === 'zh';
      ctx.reply(
        {
          title: zh ? '過敏警示' : 'Allergy alert',
          text: zh
            ? `記錄 ${caseRow.code} 的過敏資料：[開啟表格](${url})（致敏物、反應、嚴重程度…；連結有效至 ${hkDateTime(expiresAt)}，只可使用一次）`
            : `Record the allergy for ${caseRow.code}: [Open form](${url}) (substance, reaction, severity…; link valid until ${hkDateTime(expiresAt)}, one use)`,
        },
        { userId: ctx.msg.senderUserId },
      );
      if (ctx.msg.conversationType === 'group') ctx.reply(zh ? '已私訊你表格連結。' : 'I’ve sent you the form 1:1.');
    },
  };
}

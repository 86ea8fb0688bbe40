import { assertRaiser, shareCheck } from '../../domain/alerts/alert-service.js';
import { isDomainError } from '../../shared/errors.js';
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
  const rule = {
    mayShare: shareCheck((c, caseId) => deps.burn.service.assertMayCreate(c, caseId)),
    hasBreakGlass: (clinicianId: string, caseId: string) => deps.secure.grants.activeGrantFor(clinicianId, '', caseId).hasBreakGlass,
  };
  return {
    name: 'allergy-alert',
    usage: 'C-XXXXX',
    aliases: ['allergy', '過敏警示', '过敏警示'],
    summary: { en: 'emergency allergy alert: record it and tell the ER team and family doctor', zh: '緊急過敏警示：記錄並通知急症室團隊及家庭醫生' },
    needsTrust: true,
    run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow } = caseFromArgs(deps, ctx);
      try {
        assertRaiser(me, caseRow.id, rule);
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'access.denied') throw e;
        // Off the care team (the usual A&E case): say how to get in rather than a bare "no".
        ctx.reply(
          ctx.lang === 'zh'
            ? `你沒有此權限。你不在 ${caseRow.code} 的診治團隊。緊急情況下請先啟用緊急存取：\`@ConsultBridge breakglass ${caseRow.code} <原因>\`，然後再試。`
            : `You can't do that. You are not on the care team of ${caseRow.code}. In an emergency, break glass first: \`@ConsultBridge breakglass ${caseRow.code} <reason>\`, then ask again.`,
        );
        return;
      }
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

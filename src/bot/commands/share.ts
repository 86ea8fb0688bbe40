import { caseRequest } from '../../domain/access/access-facts.js';
import { clinicianFacts } from '../../domain/access/case-authorizer.js';
import { DomainError } from '../../shared/errors.js';
import { hkDateTime } from '../format.js';
import { caseFromArgs } from './case-arg.js';
import type { Command } from './command.js';
import type { CommandDeps } from './deps.js';

/** `share C-7KQ2M`: a one-time upload link 1:1 to a care-team clinician allowed to share. */
export function shareCommand(deps: CommandDeps): Command {
  return {
    name: 'share',
    usage: 'C-XXXXX',
    aliases: ['upload', '分享', '上載', '上传'],
    summary: { en: 'get a one-time link to upload a report for a case', zh: '取得上載個案報告的一次性連結' },
    needsTrust: true,
    run(ctx) {
      const me = ctx.actor!.clinician;
      const { caseRow } = caseFromArgs(deps, ctx);
      const facts = deps.secure.cases.queries.caseFacts(caseRow.id, me.id);
      const decision = deps.secure.engine.decide(
        caseRequest(clinicianFacts(me), 'share', { code: caseRow.code, institutionIds: facts.institutionIds }, { careRole: facts.careRole }),
      );
      if (!decision.allowed) throw new DomainError('access.denied');
      const { token, expiresAt } = deps.secure.cases.tokens.issue('upload', {
        clinicianId: me.id,
        caseId: caseRow.id,
        conversationId: ctx.msg.conversationType === 'group' ? ctx.msg.conversationId : undefined,
      });
      const url = `${deps.publicUrl}/upload/${token}`;
      const zh = ctx.lang === 'zh';
      ctx.reply(
        {
          title: zh ? '上載報告' : 'Upload a report',
          text: zh
            ? `上載 ${caseRow.code} 的報告：[開啟上載頁](${url})（有效至 ${hkDateTime(expiresAt)}，只可使用一次）`
            : `Upload the report for ${caseRow.code}: [Open upload](${url}) (valid until ${hkDateTime(expiresAt)}, one use)`,
        },
        { userId: ctx.msg.senderUserId },
      );
      if (ctx.msg.conversationType === 'group') ctx.reply(zh ? '已私訊你上載連結。' : 'I’ve sent you an upload link 1:1.');
    },
  };
}

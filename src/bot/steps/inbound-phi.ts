import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { containsHkid } from '../../shared/hkid.js';
import type { Step } from '../context.js';
import { t } from '../i18n.js';

const WARNING = {
  en: 'Please don’t put patient identifiers in chat; use the case code. I have not repeated it, and I did not act on that message.',
  zh: '請勿在聊天中輸入病人身份資料，請改用個案編號。我沒有重複該號碼，亦沒有處理該訊息。',
};

/** A message (or voice note transcript) carrying a valid HKID is not processed; the sender is warned 1:1, and the number is never echoed. */
export function inboundPhi(audit: AuditSink): Step {
  return async (ctx, next) => {
    if (!containsHkid(ctx.msg.voice?.recognition ?? ctx.msg.text)) return next();
    audit.append({
      actor: ctx.actor?.clinician.id ?? ctx.msg.senderUserId,
      action: AUDIT_ACTIONS.inboundPhiWarned,
      target: ctx.msg.msgId,
      outcome: 'denied',
      reason: 'hkid_in_message',
    });
    await ctx.reply({ title: 'ConsultBridge', text: t(ctx.lang, WARNING) }, { userId: ctx.msg.senderUserId });
  };
}

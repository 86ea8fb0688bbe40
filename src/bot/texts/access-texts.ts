import type { Message } from '../i18n.js';

/**
 * Chat words of the access flows: request, approve/deny, open, break-glass, why. `who`/`names` are
 * directory lines, `reason` a purpose-of-use label already in the reader's language; never patient data.
 */
export const ACCESS_TEXTS = {
  requestNoApprover: {
    en: (code: string) => `Your request for the ${code} report is recorded, but nobody can approve it yet.`,
    zh: (code: string) => `已記錄你對 ${code} 報告的申請，但暫時沒有可批核的人。`,
  },
  requestAsked: {
    en: (names: string, code: string, reason: string) => `Asked ${names} for access to the ${code} report (reason: ${reason}). I'll tell you when they decide.`,
    zh: (names: string, code: string, reason: string) => `已向 ${names} 申請存取 ${code} 的報告（原因：${reason}）。有決定時會通知你。`,
  },
  approverCardTitle: { en: 'Access request', zh: '存取申請' },
  approverCard: {
    en: (who: string, code: string, date: string, reason: string, type: string) => `${who} asks to view the ${type.toLowerCase()} of ${date} for ${code} — reason: ${reason}.`,
    zh: (who: string, code: string, date: string, reason: string, type: string) => `${who} 申請查看 ${code} 於 ${date} 的${type} — 原因：${reason}。`,
  },
  approveButton: { en: (hours: number) => `Approve ${hours} h`, zh: (hours: number) => `批准 ${hours} 小時` },
  denyButton: { en: 'Deny', zh: '拒絕' },
  reasonPrompt: { en: (list: string) => `Please give a reason:\n${list}`, zh: (list: string) => `請註明原因：\n${list}` },
  reasonCardTitle: { en: 'Why do you need it?', zh: '申請原因' },
  reasonCardText: { en: 'Pick the purpose of use:', zh: '請選擇原因：' },
  approvedNextStep: { en: 'Approved — waiting for the next approver.', zh: '已批准，等待下一位批核人。' },
  grantedTitle: { en: 'Access granted', zh: '已獲批准' },
  granted: {
    en: (who: string, code: string, until: string, open: string) => `${who} approved your access to the ${code} report until ${until}.\n${open}`,
    zh: (who: string, code: string, until: string, open: string) => `${who} 已批准你存取 ${code} 的報告，直至 ${until}。\n${open}`,
  },
  approvedUntil: { en: (until: string) => `Approved until ${until}.`, zh: (until: string) => `已批准，有效至 ${until}。` },
  declinedTitle: { en: 'Request declined', zh: '申請被拒' },
  declined: {
    en: (who: string, code: string) => `${who} declined your request to view the ${code} report.`,
    zh: (who: string, code: string) => `${who} 拒絕了你存取 ${code} 報告的申請。`,
  },
  deniedDone: { en: 'Denied; the requester has been told.', zh: '已拒絕，申請人已獲通知。' },
  openLink: {
    en: (url: string) => `[Open report](${url}) (opens in ConsultBridge; only you can view it, signed in)`,
    zh: (url: string) => `[開啟報告](${url})（在 ConsultBridge 內開啟，只有你本人登入後可查看）`,
  },
  cannotOpenYet: { en: 'You can’t open this yet:', zh: '你暫時不能開啟此文件：' },
  askForAccess: {
    en: (code: string) => `To ask for access press [Request access] or type \`@ConsultBridge request ${code} <reason>\`.`,
    zh: (code: string) => `如需存取，請按「申請存取」或輸入 \`@ConsultBridge request ${code} <原因>\`。`,
  },
  whyTitle: { en: 'Why', zh: '存取說明' },
  breakGlassReasonTooShort: {
    en: (min: number, code: string) => `Please say why you need emergency access, in at least ${min} characters: \`@ConsultBridge breakglass ${code} <reason>\``,
    zh: (min: number, code: string) => `請說明需要緊急存取的原因（最少 ${min} 個字）：\`@ConsultBridge breakglass ${code} <原因>\``,
  },
  breakGlassNoticeTitle: { en: 'Emergency access', zh: '緊急存取' },
  breakGlassNotice: {
    en: (who: string, code: string, until: string) => `⚠️ ${who} used emergency access to ${code} until ${until}. This access will be reviewed.`,
    zh: (who: string, code: string, until: string) => `⚠️ ${who} 已對 ${code} 啟用緊急存取，直至 ${until}。此存取將被覆核。`,
  },
  breakGlassGranted: {
    en: (code: string, hours: number, attending: string) =>
      `Emergency access to ${code} granted for ${hours} h. ${attending || 'The attending'} and the privacy officer have been told; this access will be reviewed.`,
    zh: (code: string, hours: number, attending: string) => `已授予 ${code} 的緊急存取 ${hours} 小時。已通知 ${attending || '主診醫生'} 及私隱主任；此存取將被覆核。`,
  },
  /** Approving would not let the requester open it (would-not-open.ts): `reasons` joined by the caller. */
  wouldNotOpen: {
    en: (who: string, code: string, reasons: readonly string[], fix: string) =>
      `Not approved: even with your approval, ${who} could not open the ${code} report, because ${reasons.join('; ')}. The request is still waiting. ${fix}`,
    zh: (who: string, code: string, reasons: readonly string[], fix: string) =>
      `未批准：即使批准，${who} 仍無法開啟 ${code} 的報告，因為${reasons.join('；')}。申請仍在等候。${fix}`,
  },
  denyInstead: { en: 'Deny the request instead.', zh: '請拒絕申請。' },
  theirInstitution: { en: 'their institution', zh: '其所屬機構' },
} satisfies Record<string, Message<any[]>>;

import type { Message } from '../i18n.js';

/** 1:1 notices the bot sends on its own (not as a reply), in the reader's saved language. */
export const NOTICE_TEXTS = {
  requestExpiredTitle: { en: 'Request expired', zh: '申請已過期' },
  requestExpired: {
    en: (code: string) => `Your request for the ${code} report expired; ask again if you still need it.`,
    zh: (code: string) => `你對 ${code} 報告的存取申請已過期；如仍需要，請再次申請。`,
  },
  /** Escalation of an unread item: `what` is ITEM below in the reader's language. */
  itemDocument: { en: 'an urgent report', zh: '一份緊急報告' },
  itemAlert: { en: 'an urgent allergy alert', zh: '一則緊急過敏警示' },
  openFromAlertCard: { en: 'Open it from the alert card.', zh: '請從警示卡片開啟。' },
  open: { en: 'Open', zh: '開啟' },
  remindTitle: { en: (code: string) => `⏰ Reminder · ${code}`, zh: (code: string) => `⏰ 提醒 · ${code}` },
  remind: {
    en: (what: string, code: string, from: string, at: string, link: string) =>
      `${what[0]!.toUpperCase()}${what.slice(1)} on case ${code} is waiting for you (${from}, ${at}). ${link}`,
    zh: (what: string, code: string, from: string, at: string, link: string) => `個案 ${code} 有${what}尚待你開啟（${from}，${at}）。${link}`,
  },
  ding: {
    en: (what: string, code: string) => `ConsultBridge: ${what} on case ${code} is waiting for you.`,
    zh: (what: string, code: string) => `ConsultBridge：個案 ${code} 有${what}尚待你開啟。`,
  },
  escalateTitle: { en: (code: string) => `🔺 Escalation · ${code}`, zh: (code: string) => `🔺 升級 · ${code}` },
  /** A colleague who could not be let in (the item was gone by then): only asked to reach them. */
  escalate: {
    en: (who: string, what: string, code: string, at: string) =>
      `${who} has not opened ${what} on case ${code} (sent ${at}). You are next on the escalation list: please reach them.`,
    zh: (who: string, what: string, code: string, at: string) =>
      `${who} 尚未開啟個案 ${code} 的${what.replace(/^一(份|則)/, '')}（${at} 發出）。你是升級名單上的下一位：請聯絡對方。`,
  },
  /** An urgent document's colleague was let in (granted that one document): `link` opens it. */
  escalateAdmittedDocument: {
    en: (who: string, what: string, code: string, at: string, link: string) =>
      `${who} has not opened ${what} on case ${code} (sent ${at}). You are next on the escalation list and can read it now: ${link} — act on it or reach them.`,
    zh: (who: string, what: string, code: string, at: string, link: string) =>
      `${who} 尚未開啟個案 ${code} 的${what.replace(/^一(份|則)/, '')}（${at} 發出）。你是升級名單上的下一位，現可閱讀：${link}，並跟進或聯絡對方。`,
  },
  /** An alert colleague was let in (the alert's card was sent to them): no `request` needed. */
  escalateAdmitted: {
    en: (who: string, what: string, code: string, at: string) =>
      `${who} has not opened ${what} on case ${code} (sent ${at}). You are next on the escalation list and can read it now: open it from the alert card just sent to you, and act on it or reach them.`,
    zh: (who: string, what: string, code: string, at: string) =>
      `${who} 尚未開啟個案 ${code} 的${what.replace(/^一(份|則)/, '')}（${at} 發出）。你是升級名單上的下一位，現可閱讀：請從剛發給你的警示卡片開啟，並跟進或聯絡對方。`,
  },
  /** The initiator (the alert's raiser) hears at each escalation who has not opened it and who was asked. */
  unreadTitle: { en: (code: string) => `⚠️ Still unread · ${code}`, zh: (code: string) => `⚠️ 仍未讀 · ${code}` },
  unreadAsked: {
    en: (who: string, what: string, code: string, at: string, asked: string) => `${who} has still not opened ${what} on case ${code} (sent ${at}). I have now sent it to ${asked}.`,
    zh: (who: string, what: string, code: string, at: string, asked: string) => `${who} 仍未開啟你於 ${at} 發出的個案 ${code} ${what.replace(/^一(份|則)/, '')}。我已轉交 ${asked}。`,
  },
  unreadNobody: {
    en: (who: string, what: string, code: string, at: string) => `${who} has still not opened ${what} on case ${code} (sent ${at}), and there is no one else to ask: please call them.`,
    zh: (who: string, what: string, code: string, at: string) => `${who} 仍未開啟你於 ${at} 發出的個案 ${code} ${what.replace(/^一(份|則)/, '')}，而且沒有其他可轉交的同事：請直接致電對方。`,
  },
  /** A care-team role ended (team-exit-notices.ts); `why` is a WHY entry, `grants` the grantsEnded line or ''. */
  exitRemoved: { en: 'the attending removed you from its care team', zh: '主診醫生已把你從醫療團隊移除' },
  exitLeftGroup: { en: 'you left the consult group that gave you your role', zh: '你已離開賦予你角色的會診群組' },
  exitGroupUnbound: { en: 'the consult group that gave you your role no longer holds the case', zh: '賦予你角色的會診群組已不再連結此個案' },
  exitAdmin: { en: 'a ConsultBridge admin ended your role on it', zh: 'ConsultBridge 管理員已結束你在此個案的角色' },
  exitGrantsEnded: {
    en: (n: number) => `\n${n === 1 ? 'The access grant you held ends' : `The ${n} access grants you held end`} with it.`,
    zh: (n: number) => `\n你持有的 ${n} 項存取授權亦已同時終止。`,
  },
  roleEnded: {
    en: (code: string, why: string, grants: string) =>
      `Your role on case ${code} has ended: ${why}.${grants}\nIf you still need access, ask with \`@ConsultBridge request ${code} <reason>\``,
    zh: (code: string, why: string, grants: string) => `你在個案 ${code} 的角色已結束：${why}。${grants}\n如仍需存取，請使用 @ConsultBridge 申請 ${code} <原因>`,
  },
  /** Case opening (case-notices.ts): `who` is the opener's directory line. */
  caseOpened: {
    en: (code: string, who: string) => `📂 Case ${code} opened by ${who}.\n\nAdd colleagues: \`@ConsultBridge team ${code} add @name consulting\``,
    zh: (code: string, who: string) => `📂 個案 ${code} 已由 ${who} 開立。\n\n加入同事：@ConsultBridge 團隊 ${code} 加入 @姓名 會診`,
  },
  existingCase: {
    en: (code: string) =>
      `This patient already has case ${code}, so no new case was opened. To use it in the consult group, send there: \`@ConsultBridge case bind ${code}\``,
    zh: (code: string) => `此病人已有個案 ${code}，沒有另開新個案。如要在該會診群組使用，請在群組中傳送：@ConsultBridge 個案 綁定 ${code}`,
  },
} satisfies Record<string, Message<any[]>>;

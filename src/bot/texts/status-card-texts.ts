import type { Message } from '../i18n.js';

/**
 * Live status cards, kept up to date in place: the raiser's allergy-alert card (who has it, who opened
 * it, whom an escalation asked) and the requester's access-request card (sent, approved until when,
 * denied, expired, ended). `who`/`names` are directory lines, times HK times; never patient data.
 */
export const STATUS_CARD_TEXTS = {
  alertTitle: { en: (code: string) => `🚨 Allergy alert · ${code} · delivery`, zh: (code: string) => `🚨 過敏警示 · ${code} · 送達狀態` },
  alertNoneYet: { en: 'Sending the alert…', zh: '正在傳送警示…' },
  alertSending: { en: 'sending…', zh: '傳送中…' },
  alertDelivered: { en: (at: string) => `delivered ${at}`, zh: (at: string) => `已送達 ${at}` },
  alertOpened: { en: (at: string) => `opened ${at}`, zh: (at: string) => `已開啟 ${at}` },
  alertRecipient: { en: (who: string, state: string) => `• ${who} — ${state}`, zh: (who: string, state: string) => `• ${who} — ${state}` },
  /** Appended to an unread recipient's line once an escalation asked someone on their behalf. */
  alertEscalatedTo: { en: (names: string) => ` · escalated to ${names}`, zh: (names: string) => ` · 已升級至 ${names}` },
  alertAskedFor: {
    en: (who: string, forWhom: string, state: string) => `• ${who} (asked for ${forWhom}) — ${state}`,
    zh: (who: string, forWhom: string, state: string) => `• ${who}（代 ${forWhom}）— ${state}`,
  },
  alertBurned: {
    en: 'Burned: the chat copy is gone; the allergy stays in the health record.',
    zh: '已銷毀：聊天副本已刪除；過敏紀錄保留於健康紀錄。',
  },
  alertOpenStatus: { en: 'Open status', zh: '查看狀態' },
  /** The 1:1 answer to the card's [Open status] when DingTalk's in-place link is not used. */
  alertStatusLink: {
    en: (link: string) => `Delivery status of your allergy alert: [Open](${link})`,
    zh: (link: string) => `你的過敏警示送達狀態：[開啟](${link})`,
  },

  requestTitle: { en: (code: string) => `🔑 Your access request · ${code}`, zh: (code: string) => `🔑 你的存取申請 · ${code}` },
  requestAbout: {
    en: (type: string, date: string, purpose: string) => `${type} of ${date} · reason: ${purpose}`,
    zh: (type: string, date: string, purpose: string) => `${date} 的${type} · 原因：${purpose}`,
  },
  requestWaiting: { en: (names: string) => `⏳ Sent · waiting for ${names}`, zh: (names: string) => `⏳ 已送出 · 等待 ${names} 決定` },
  requestNobody: { en: '⏳ Sent · nobody can approve it yet', zh: '⏳ 已送出 · 暫時沒有可批核的人' },
  requestNextStep: {
    en: (who: string, names: string) => `⏳ Approved by ${who} · now waiting for ${names}`,
    zh: (who: string, names: string) => `⏳ 已由 ${who} 批准 · 現等待 ${names} 決定`,
  },
  requestNextNobody: {
    en: (who: string) => `⏳ Approved by ${who} · nobody can take the next step yet`,
    zh: (who: string) => `⏳ 已由 ${who} 批准 · 暫時沒有人可作下一步批核`,
  },
  requestGranted: {
    en: (who: string, until: string) => `✅ Approved by ${who} · access until ${until}`,
    zh: (who: string, until: string) => `✅ 已由 ${who} 批准 · 存取有效至 ${until}`,
  },
  requestDenied: { en: (who: string) => `❌ Denied by ${who}`, zh: (who: string) => `❌ 已由 ${who} 拒絕` },
  requestExpired: { en: '⌛ Expired: not decided in time, no access given', zh: '⌛ 已過期：未及時決定，沒有給予存取' },
  requestRevoked: { en: (who: string) => `🚫 Access ended: revoked by ${who}`, zh: (who: string) => `🚫 存取已終止：由 ${who} 撤銷` },
  requestCaseClosed: { en: (who: string) => `🚫 Access ended: ${who} closed the case`, zh: (who: string) => `🚫 存取已終止：${who} 已結束此個案` },
  requestOpen: { en: 'Open', zh: '開啟' },
} satisfies Record<string, Message<any[]>>;

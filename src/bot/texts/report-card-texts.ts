/** The group card for a shared document: its type label (already in the reader's language), case code, author, time. */
export const REPORT_CARD_TEXTS = {
  newTitle: {
    en: (type: string, code: string) => `📄 New ${type.toLowerCase()} · case ${code}`,
    zh: (type: string, code: string) => `📄 新${type} · 個案 ${code}`,
  },
  urgentTitle: {
    en: (type: string, code: string) => `🚨 Urgent ${type.toLowerCase()} · case ${code}`,
    zh: (type: string, code: string) => `🚨 緊急${type} · 個案 ${code}`,
  },
  from: { en: (who: string, at: string) => `From ${who} · ${at}`, zh: (who: string, at: string) => `由 ${who} 分享 · ${at}` },
};

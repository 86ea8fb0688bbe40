import type { Message } from '../i18n.js';

/**
 * Replies of `cases` and `search`: case codes, roles, counts, HK times and the mini-app link only —
 * never patient data, even when the search was by patient.
 */
export const CASES_TEXTS = {
  title: { en: 'Your cases', zh: '你的個案' },
  searchTitle: { en: 'Search results', zh: '搜尋結果' },
  none: { en: 'You are on no case’s care team right now.', zh: '你目前不屬於任何個案的醫療團隊。' },
  noMatch: {
    en: 'None of your cases matches. Patient searches match an exact HKID or whole words of the name, and only where you may open the case’s records.',
    zh: '你的個案中沒有相符結果。病人搜尋只配對完整身份證號碼或姓名的完整字詞，並只限你可開啟其紀錄的個案。',
  },
  line: {
    en: (code: string, role: string, unread: number, when: string, closed: boolean) =>
      `- **${code}** · ${role}${closed ? ' · closed' : ''}${unread > 0 ? ` · **${unread} unread**` : ''} · last activity ${when} HKT`,
    zh: (code: string, role: string, unread: number, when: string, closed: boolean) =>
      `- **${code}** · ${role}${closed ? ' · 已結案' : ''}${unread > 0 ? ` · **${unread} 項未讀**` : ''} · 最後活動 ${when}（香港時間）`,
  },
  more: {
    en: (link: string) => `More in the mini-app: [Cases](${link})`,
    zh: (link: string) => `更多個案請到小程式：[個案](${link})`,
  },
  showCase: { en: 'See one: `@ConsultBridge case C-XXXXX`', zh: '查看個案：@ConsultBridge 個案 C-XXXXX' },
  searchUsage: {
    en: 'Search your cases: `search C-XXXXX`, an HKID, or whole words of the patient’s name (1:1 chat only).',
    zh: '搜尋你的個案：`search C-XXXXX`、身份證號碼或病人姓名的完整字詞（只限一對一聊天）。',
  },
  searchInPrivate: {
    en: 'Please search in a 1:1 chat with me: a search may name a patient, and the group should not see it.',
    zh: '請在與我的一對一聊天中搜尋：搜尋可能包含病人資料，不宜在群組中顯示。',
  },
} satisfies Record<string, Message<any[]>>;

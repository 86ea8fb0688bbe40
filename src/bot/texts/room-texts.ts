import type { Message } from '../i18n.js';

/**
 * Chat words that keep the room tidy: the group's pointer to a private answer, "did you mean",
 * the final line of a decided approval card, and the requester's progress notice. `who`/`names` are
 * directory lines, `until` an HK time; never patient data.
 */
export const ROOM_TEXTS = {
  answeredPrivately: { en: 'I have answered you privately.', zh: '已私下回覆你。' },
  unknownCommand: {
    en: (words: readonly string[]) =>
      words.length > 0
        ? `I don’t know that command. Did you mean ${words.map((w) => `**${w}**`).join(' or ')}? Send **help** for the list.`
        : 'I don’t know that command. Send **help** for the list.',
    zh: (words: readonly string[]) =>
      words.length > 0
        ? `我不認識這個指令。你是否想用 ${words.map((w) => `**${w}**`).join(' 或 ')}？輸入 **help** 查看所有指令。`
        : '我不認識這個指令。輸入 **help** 查看所有指令。',
  },
  cardApproved: {
    en: (who: string, until: string) => `Approved by ${who} · access until ${until}`,
    zh: (who: string, until: string) => `已由 ${who} 批准 · 存取有效至 ${until}`,
  },
  cardApprovedStep: {
    en: (who: string) => `Approved by ${who} · now with the next approver`,
    zh: (who: string) => `已由 ${who} 批准 · 現交下一位批核人`,
  },
  cardExpired: { en: 'Expired: not decided in time, no access given', zh: '已過期：未及時決定，沒有給予存取' },
  cardDenied: { en: (who: string) => `Denied by ${who}`, zh: (who: string) => `已由 ${who} 拒絕` },
  progressTitle: { en: 'Request update', zh: '申請進度' },
  progress: {
    en: (who: string, code: string, names: string) => `${who} approved your request for the ${code} report; it now waits on ${names}. I'll tell you when they decide.`,
    zh: (who: string, code: string, names: string) => `${who} 已批准你存取 ${code} 報告的申請，現正等候 ${names}。有決定時會通知你。`,
  },
  progressNobody: {
    en: (who: string, code: string) => `${who} approved your request for the ${code} report, but nobody can take the next step yet.`,
    zh: (who: string, code: string) => `${who} 已批准你存取 ${code} 報告的申請，但暫時沒有人可作下一步批核。`,
  },
} satisfies Record<string, Message<any[]>>;

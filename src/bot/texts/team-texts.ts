import type { Message } from '../i18n.js';

/**
 * Replies of `team C-XXXXX add|remove @name …`. `who`/`byThem` are directory lines, `role` a care-role
 * name already in the reader's language; never patient data.
 */
export const TEAM_TEXTS = {
  roleHint: {
    en: (code: string) => `Which role? attending, consulting, referring or observer — e.g. \`@ConsultBridge team ${code} add @name consulting\``,
    zh: (code: string) => `請註明角色：主診、會診、轉介或觀察，例如 @ConsultBridge 團隊 ${code} 加入 @姓名 會診`,
  },
  mentionHintAdd: {
    en: (code: string) => `Mention the colleague with @, e.g. \`@ConsultBridge team ${code} add @name consulting\``,
    zh: (code: string) => `請用 @ 提及該同事，例如 @ConsultBridge 團隊 ${code} 加入 @姓名 會診`,
  },
  mentionHintRemove: {
    en: (code: string) => `Mention the colleague with @, e.g. \`@ConsultBridge team ${code} remove @name\``,
    zh: (code: string) => `請用 @ 提及該同事，例如 @ConsultBridge 團隊 ${code} 移除 @姓名`,
  },
  unknownUser: {
    en: 'I can’t find the colleague you mentioned in the ConsultBridge directory. Ask them to send `@ConsultBridge whoami` once, then try again.',
    zh: 'ConsultBridge 名錄中找不到你提及的同事。請他先傳送一次 @ConsultBridge whoami，然後再試。',
  },
  onlyAttending: {
    en: (who: string, code: string) => `${who} is the only attending of ${code}; add another attending first.`,
    zh: (who: string, code: string) => `${who} 是 ${code} 唯一的主診醫生；請先加入另一位主診醫生。`,
  },
  alreadyMember: {
    en: (who: string, code: string, role: string) => `${who} is already ${role} on ${code}.`,
    zh: (who: string, code: string, role: string) => `${who} 已是 ${code} 的${role}。`,
  },
  added: {
    en: (who: string, code: string, role: string) => `✔ ${who} added to ${code} as ${role}`,
    zh: (who: string, code: string, role: string) => `✔ ${who} 已加入 ${code}，角色：${role}`,
  },
  addedNote: {
    en: (byThem: string, code: string, role: string) => `${byThem} added you to the care team of case ${code} as ${role}. See it: \`@ConsultBridge case ${code}\``,
    zh: (byThem: string, code: string, role: string) => `${byThem} 已把你加入個案 ${code} 的醫療團隊，角色：${role}。查看：@ConsultBridge 個案 ${code}`,
  },
  notMember: {
    en: (who: string, code: string) => `${who} is not on the care team of ${code}.`,
    zh: (who: string, code: string) => `${who} 不在 ${code} 的醫療團隊中。`,
  },
  removed: {
    en: (who: string, code: string) => `${who} removed from the care team of ${code}.`,
    zh: (who: string, code: string) => `${who} 已從 ${code} 的醫療團隊移除。`,
  },
} satisfies Record<string, Message<any[]>>;

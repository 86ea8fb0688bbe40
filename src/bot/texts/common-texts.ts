import type { Message } from '../i18n.js';

/** Small words used across chat: badges, placeholders, the ping answer. */
export const COMMON_TEXTS = {
  pong: { en: 'pong ✔', zh: '在線 ✔' },
  suspendedBadge: { en: '⛔ suspended', zh: '⛔ 已暫停' },
  unverifiedBadge: { en: 'unverified', zh: '未驗證' },
  destroyedSuffix: { en: ' (destroyed)', zh: '（已銷毀）' },
} satisfies Record<string, Message<any[]>>;

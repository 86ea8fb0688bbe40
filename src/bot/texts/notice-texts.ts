import type { Message } from '../i18n.js';

/** 1:1 notices the bot sends on its own (not as a reply), in the reader's saved language. */
export const NOTICE_TEXTS = {
  requestExpiredTitle: { en: 'Request expired', zh: '申請已過期' },
  requestExpired: {
    en: (code: string) => `Your request for the ${code} report expired; ask again if you still need it.`,
    zh: (code: string) => `你對 ${code} 報告的存取申請已過期；如仍需要，請再次申請。`,
  },
} satisfies Record<string, Message<any[]>>;

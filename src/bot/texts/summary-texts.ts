import type { Message } from '../i18n.js';

/** `summary C-XXXXX` (issue 13 item 5): a 1:1 link to the case's key points; nothing clinical in chat. */
export const SUMMARY_TEXTS = {
  title: { en: 'Key points', zh: '重點摘要' },
  link: {
    en: (code: string, link: string) => `Key points of **${code}** (problems, medications, allergies, results, requests, alerts): [open in the mini-app](${link})`,
    zh: (code: string, link: string) => `**${code}** 的重點摘要（臨床問題、用藥、過敏、結果、申請、警示）：[在小程式開啟](${link})`,
  },
} satisfies Record<string, Message<any[]>>;

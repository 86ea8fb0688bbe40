import type { Message } from '../i18n.js';

/**
 * Answers to a voice note (issue 13 item 4). The 1:1 answer shows the terms matched in the transcript
 * for the sender to confirm, and their case codes; a group hears nothing, the sender gets a short hint 1:1.
 */
export const VOICE_TEXTS = {
  title: { en: 'Voice note', zh: '語音訊息' },
  inGroup: {
    en: 'I only read voice notes in a 1:1 chat with me, and a voice note is never a command. Nothing was done with the one you sent in the group.',
    zh: '我只會在與我的一對一聊天中讀取語音訊息，語音訊息亦不會當作指令。你在群組傳送的語音訊息未有處理。',
  },
  heardTitle: { en: 'Terms I matched — please check them:', zh: '我配對到的用語（請核對）：' },
  heard: {
    en: (heard: string, canonical: string, how: string, score: string) => `- ${heard} · **${canonical}** · ${how} (score ${score})`,
    zh: (heard: string, canonical: string, how: string, score: string) => `- ${heard} · **${canonical}** · ${how}（分數 ${score}）`,
  },
  howExact: { en: 'exact', zh: '完全相符' },
  howConverted: { en: 'converted', zh: '繁簡轉換' },
  howSoundAlike: { en: 'sound-alike', zh: '讀音相近' },
  noTerms: {
    en: 'I matched no clinical term in the transcript of your voice note.',
    zh: '我在你語音訊息的文字轉錄中未有配對到任何臨床用語。',
  },
  casesTitle: { en: 'Your cases:', zh: '你的個案：' },
  caseLine: {
    en: (code: string, role: string, link: string) => `- **${code}** · ${role} · [Add to case ${code} as note / as medication](${link})`,
    zh: (code: string, role: string, link: string) => `- **${code}** · ${role} · [加入個案 ${code}（筆記／用藥）](${link})`,
  },
  moreCases: { en: (link: string) => `More in the mini-app: [Cases](${link})`, zh: (link: string) => `更多個案請到小程式：[個案](${link})` },
  noCases: { en: 'You are on no case’s care team right now.', zh: '你目前不屬於任何個案的醫療團隊。' },
  confirmFirst: {
    en: 'Nothing is recorded until you confirm it on that page (the link works for you only, for 30 minutes).',
    zh: '在該頁面確認之前不會記錄任何內容（連結只供你使用，30 分鐘內有效）。',
  },
} satisfies Record<string, Message<any[]>>;

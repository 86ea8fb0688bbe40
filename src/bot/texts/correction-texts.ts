/** What the team hears when a document shared to the wrong case is retracted: codes, people and times only. */
export const CORRECTION_TEXTS = {
  retractedTitle: { en: (code: string) => `↩ Report retracted · ${code}`, zh: (code: string) => `↩ 報告已撤回 · ${code}` },
  retracted: {
    en: (code: string, sharer: string, at: string, by: string) =>
      `The report shared on case ${code} by ${sharer} (${at}) was retracted by ${by}: it was filed under the wrong case. It can no longer be opened; views have ended.`,
    zh: (code: string, sharer: string, at: string, by: string) =>
      `${sharer} 於 ${at} 在個案 ${code} 分享的報告已由 ${by} 撤回（分享到錯誤個案）。報告已無法開啟，檢視已結束。`,
  },
  refiledTo: {
    en: (code: string) => `It has been re-filed to case ${code}.`,
    zh: (code: string) => `報告已改為存放於個案 ${code}。`,
  },
} as const;

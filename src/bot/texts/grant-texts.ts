/**
 * Chat words of grants and case status: durations on the approval card, revoke, close / re-open, and
 * consent-change notices. `who` is a directory line, `code` a case code, `until` an HK time; never patient data.
 */
export const GRANT_TEXTS = {
  approveFor: { en: (d: string, def: boolean) => `Approve · ${d}${def ? ' ★' : ''}`, zh: (d: string, def: boolean) => `批准 · ${d}${def ? ' ★' : ''}` },
  revokeButton: { en: 'Revoke access', zh: '撤銷存取權' },
  endedTitle: { en: 'Access ended', zh: '存取權已結束' },
  endedRevoked: {
    en: (who: string, code: string) => `${who} revoked your access on ${code}. It has ended now; open links no longer work.`,
    zh: (who: string, code: string) => `${who} 已撤銷你在 ${code} 的存取權，即時結束；已開啟的連結不再有效。`,
  },
  endedClosed: {
    en: (who: string, code: string) => `${who} closed case ${code}; your access to it has ended.`,
    zh: (who: string, code: string) => `${who} 已結束個案 ${code}，你對此個案的存取權已結束。`,
  },
  revoked: {
    en: (who: string, code: string, n: number) => `Access of ${who} on ${code} ended (${n} grant${n === 1 ? '' : 's'}). They have been told.`,
    zh: (who: string, code: string, n: number) => `已結束 ${who} 在 ${code} 的存取權（${n} 項），並已通知對方。`,
  },
  revokeHint: { en: (code: string) => `Name whose access to end: **revoke ${code} @colleague**`, zh: (code: string) => `請指明要撤銷誰的存取權：**revoke ${code} @同事**` },
  statusTitle: { en: (code: string) => `Case ${code}`, zh: (code: string) => `個案 ${code}` },
  closedNotice: {
    en: (who: string, code: string) => `${who} closed case ${code}. It is read-only now: no new shares, requests, alerts or burn messages; access grants on it have ended.`,
    zh: (who: string, code: string) => `${who} 已結束個案 ${code}。個案現為唯讀：不可再分享、申請、發出警示或閱後即焚訊息；相關存取權已結束。`,
  },
  reopenedNotice: {
    en: (who: string, code: string) => `${who} re-opened case ${code}. It takes new documents again.`,
    zh: (who: string, code: string) => `${who} 已重新開啟個案 ${code}，可再加入新文件。`,
  },
  closedReply: {
    en: (code: string, n: number) => `Case ${code} is closed (read-only). ${n} access grant${n === 1 ? '' : 's'} ended; the team has been told.`,
    zh: (code: string, n: number) => `個案 ${code} 已結束（唯讀）。已結束 ${n} 項存取權，並已通知團隊。`,
  },
  reopenedReply: { en: (code: string) => `Case ${code} is open again; the team has been told.`, zh: (code: string) => `個案 ${code} 已重新開啟，並已通知團隊。` },
  consentTitle: { en: 'Consent changed', zh: '同意已更改' },
  consentCanOpen: {
    en: (code: string) => `A consent change on ${code}: you can now open its documents.`,
    zh: (code: string) => `${code} 的同意已更改：你現在可以開啟該個案的文件。`,
  },
  consentCannotOpen: {
    en: (code: string) => `A consent change on ${code}: you can no longer open its documents.`,
    zh: (code: string) => `${code} 的同意已更改：你已不能再開啟該個案的文件。`,
  },
} as const;

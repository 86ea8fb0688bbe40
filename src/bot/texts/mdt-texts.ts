import type { Message } from '../i18n.js';

/**
 * MDT meetings (issue 14 item 4). Content-free: case codes, names, roles, HK times and links only —
 * never a decision, action, problem or drug from the minutes.
 */
export const MDT_TEXTS = {
  title: { en: 'MDT meeting', zh: '多專科會議' },
  usage: {
    en: 'Book an MDT meeting: `mdt C-XXXXX YYYY-MM-DD HH:mm @colleague …` (Hong Kong time; the care team joins, @-named colleagues are invited).',
    zh: '安排多專科會議：`mdt C-XXXXX YYYY-MM-DD HH:mm @同事 …`（香港時間；醫療團隊自動加入，@ 的同事獲邀請）。',
  },
  scheduled: {
    en: (code: string, at: string, n: number, invited: number) => `MDT meeting for **${code}** booked for ${at}: ${n} participants${invited > 0 ? ` (${invited} invited with consult access)` : ''}, each told 1:1.`,
    zh: (code: string, at: string, n: number, invited: number) => `已為 **${code}** 安排多專科會議，時間 ${at}：共 ${n} 位參與者${invited > 0 ? `（${invited} 位受邀並獲會診存取權）` : ''}，已逐一私訊通知。`,
  },
  invited: {
    en: (who: string, code: string, at: string, link: string) => `${who} booked an MDT meeting on **${code}** for ${at} and you are a participant. After the meeting, attach the minutes here: [open the meeting](${link})`,
    zh: (who: string, code: string, at: string, link: string) => `${who} 已就 **${code}** 安排多專科會議，時間 ${at}，你是參與者。會後請在此附上會議紀錄：[開啟會議](${link})`,
  },
  stepTitle: { en: 'MDT summary to sign off', zh: '待簽核的多專科會議摘要' },
  stepCard: {
    en: (code: string, role: string, at: string) => `The MDT summary of **${code}** (meeting ${at}) waits for your sign-off as ${role}. Read it in the mini-app, then approve or return it with a comment.`,
    zh: (code: string, role: string, at: string) => `**${code}** 的多專科會議摘要（會議 ${at}）正等候你以${role}身分簽核。請在小程式閱讀，然後批准或附意見退回。`,
  },
  approve: { en: 'Approve', zh: '批准' },
  return: { en: 'Return', zh: '退回' },
  read: { en: 'Read the summary', zh: '閱讀摘要' },
  decided: {
    en: (decision: string, at: string) => `${decision} at ${at}.`,
    zh: (decision: string, at: string) => `已於 ${at} ${decision}。`,
  },
  approvedWord: { en: 'Approved', zh: '批准' },
  returnedWord: { en: 'Returned', zh: '退回' },
  returnLink: {
    en: (link: string) => `Returning needs a comment: [write it in the mini-app](${link})`,
    zh: (link: string) => `退回須附意見：[在小程式填寫](${link})`,
  },
  stepApproved: { en: 'Approved. The next step has been asked.', zh: '已批准，已通知下一步簽核人。' },
  stepArchived: { en: 'Approved. The summary is archived to the case.', zh: '已批准，摘要已存入個案。' },
  stepReturned: { en: 'Returned to the editor with your comment.', zh: '已連同你的意見退回編輯者。' },
  returned: {
    en: (who: string, code: string, link: string) => `${who} returned the MDT summary of **${code}** with a comment. Edit and send it again: [open the meeting](${link})`,
    zh: (who: string, code: string, link: string) => `${who} 已附意見退回 **${code}** 的多專科會議摘要。請修改後再次送交：[開啟會議](${link})`,
  },
  archived: {
    en: (code: string, link: string) => `The MDT summary of **${code}** is signed off and archived to the case as a document: [open the meeting](${link})`,
    zh: (code: string, link: string) => `**${code}** 的多專科會議摘要已完成簽核，並以文件存入個案：[開啟會議](${link})`,
  },
  actionAssigned: {
    en: (code: string, due: string, link: string) => `You own an action from the MDT meeting on **${code}**${due ? `, due ${due}` : ''}: [My MDT actions](${link})`,
    zh: (code: string, due: string, link: string) => `你負責 **${code}** 多專科會議的一項跟進${due ? `，限期 ${due}` : ''}：[我的多專科會議跟進](${link})`,
  },
  actionOverdue: {
    en: (code: string, due: string, link: string) => `Reminder: your action from the MDT meeting on **${code}** was due ${due} and is still open: [My MDT actions](${link})`,
    zh: (code: string, due: string, link: string) => `提醒：你在 **${code}** 多專科會議的跟進已於 ${due} 到期，仍未完成：[我的多專科會議跟進](${link})`,
  },
} satisfies Record<string, Message<any[]>>;

export const MDT_ROLE_WORDS = {
  presenter: { en: 'presenting doctor', zh: '報告醫生' },
  attending: { en: 'attending', zh: '主診醫生' },
  department_head: { en: 'department head', zh: '部門主管' },
} as const;

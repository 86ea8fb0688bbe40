import type { Message } from '../i18n.js';

/**
 * Replies of the case commands (open, bind, consent, show) and receipts. Built from case codes,
 * links, dates and directory entries only: never patient data.
 */
export const CASE_TEXTS = {
  /** A case command with no code: the same command back, with an example code. */
  codeMissingFor: {
    en: (command: string) => `Which case? Add its code: **@ConsultBridge ${command} C-7KQ2M**.`,
    zh: (command: string) => `哪一個個案？請加上個案編號：**@ConsultBridge ${command} C-7KQ2M**。`,
  },
  groupAlreadyBound: {
    en: (code: string) => `This group already belongs to case ${code}. For another patient, start a new consult group.`,
    zh: (code: string) => `此群組已屬於個案 ${code}。如要為另一位病人開案，請另開一個會診群組。`,
  },
  openInGroup: {
    en: 'Please use `@ConsultBridge case open` in the consult group: the case is linked to that group.',
    zh: '請在會診群組中 @ConsultBridge 開案，個案會與該群組連結。',
  },
  openFormLabel: { en: 'Open the case form', zh: '開啟開案表格' },
  openFormLead: { en: 'Enter the patient’s details in the form to open the case (never in chat):', zh: '請在表格中輸入病人資料以開案（請勿在聊天中輸入）：' },
  openFormTitle: { en: 'Open a case', zh: '開案表格' },
  openFormSent: {
    en: (formSent: string) => `${formSent} Once the case is open its code will be posted here — no patient details.`,
    zh: (formSent: string) => `${formSent}個案開立後，個案編號會在此公布，不會顯示病人資料。`,
  },
  alreadyLinked: { en: (code: string) => `This group is already linked to case ${code}.`, zh: (code: string) => `此群組已連結個案 ${code}。` },
  nowLinked: {
    en: (code: string) => `✔ This group is now linked to case ${code}. See the care team: \`@ConsultBridge case ${code}\``,
    zh: (code: string) => `✔ 此群組現已連結個案 ${code}。查看醫療團隊：@ConsultBridge 個案 ${code}`,
  },
  consentLabel: { en: 'Record consent', zh: '記錄同意' },
  consentLead: {
    en: (code: string) => `Record the patient’s consent to share case ${code} with each institution:`,
    zh: (code: string) => `記錄病人就個案 ${code} 給予各醫療機構的同意：`,
  },
  consentTitle: { en: 'Consent form', zh: '同意表格' },
  caseNotFoundNamed: { en: (code: string) => `I can't find case ${code}.`, zh: (code: string) => `找不到個案 ${code}。` },
  caseWord: { en: 'Case', zh: '個案' },
  closed: { en: ' · closed', zh: ' · 已結束' },
  opened: { en: 'opened', zh: '開立於' },
  careTeam: { en: 'Care team', zh: '醫療團隊' },
  documents: { en: 'Documents', zh: '文件' },
  noneYet: { en: '- none yet', zh: '- 暫時沒有' },
  addColleague: {
    en: (code: string) => `Add a colleague: \`@ConsultBridge team ${code} add @name consulting\``,
    zh: (code: string) => `加入同事：@ConsultBridge 團隊 ${code} 加入 @姓名 會診`,
  },
  noDocuments: { en: (code: string) => `No documents on ${code} yet.`, zh: (code: string) => `${code} 暫時沒有文件。` },
  report: { en: 'Report', zh: '報告' },
  openedBy: { en: 'opened by', zh: '已開啟' },
  notYetOpened: { en: 'not yet opened', zh: '未開啟' },
  receiptsTitle: { en: 'Receipts', zh: '閱讀回條' },
  escalation: { en: 'escalation', zh: '升級' },
  escalatedFor: { en: 'for', zh: '代' },
} satisfies Record<string, Message<any[]>>;

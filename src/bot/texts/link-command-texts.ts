import type { Message } from '../i18n.js';

/**
 * Replies of the commands that answer with a mini-app link (share, burn, allergy-alert) and of help
 * and whoami. Built from case codes, durations, links and directory entries only: never patient data.
 */
export const LINK_TEXTS = {
  sentLink: { en: 'I’ve sent you a link 1:1.', zh: '已私訊你連結。' },
  shareTitle: { en: 'Upload a report', zh: '上載報告' },
  shareText: {
    en: (code: string, url: string) => `Upload the report for ${code}: [Open in the app](${url})`,
    zh: (code: string, url: string) => `上載 ${code} 的報告：[在小程式開啟](${url})`,
  },
  shareSent: { en: 'I’ve sent you an upload link 1:1.', zh: '已私訊你上載連結。' },
  burnTitle: { en: 'Burn-after-reading message', zh: '閱後即焚訊息' },
  burnText: {
    en: (code: string, url: string, after: string) => `Write or upload the message for ${code}: [Open in the app](${url}) (it burns ${after} after each recipient opens it)`,
    zh: (code: string, url: string, after: string) => `撰寫或上載 ${code} 的訊息：[在小程式開啟](${url})（每位收件人開啟後 ${after} 銷毀）`,
  },
  alertOffTeam: {
    en: (code: string) => `You can't do that. You are not on the care team of ${code}. In an emergency, break glass first: \`@ConsultBridge breakglass ${code} <reason>\`, then ask again.`,
    zh: (code: string) => `你沒有此權限。你不在 ${code} 的診治團隊。緊急情況下請先啟用緊急存取：\`@ConsultBridge breakglass ${code} <原因>\`，然後再試。`,
  },
  alertTitle: { en: 'Allergy alert', zh: '過敏警示' },
  alertText: {
    en: (code: string, url: string) => `Record the allergy for ${code}: [Open the form in the app](${url}) (substance, reaction, severity…)`,
    zh: (code: string, url: string) => `記錄 ${code} 的過敏資料：[在小程式開啟表格](${url})（致敏物、反應、嚴重程度…）`,
  },
  alertSent: { en: 'I’ve sent you the form 1:1.', zh: '已私訊你表格連結。' },
  /** `meds C-XXXXX`: the medication list lives in the mini-app only; chat carries the case code and the link. */
  medsTitle: { en: 'Medication list', zh: '藥物清單' },
  medsText: {
    en: (code: string, url: string) => `The medication list of ${code}: [Open in the app](${url}) (view, add, stop, import from the health record)`,
    zh: (code: string, url: string) => `${code} 的藥物清單：[在小程式開啟](${url})（查閱、加入、停用、從電子健康紀錄匯入）`,
  },
  helpTitle: { en: 'Help', zh: '指令' },
  helpHead: { en: '**ConsultBridge commands** (type after @ConsultBridge)', zh: '**ConsultBridge 指令**（@ConsultBridge 後輸入）' },
  helpFoot: {
    en: 'Chat only ever shows case codes (like C-7KQ2M), never patient details.',
    zh: '聊天中只會出現個案編號（如 C-7KQ2M），不會出現病人資料。',
  },
  whoamiTitle: { en: 'Who am I', zh: '我的資料' },
  whoamiRegistration: { en: 'Registration', zh: '註冊編號' },
  whoamiRole: { en: 'Role', zh: '角色' },
  whoamiSpecialty: { en: 'Specialty', zh: '專科' },
  whoamiSuspended: { en: '⛔ Suspended — contact your hospital’s ConsultBridge admin.', zh: '⛔ 帳戶已暫停，請聯絡院方 ConsultBridge 管理員。' },
  whoamiVerified: {
    en: (who: string | undefined, when: string) => `✔ verified${who ? ` by ${who}` : ''} ${when}`.trim(),
    zh: (who: string | undefined, when: string) => `✔ 已驗證${who ? `（${who}）` : ''} ${when}`,
  },
  whoamiUnverified: {
    en: 'Not yet verified — ask your hospital’s ConsultBridge admin to verify your registration. Until then you can’t open patient documents.',
    zh: '尚未驗證 — 請聯絡院方 ConsultBridge 管理員核實你的註冊資料。在此之前你不能開啟病人文件。',
  },
  /** "Open" on a burn-after-reading card (open-burn.ts): `left` is a formatted duration. */
  burnOpenFirst: {
    en: (url: string, left: string) => `[Open burn-after-reading message](${url}) (burns ${left} after you open it; only you can open it, signed in)`,
    zh: (url: string, left: string) => `[開啟閱後即焚訊息](${url})（開啟後 ${left} 銷毀；只有你本人登入後可開啟）`,
  },
  burnOpenAgain: {
    en: (url: string, left: string) => `[Open again](${url}) (about ${left} left; link for you only)`,
    zh: (url: string, left: string) => `[再次開啟](${url})（尚餘約 ${left}；連結只供你使用）`,
  },
} satisfies Record<string, Message<any[]>>;

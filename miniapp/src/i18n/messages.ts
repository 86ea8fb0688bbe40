/**
 * Every string the UI shows, in both languages. One flat table per language so a missing key is a
 * type error (`Messages` is derived from the English table and zh-HK must satisfy it).
 */
const en = {
  'app.name': 'ConsultBridge',
  'app.loading': 'Signing you in…',
  'lang.switch': '中文',
  'lang.label': 'Language',
  'login.title': 'Sign in',
  'login.sandboxNote': 'Sandbox: pick a demo clinician. Inside DingTalk you are signed in automatically.',
  'login.pick': 'Sign in as',
  'login.noUsers': 'No demo users are available.',
  'login.openInDingTalk.title': 'Open ConsultBridge in DingTalk',
  'login.openInDingTalk.body': 'For your patients’ safety, ConsultBridge only works inside your organisation’s DingTalk. Open it from the DingTalk workbench or from a link the ConsultBridge bot sent you.',
  'login.failed': 'Sign-in failed',
  'login.retry': 'Try again',
  'tab.inbox': 'Inbox',
  'tab.me': 'Me',
  'inbox.title': 'Inbox',
  'inbox.empty': 'Nothing needs your attention right now.',
  'inbox.soon': 'Access requests awaiting your decision, your own requests, new documents on your cases, alerts and escalations will appear here.',
  'me.title': 'Me',
  'me.institution': 'Institution',
  'me.role': 'Role',
  'me.specialty': 'Specialty',
  'me.registration': 'Registration no.',
  'me.verified': 'Verified',
  'me.unverified': 'Not verified',
  'me.suspended': 'Suspended',
  'me.unverifiedHint': 'Ask your hospital’s ConsultBridge admin to verify your registration before you can open shared records.',
  'me.switchUser': 'Switch demo user',
  'me.admin': 'Admin console',
  'role.doctor': 'Doctor',
  'role.nurse': 'Nurse',
  'role.admin': 'Administrator',
  'role.auditor': 'Auditor',
  'role.privacy_officer': 'Privacy officer',
  'role.pharmacist': 'Pharmacist',
  'admin.title': 'Admin console',
  'admin.soon': 'Clinicians, institutions, cases, policies, approvals, break-glass review, audit and reports will be managed here.',
  'admin.back': 'Back to the app',
  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'ConsultBridge is not reachable. Check your connection.',
  'notFound': 'This page does not exist.',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const zhHK: Messages = {
  'app.name': 'ConsultBridge 會診橋',
  'app.loading': '正在登入…',
  'lang.switch': 'English',
  'lang.label': '語言',
  'login.title': '登入',
  'login.sandboxNote': '沙盒模式：請選擇示範醫護人員。在釘釘內開啟時會自動登入。',
  'login.pick': '以此身分登入',
  'login.noUsers': '沒有可用的示範用戶。',
  'login.openInDingTalk.title': '請在釘釘內開啟 ConsultBridge',
  'login.openInDingTalk.body': '為保障病人私隱，ConsultBridge 只能在貴機構的釘釘內使用。請從釘釘工作台或 ConsultBridge 機械人發給你的連結開啟。',
  'login.failed': '登入失敗',
  'login.retry': '再試一次',
  'tab.inbox': '收件匣',
  'tab.me': '我的',
  'inbox.title': '收件匣',
  'inbox.empty': '暫時沒有需要你處理的事項。',
  'inbox.soon': '等待你批核的存取申請、你提出的申請、你個案中的新文件、警示及升級通知將在此顯示。',
  'me.title': '我的',
  'me.institution': '醫療機構',
  'me.role': '職位',
  'me.specialty': '專科',
  'me.registration': '註冊編號',
  'me.verified': '已驗證',
  'me.unverified': '未驗證',
  'me.suspended': '已暫停',
  'me.unverifiedHint': '請聯絡院方 ConsultBridge 管理員核實你的註冊資料，之後才可開啟共享紀錄。',
  'me.switchUser': '切換示範用戶',
  'me.admin': '管理控制台',
  'role.doctor': '醫生',
  'role.nurse': '護士',
  'role.admin': '管理員',
  'role.auditor': '審計員',
  'role.privacy_officer': '私隱主任',
  'role.pharmacist': '藥劑師',
  'admin.title': '管理控制台',
  'admin.soon': '醫護人員、醫療機構、個案、政策、批核、緊急存取審查、審計及報告將在此管理。',
  'admin.back': '返回應用程式',
  'error.generic': '發生錯誤，請再試一次。',
  'error.network': '無法連接 ConsultBridge，請檢查網絡連線。',
  'notFound': '此頁面不存在。',
};

export type Lang = 'zh-HK' | 'en';
export const LANGS: readonly Lang[] = ['zh-HK', 'en'];
export const MESSAGES: Record<Lang, Messages> = { en, 'zh-HK': zhHK };

/** For keys built at run time (e.g. `role.${role}`): a role the UI has no words for shows as sent. */
export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(en, key);

import { useI18n } from '../i18n/i18n.js';

/** The doctor screens' words, kept beside them; both languages have the same keys (checked by the type). */
const en = {
  'inbox.toDecide': 'Awaiting your decision',
  'inbox.myRequests': 'Your requests',
  'inbox.newDocuments': 'New documents on your cases',
  'inbox.burn': 'Burn-after-reading messages',
  'inbox.escalations': 'Escalations',
  'inbox.asks': 'asks to view a report',
  'inbox.reason': 'Reason',
  'inbox.from': 'From',
  'inbox.step': 'Step',
  'status.pending': 'Pending',
  'status.approved': 'Approved',
  'status.denied': 'Denied',
  'status.expired': 'Expired',
  'decide.title': 'Access request',
  'decide.note': 'Note (optional, stays with the decision)',
  'decide.approve': 'Approve',
  'decide.deny': 'Deny',
  'decide.done': 'Decision recorded',
  'case.title': 'Case',
  'case.team': 'Care team',
  'case.documents': 'Documents',
  'case.noDocuments': 'No documents yet.',
  'case.openedBy': 'Opened by',
  'case.notOpened': 'Not opened yet',
  'case.report': 'Report',
  'case.denied': 'You are not on this case’s care team and hold no access grant for it.',
  'verified': '✓ Verified',
  'unverified': 'Not verified',
  'care.attending': 'Attending',
  'care.consulting': 'Consulting',
  'care.referring': 'Referring',
  'care.observer': 'Observer',
  'doc.title': 'Report',
  'doc.cantOpen': 'You can’t open this yet',
  'doc.requestTitle': 'Request access',
  'doc.pickReason': 'Purpose of use',
  'doc.send': 'Send request',
  'doc.sent': 'Request sent',
  'viewer.for': 'For',
  'viewer.noCopy': 'Confidential · viewing is recorded · do not copy',
  'viewer.pages': 'pages',
  'burn.title': 'Burn after reading',
  'burn.left': 'Burns in',
  'burn.seconds': 's',
  'burn.burned': 'This message has burned',
  'burn.burnedNote': 'Its content is gone and can’t be opened again.',
  'burn.docHint': 'Your countdown starts as the document opens.',
  'back': 'Back',
  'error': 'Something went wrong. Please try again.',
} as const;

type Key = keyof typeof en;

const zhHK: Record<Key, string> = {
  'inbox.toDecide': '等待你批核',
  'inbox.myRequests': '你的申請',
  'inbox.newDocuments': '你個案中的新文件',
  'inbox.burn': '閱後即焚訊息',
  'inbox.escalations': '升級通知',
  'inbox.asks': '申請查看報告',
  'inbox.reason': '原因',
  'inbox.from': '來自',
  'inbox.step': '階段',
  'status.pending': '待批核',
  'status.approved': '已批准',
  'status.denied': '已拒絕',
  'status.expired': '已過期',
  'decide.title': '存取申請',
  'decide.note': '備註（選填，與決定一併保存）',
  'decide.approve': '批准',
  'decide.deny': '拒絕',
  'decide.done': '已記錄決定',
  'case.title': '個案',
  'case.team': '護理團隊',
  'case.documents': '文件',
  'case.noDocuments': '暫時沒有文件。',
  'case.openedBy': '已開啟',
  'case.notOpened': '尚未開啟',
  'case.report': '報告',
  'case.denied': '你不屬於此個案的護理團隊，亦沒有存取權限。',
  'verified': '✓ 已驗證',
  'unverified': '未驗證',
  'care.attending': '主診',
  'care.consulting': '會診',
  'care.referring': '轉介',
  'care.observer': '觀察',
  'doc.title': '報告',
  'doc.cantOpen': '你暫時不能開啟此文件',
  'doc.requestTitle': '申請存取',
  'doc.pickReason': '使用目的',
  'doc.send': '提交申請',
  'doc.sent': '已提交申請',
  'viewer.for': '供',
  'viewer.noCopy': '機密 · 查閱已記錄 · 請勿複製',
  'viewer.pages': '頁',
  'burn.title': '閱後即焚',
  'burn.left': '銷毀倒數',
  'burn.seconds': '秒',
  'burn.burned': '此訊息已銷毀',
  'burn.burnedNote': '內容已刪除，無法再次開啟。',
  'burn.docHint': '文件開啟時開始你的倒數。',
  'back': '返回',
  'error': '發生錯誤，請再試一次。',
};

export type DoctorKey = Key;

/** t() for the doctor screens, and the language, for names and dates. */
export function useDoctorI18n() {
  const { lang } = useI18n();
  const table: Record<Key, string> = lang === 'en' ? en : zhHK;
  return { lang, t: (k: Key) => table[k] };
}

/** "2026-11-25 14:05" in Hong Kong time, whatever the device's zone. */
export function hkTime(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Hong_Kong', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    .format(new Date(ms))
    .replace(',', '');
}

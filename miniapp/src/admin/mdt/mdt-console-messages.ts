import { screenI18n } from '../../i18n/screen-i18n.js';

/** The console's MDT page (issue 14 item 4): both languages with the same keys. */
const en = {
  'title': 'MDT meetings',
  'intro': 'Every multidisciplinary meeting, newest first: where its minutes stand and, in sign-off, whom it waits on. Case codes, times and names only — the minutes are open to the meeting’s participants alone.',
  'status': 'Status',
  'status.all': 'All statuses',
  'st.scheduled': 'Scheduled',
  'st.drafted': 'Minutes drafted',
  'st.in_approval': 'In approval',
  'st.returned': 'Returned',
  'st.approved': 'Archived',
  'stuckDays': 'Highlight in approval for more than (days)',
  'case': 'Case',
  'scheduledAt': 'Meeting time',
  'step': 'Sign-off',
  'stepOf': 'step {n} of {m} · {who}',
  'since': 'In this status since',
  'organiser': 'Booked by',
  'stuck': 'Stuck > {d} days',
  'stuckCount': '{n} listed here in approval for more than {d} days',
  'more': 'Load more',
  'none': 'No meetings.',
};
type Key = keyof typeof en;
const zhHK: Record<Key, string> = {
  'title': '多專科會議',
  'intro': '所有多專科會議，最新的排先：會議紀錄的進度，以及簽核中正等候何人。只顯示個案編號、時間及姓名——會議紀錄只供會議參與者查閱。',
  'status': '狀態',
  'status.all': '所有狀態',
  'st.scheduled': '已安排',
  'st.drafted': '紀錄草擬中',
  'st.in_approval': '簽核中',
  'st.returned': '已退回',
  'st.approved': '已存檔',
  'stuckDays': '標示簽核超過（日）',
  'case': '個案',
  'scheduledAt': '會議時間',
  'step': '簽核',
  'stepOf': '第 {n} 步（共 {m} 步）· {who}',
  'since': '此狀態始於',
  'organiser': '安排者',
  'stuck': '滯留超過 {d} 日',
  'stuckCount': '此處列出的會議中有 {n} 個簽核超過 {d} 日',
  'more': '載入更多',
  'none': '沒有會議。',
};

export type MdtConsoleKey = Key;
export const useMdtConsoleI18n = screenI18n(en, zhHK);

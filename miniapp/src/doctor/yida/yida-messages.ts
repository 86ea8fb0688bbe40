import { screenI18n } from '../../i18n/screen-i18n.js';
import type { FormReturnReason } from '../../../../src/contract/yida-codes.js';

/** Yida forms waiting for my approval: the inbox section and the approval screen (/doctor/forms/:id). */
const en = {
  'title': 'Form for approval',
  'inbox': 'Forms waiting for your approval',
  'received': 'Received',
  'case': 'Case',
  'recordType': 'Files as',
  'problems': 'Problems',
  'medications': 'Medications',
  'flags': 'Flags for consult rules',
  'results': 'Results',
  'none': 'None',
  'note': 'Filed to the case only when you approve it. The patient’s HKID matched this case and is not shown.',
  'approve': 'Approve and file',
  'approved': 'Approved: the form is filed to the case.',
  'returnTitle': 'Or return it, with a reason',
  'return': 'Return',
  'returned': 'Returned: it waits in the console for the form’s owner.',
  'decided': 'This form has been decided.',
  'toCase': 'Open the case',
  'reason.wrong_patient': 'Wrong patient',
  'reason.incomplete': 'Incomplete',
  'reason.duplicate': 'Duplicate',
  'reason.not_for_record': 'Not for the record',
  'reason.other': 'Other',
  'err.access.denied': 'Only the form’s approver may open or decide it.',
  'err.yida.state_changed': 'Someone has already decided this form.',
  'err.not_found': 'This form is not waiting any more.',
  'err.other': 'That did not work. Try again.',
};
type Key = keyof typeof en;

const zhHK: Record<Key, string> = {
  'title': '待批表單',
  'inbox': '等待你批准的表單',
  'received': '收到時間',
  'case': '個案',
  'recordType': '歸檔類型',
  'problems': '問題',
  'medications': '藥物',
  'flags': '會診規則標示',
  'results': '檢驗結果',
  'none': '無',
  'note': '須經你批准才會歸檔至個案。病人的身份證號碼已配對此個案，不會顯示。',
  'approve': '批准並歸檔',
  'approved': '已批准：表單已歸檔至個案。',
  'returnTitle': '或註明原因退回',
  'return': '退回',
  'returned': '已退回：表單在管理介面等待負責人處理。',
  'decided': '此表單已有決定。',
  'toCase': '開啟個案',
  'reason.wrong_patient': '病人錯誤',
  'reason.incomplete': '資料不全',
  'reason.duplicate': '重複',
  'reason.not_for_record': '不應存檔',
  'reason.other': '其他',
  'err.access.denied': '只有表單的審批人可開啟或決定。',
  'err.yida.state_changed': '已有人就此表單作出決定。',
  'err.not_found': '此表單已不在等待中。',
  'err.other': '未能完成，請再試。',
};

export const useYidaI18n = screenI18n(en, zhHK);
export const reasonKey = (r: FormReturnReason): Key => `reason.${r}`;

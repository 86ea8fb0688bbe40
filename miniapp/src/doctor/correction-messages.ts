import { screenI18n } from '../i18n/screen-i18n.js';

/** The document screen's wrong-patient correction words, both languages. */
const en = {
  'fix.title': 'Shared to the wrong case?',
  'fix.hint': 'As the sharer or the case’s attending you can retract this report: everyone’s views end at once, the team is told, the receipts and audit trail stay. Then re-file it to the right case.',
  'fix.retract': 'Retract report',
  'fix.retractConfirm': 'Retract this report from case {code}? Nobody will be able to open it here any more.',
  'fix.retracted': 'Retracted. Views have ended and the team was told.',
  'fix.isRetracted': 'This report was retracted from case {code}.',
  'fix.refileLabel': 'Right case code',
  'fix.refile': 'Re-file to this case',
  'fix.refiled': 'Re-filed to case {code}. It follows that case’s sharing rules.',
  'fix.cancel': 'Cancel',
  'fix.ok': 'Retract',
  'err.access.denied': 'You can’t do that here: only the sharer or the attending may correct a report, and re-filing needs permission to share in the right case.',
  'err.refile.same_case': 'That is the case it is filed under now: enter the right case’s code.',
  'err.case.not_found': 'No case has that code. Check it in the case’s group (codes look like C-7KQ2M).',
  'err.case.code_invalid': 'Case codes look like C-7KQ2M.',
  'err.document.already_retracted': 'This report was already retracted.',
  'err.other': 'That did not work. Please try again.',
};

const zhHK: Record<keyof typeof en, string> = {
  'fix.title': '分享到錯誤個案？',
  'fix.hint': '作為分享者或個案主診醫生，你可撤回此報告：所有人的檢視即時結束，團隊會收到通知，已讀紀錄及審計紀錄會保留。之後可改為存放到正確個案。',
  'fix.retract': '撤回報告',
  'fix.retractConfirm': '從個案 {code} 撤回此報告？撤回後此處再無人能開啟。',
  'fix.retracted': '已撤回。檢視已結束，團隊已收到通知。',
  'fix.isRetracted': '此報告已從個案 {code} 撤回。',
  'fix.refileLabel': '正確個案編號',
  'fix.refile': '改為存放到此個案',
  'fix.refiled': '已改為存放到個案 {code}，並按該個案的分享規則處理。',
  'fix.cancel': '取消',
  'fix.ok': '撤回',
  'err.access.denied': '你不能在此執行此操作：只有分享者或主診醫生可更正報告，而改存需要你有權在正確個案分享。',
  'err.refile.same_case': '報告現已存放在此個案：請輸入正確個案的編號。',
  'err.case.not_found': '沒有此編號的個案。請在個案群組中核對（編號格式如 C-7KQ2M）。',
  'err.case.code_invalid': '個案編號格式如 C-7KQ2M。',
  'err.document.already_retracted': '此報告已被撤回。',
  'err.other': '操作未能完成，請再試一次。',
};

export const useCorrectionI18n = screenI18n(en, zhHK);

import { screenI18n } from '../i18n/screen-i18n.js';

/** The Cases tab's words, both languages with the same keys (checked by the type). */
const en = {
  'cases.search': 'Case code, HKID or patient name',
  'cases.searchHint': 'Patient searches match an exact HKID or whole words of the name, on cases whose records you may open; every search is recorded.',
  'cases.empty': 'You are on no case’s care team yet.',
  'cases.noMatch': 'None of your cases matches.',
  'cases.unread': 'unread',
  'cases.last': 'Last activity',
  'cases.tz': 'HKT',
  'cases.more': 'Loading more…',
  'cases.end': 'That is all your cases.',
  'cases.by.code': 'Found by case code',
  'cases.by.hkid': 'Found by HKID',
  'cases.by.name': 'Found by patient name',
  'status.open': 'Open',
  'status.closed': 'Closed',
  'role.attending': 'Attending',
  'role.consulting': 'Consulting',
  'role.referring': 'Referring',
  'role.observer': 'Observer',
  'err.hkid.invalid': 'That HKID is not valid: check the letter, the six digits and the check digit in brackets.',
  'err.search.invalid': 'Search by a case code (C-7KQ2M), an HKID, or whole words of the patient’s name.',
  'err.other': 'Something went wrong. Please try again.',
} as const;

type Key = keyof typeof en;

const zhHK: Record<Key, string> = {
  'cases.search': '個案編號、身份證號碼或病人姓名',
  'cases.searchHint': '病人搜尋只配對完整身份證號碼或姓名的完整字詞，並只限你可開啟其紀錄的個案；每次搜尋均會記錄。',
  'cases.empty': '你目前不屬於任何個案的醫療團隊。',
  'cases.noMatch': '你的個案中沒有相符結果。',
  'cases.unread': '項未讀',
  'cases.last': '最後活動',
  'cases.tz': '香港時間',
  'cases.more': '載入更多…',
  'cases.end': '已顯示你所有個案。',
  'cases.by.code': '按個案編號搜尋',
  'cases.by.hkid': '按身份證號碼搜尋',
  'cases.by.name': '按病人姓名搜尋',
  'status.open': '進行中',
  'status.closed': '已結案',
  'role.attending': '主診',
  'role.consulting': '會診',
  'role.referring': '轉介',
  'role.observer': '觀察',
  'err.hkid.invalid': '身份證號碼無效：請檢查英文字母、六位數字及括號內的核對數字。',
  'err.search.invalid': '請以個案編號（如 C-7KQ2M）、身份證號碼或病人姓名的完整字詞搜尋。',
  'err.other': '發生錯誤，請再試一次。',
};

export const useCasesI18n = screenI18n(en, zhHK);

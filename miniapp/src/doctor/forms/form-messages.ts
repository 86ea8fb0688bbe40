import { useI18n } from '../../i18n/i18n.js';

/** The form screens' words (case open, consent); both languages have the same keys (checked by the type). */
const en = {
  'caseOpen.title': 'Open a case',
  'consent.title': 'Record consent',
  'hint.caseOpen': 'The patient’s details stay in ConsultBridge: the consult group only hears the case code and your name.',
  'hint.consent': 'Consent is recorded against the case; the latest entry for an institution wins.',
  'hint.oneTime': 'This form was sent to you only and works once, until',
  'field.hkid': 'HKID',
  'field.hkidHint': 'e.g. A123456(7)',
  'field.nameEn': 'English name',
  'field.nameZh': 'Chinese name',
  'field.dob': 'Date of birth',
  'field.needName': 'Give an English or a Chinese name.',
  'field.required': 'Required',
  'consents': 'Sharing consent by institution',
  'consent.granted': 'Granted',
  'consent.withdrawn': 'Withdrawn',
  'consent.reference': 'Reference (optional)',
  'consent.none': 'Choose at least one institution’s consent.',
  'restricted.title': 'Extra consent for restricted records',
  'restricted.hint': 'Only when the patient has given extra consent (eHRSS restricted control) for these categories.',
  'restricted.reference': 'Reference of the extra consent (required)',
  'restricted.needReference': 'Give the reference of the extra consent.',
  'submit': 'Submit',
  'done.opened': 'Case opened',
  'done.openedNote': 'The consult group has been told the case code. Add colleagues there.',
  'done.existing': 'This patient already has a case',
  'done.existingNote': 'No new case was opened. I have sent you, 1:1, how to link it to the group.',
  'done.consent': 'Consent recorded',
  'done.consentNote': 'Entries recorded for {code}: {n}',
  'toCase': 'Open the case',
  'err.not_found': 'This link was not sent to you, or it does not exist.',
  'err.conflict': 'This link has already been used.',
  'err.link.expired': 'This link has expired.',
  'err.actor.unverified': 'You are not verified yet — ask your hospital’s ConsultBridge admin to verify your registration.',
  'err.hkid.invalid': 'That HKID is not valid.',
  'err.institution.not_found': 'One of the institutions is unknown.',
  'err.access.denied': 'You can’t do that on this case.',
  'err.request.invalid': 'Please check the form.',
  'err.other': 'Something went wrong. Please try again.',
  'newLink': 'Ask ConsultBridge in the consult group for a new link.',
} as const;

export type FormKey = keyof typeof en;

const zhHK: Record<FormKey, string> = {
  'caseOpen.title': '開案',
  'consent.title': '記錄同意',
  'hint.caseOpen': '病人資料只存於 ConsultBridge：會診群組只會看到個案編號及你的名字。',
  'hint.consent': '同意會記錄在個案上；同一機構以最新一項為準。',
  'hint.oneTime': '此表格只發給你，只可使用一次，有效至',
  'field.hkid': '香港身份證號碼',
  'field.hkidHint': '例如 A123456(7)',
  'field.nameEn': '英文姓名',
  'field.nameZh': '中文姓名',
  'field.dob': '出生日期',
  'field.needName': '請填寫英文或中文姓名。',
  'field.required': '必填',
  'consents': '各醫療機構的分享同意',
  'consent.granted': '同意',
  'consent.withdrawn': '撤回',
  'consent.reference': '參考（選填）',
  'consent.none': '請最少選擇一間機構的同意狀況。',
  'restricted.title': '受限制紀錄的額外同意',
  'restricted.hint': '只在病人已就這些類別給予額外同意（醫健通「受限制」控制）時選擇。',
  'restricted.reference': '額外同意的參考（必填）',
  'restricted.needReference': '請填寫額外同意的參考。',
  'submit': '提交',
  'done.opened': '已開案',
  'done.openedNote': '會診群組已獲通知個案編號，可在群組中加入同事。',
  'done.existing': '此病人已有個案',
  'done.existingNote': '沒有另開新個案。我已私訊你如何把該個案連結到群組。',
  'done.consent': '已記錄同意',
  'done.consentNote': '個案 {code} 已記錄的同意項目：{n}',
  'toCase': '查看個案',
  'err.not_found': '此連結不是發給你的，或並不存在。',
  'err.conflict': '此連結已被使用。',
  'err.link.expired': '此連結已過期。',
  'err.actor.unverified': '你尚未通過驗證，請聯絡院方 ConsultBridge 管理員核實你的註冊資料。',
  'err.hkid.invalid': '香港身份證號碼無效。',
  'err.institution.not_found': '其中一間機構不存在。',
  'err.access.denied': '你沒有此個案的權限。',
  'err.request.invalid': '請檢查表格。',
  'err.other': '發生錯誤，請再試一次。',
  'newLink': '請在會診群組中向 ConsultBridge 索取新連結。',
};

/** t() for the form screens, plus the message for an API error code (a generic one for any other). */
export function useFormI18n() {
  const { lang } = useI18n();
  const table: Record<FormKey, string> = lang === 'en' ? en : zhHK;
  const t = (k: FormKey) => table[k];
  const errorText = (code: string) => {
    const key = `err.${code}`;
    return Object.prototype.hasOwnProperty.call(en, key) ? t(key as FormKey) : t('err.other');
  };
  return { lang, t, errorText };
}

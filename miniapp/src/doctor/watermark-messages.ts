import { screenI18n } from '../i18n/screen-i18n.js';

/** The burn text watermark's words, both languages with the same keys. */
const en = {
  'viewedBy': 'Shown to',
  'role.doctor': 'Doctor',
  'role.nurse': 'Nurse',
  'role.privacy_officer': 'Privacy officer',
  'role.admin': 'Admin',
  'role.other': 'Clinician',
};
type Key = keyof typeof en;

const zhHK: Record<Key, string> = {
  'viewedBy': '檢視者',
  'role.doctor': '醫生',
  'role.nurse': '護士',
  'role.privacy_officer': '私隱主任',
  'role.admin': '管理員',
  'role.other': '醫護人員',
};

export type WatermarkKey = Key;
export const useWatermarkI18n = screenI18n(en, zhHK);

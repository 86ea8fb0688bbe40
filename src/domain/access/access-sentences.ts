/**
 * Plain-language sentences for every policy id and every missing condition, in English and
 * Traditional Chinese. A test checks that each loaded policy id has an entry here.
 */
import type { MissingCode } from './missing-conditions.js';

export type Lang = 'en' | 'zh';
type Sentence = Record<Lang, string>;

export const POLICY_SENTENCES: Record<string, Sentence> = {
  'forbid-suspended': { en: 'Your account is suspended.', zh: '你的帳戶已被暫停。' },
  'forbid-unverified': {
    en: 'Your registration has not been verified by your hospital’s ConsultBridge admin yet.',
    zh: '你的註冊資料尚未經院方 ConsultBridge 管理員核實。',
  },
  'view-care-team': {
    en: 'You are attending or consulting on this case.',
    zh: '你是此個案的主診或會診醫護人員。',
  },
  'view-approved-grant': {
    en: 'You hold an approved, unexpired grant for this document.',
    zh: '你持有此文件已獲批且未過期的存取授權。',
  },
  'view-break-glass': {
    en: 'You have active emergency (break-glass) access to this case.',
    zh: '你擁有此個案有效的緊急存取權限。',
  },
  'forbid-content-non-clinical': {
    en: 'Only doctors, nurses and pharmacists may see or share patient documents; admin, privacy and audit roles never can.',
    zh: '只有醫生、護士及藥劑師可查看或分享病人文件；管理、私隱及審計角色一律不可。',
  },
  'forbid-view-without-consent': {
    en: 'The patient has not given sharing consent to your institution, and your institution did not write this document.',
    zh: '病人未向你所屬機構給予互通同意，而此文件亦非你所屬機構撰寫。',
  },
  'forbid-view-restricted-without-extra-consent': {
    en: 'This document is in a restricted category and the patient’s extra consent has not been recorded.',
    zh: '此文件屬於受限類別，而病人的額外同意尚未記錄。',
  },
  'share-care-team': {
    en: 'You are attending or consulting on this case, so you may share into it.',
    zh: '你是此個案的主診或會診醫護人員，可向個案分享文件。',
  },
  'manage-case-attending': { en: 'You are the attending clinician of this case.', zh: '你是此個案的主診醫護人員。' },
  'decide-request-attending': {
    en: 'You are the attending clinician, who decides the first step of access requests.',
    zh: '你是主診醫護人員，負責審批存取申請的第一步。',
  },
  'decide-request-privacy-officer': {
    en: 'You are a privacy officer of one of the case’s institutions, who decides the second step.',
    zh: '你是個案所屬機構的私隱主任，負責審批第二步。',
  },
  'forbid-decide-own-request': { en: 'Nobody may approve their own access request.', zh: '任何人都不可審批自己的存取申請。' },
  'request-access-clinical-staff': {
    en: 'Doctors, nurses and pharmacists may ask for access.',
    zh: '醫生、護士及藥劑師可申請存取權限。',
  },
  'break-glass-doctor': {
    en: 'Doctors may open emergency access; it is logged and reviewed.',
    zh: '醫生可啟用緊急存取；所有使用均會記錄及覆核。',
  },
  'read-audit-oversight-roles': {
    en: 'Auditors, privacy officers and admins may read the audit log (never document content).',
    zh: '審計員、私隱主任及管理員可查閱審計日誌（不包括文件內容）。',
  },
  'manage-directory-admin': {
    en: 'Admins may manage the user directory of their own institution.',
    zh: '管理員可管理其所屬機構的用戶名錄。',
  },
};

/** `{case}` is replaced with the case code, or "this case". */
export const MISSING_SENTENCES: Record<MissingCode, Sentence> = {
  care_team_or_grant: {
    en: 'You are not attending or consulting on {case}, and hold no approved grant or active emergency access for it.',
    zh: '你不是{case}的主診或會診醫護人員，亦沒有獲批的存取授權或有效的緊急存取權限。',
  },
  care_team: { en: 'You are not attending or consulting on {case}.', zh: '你不是{case}的主診或會診醫護人員。' },
  attending: { en: 'You are not the attending clinician of {case}.', zh: '你不是{case}的主診醫護人員。' },
  privacy_officer_of_case: {
    en: 'You are not a privacy officer of an institution taking part in {case}.',
    zh: '你不是參與{case}的機構的私隱主任。',
  },
  decision_step: { en: 'This request is not waiting for a decision step you can take.', zh: '此申請並無你可處理的審批步驟。' },
  clinical_role: {
    en: 'Only doctors, nurses and pharmacists may ask for access.',
    zh: '只有醫生、護士及藥劑師可申請存取權限。',
  },
  doctor_role: { en: 'Only doctors may open emergency access.', zh: '只有醫生可啟用緊急存取。' },
  oversight_role: {
    en: 'Only auditors, privacy officers and admins may read the audit log.',
    zh: '只有審計員、私隱主任及管理員可查閱審計日誌。',
  },
  admin_of_institution: {
    en: 'Only an admin of that institution may manage its directory.',
    zh: '只有該機構的管理員可管理其用戶名錄。',
  },
};

/** Deny reasons that state facts about the patient: told only to those already treating or granted. */
export const PATIENT_FACT_POLICIES: ReadonlySet<string> = new Set(['forbid-view-without-consent', 'forbid-view-restricted-without-extra-consent']);

/** Said instead when every reason for a stranger was about the patient. */
export const NOT_FOR_YOU: Sentence = {
  en: 'You may not open this document.',
  zh: '你不可開啟此文件。',
};

export const CASE_FALLBACK: Sentence = { en: 'this case', zh: '此個案' };

export const HEADLINE: Record<'allowed' | 'denied', Sentence> = {
  allowed: { en: 'Allowed.', zh: '已獲准。' },
  denied: { en: 'Not allowed.', zh: '不獲准。' },
};

export const ENGINE_ERROR: Sentence = {
  en: 'The access check could not be completed, so access is refused.',
  zh: '無法完成權限檢查，因此拒絕存取。',
};

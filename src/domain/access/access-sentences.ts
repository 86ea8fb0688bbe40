/**
 * Plain-language sentences for every policy id and every missing condition, in English and
 * Traditional Chinese. Denial reasons (forbids, missing conditions) come from the one table in
 * src/contract/denial-reasons.ts, which the admin dashboard labels too. A test checks that each
 * loaded policy id has an entry here.
 */
import { FORBID_POLICY_REASONS, MISSING_CONDITION_REASONS, type DenialReason } from '../../contract/denial-reasons.js';
import type { MissingCode } from './missing-conditions.js';

export type Lang = 'en' | 'zh';
type Sentence = Record<Lang, string>;

/** Why something was allowed: each permit policy in words. */
const PERMIT_SENTENCES: Record<string, Sentence> = {
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
  'view-consult-grant': {
    en: 'You hold a live consult grant for this case (an accepted referral or an MDT invitation).',
    zh: '你持有此個案有效的會診授權（已接受的轉介或多專科會議邀請）。',
  },
  'share-care-team': {
    en: 'You are attending or consulting on this case, so you may share into it.',
    zh: '你是此個案的主診或會診醫護人員，可向個案分享文件。',
  },
  'read-medications-care-team': {
    en: 'You are on the care team of this case, so you may read its medication list.',
    zh: '你是此個案照護團隊的成員，可查閱其藥物清單。',
  },
  'add-medication-care-team': {
    en: 'You are attending, consulting or referring on this case, so you may add to its medication list.',
    zh: '你是此個案的主診、會診或轉介醫護人員，可在其藥物清單加入藥物。',
  },
  'add-case-note-care-team': {
    en: 'You are attending or consulting on this case as clinical staff, so you may add a note or a confirmed problem to it.',
    zh: '你是此個案的主診或會診臨床人員，可在個案加入筆記或已確認的問題。',
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
  'review-rules-pharmacist': {
    en: 'Pharmacists may review the interaction rules: sign them off, disable or re-enable them with a reason.',
    zh: '藥劑師可覆核藥物相互作用規則：簽核、停用或重新啟用規則，並須註明原因。',
  },
};

const sentences = <K extends string>(reasons: Record<K, DenialReason>) =>
  Object.fromEntries(Object.entries<DenialReason>(reasons).map(([code, r]) => [code, r.sentence])) as Record<K, Sentence>;

/** Every policy id in words: the permits' here, the forbids' from the denial reasons table. */
export const POLICY_SENTENCES: Record<string, Sentence> = { ...PERMIT_SENTENCES, ...sentences(FORBID_POLICY_REASONS) };

/** `{case}` is replaced with the case code, or "this case". Every missing code must be in the table (checked here). */
const missingReasons: Record<MissingCode, DenialReason> = MISSING_CONDITION_REASONS;
export const MISSING_SENTENCES: Record<MissingCode, Sentence> = sentences(missingReasons);

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

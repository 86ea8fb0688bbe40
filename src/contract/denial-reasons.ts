import { z } from 'zod';

/**
 * Why access was refused, in both languages: one table for every reason code a denial is audited
 * with. The chat and `@bot why` say the `sentence` (src/domain/access/access-sentences.ts); the admin
 * dashboard's "Denials by reason" chart shows the short `label` (sent with the dashboard figures).
 */
export interface Wording {
  en: string;
  zh: string;
}

export interface DenialReason {
  /** Short, for a chart or a table cell. */
  label: Wording;
  /** The sentence told to the person refused; `{case}` stands for the case. */
  sentence: Wording;
}

/** Permit conditions that were not met (src/domain/access/missing-conditions.ts). */
export const MISSING_CONDITION_REASONS = {
  care_team_or_grant: {
    label: { en: 'Not on the care team, no grant', zh: '非醫護團隊成員，亦無授權' },
    sentence: {
      en: 'You are not attending or consulting on {case}, and hold no approved grant or active emergency access for it.',
      zh: '你不是{case}的主診或會診醫護人員，亦沒有獲批的存取授權或有效的緊急存取權限。',
    },
  },
  care_team: {
    label: { en: 'Not on the care team', zh: '非醫護團隊成員' },
    sentence: { en: 'You are not attending or consulting on {case}.', zh: '你不是{case}的主診或會診醫護人員。' },
  },
  attending: {
    label: { en: 'Not the attending', zh: '非主診醫護人員' },
    sentence: { en: 'You are not the attending clinician of {case}.', zh: '你不是{case}的主診醫護人員。' },
  },
  privacy_officer_of_case: {
    label: { en: 'Not a privacy officer of the case', zh: '非該個案的私隱主任' },
    sentence: { en: 'You are not a privacy officer of an institution taking part in {case}.', zh: '你不是參與{case}的機構的私隱主任。' },
  },
  decision_step: {
    label: { en: 'No decision step to take', zh: '沒有可處理的審批步驟' },
    sentence: { en: 'This request is not waiting for a decision step you can take.', zh: '此申請並無你可處理的審批步驟。' },
  },
  clinical_role: {
    label: { en: 'Not clinical staff', zh: '非臨床人員' },
    sentence: { en: 'Only doctors, nurses and pharmacists may ask for access.', zh: '只有醫生、護士及藥劑師可申請存取權限。' },
  },
  care_team_member: {
    label: { en: 'Not on the care team', zh: '非醫護團隊成員' },
    sentence: { en: 'You have no role on the care team of {case}, so you may not read its medication list.', zh: '你在{case}的照護團隊中沒有角色，不可查閱其藥物清單。' },
  },
  prescriber_on_team: {
    label: { en: 'Not prescribing on the case', zh: '非該個案的處方醫護人員' },
    sentence: {
      en: 'Only the attending, consulting or referring clinicians of {case} may add to its medication list.',
      zh: '只有{case}的主診、會診或轉介醫護人員可在其藥物清單加入藥物。',
    },
  },
  medications_clinical_role: {
    label: { en: 'Not clinical staff', zh: '非臨床人員' },
    sentence: { en: 'Only doctors, nurses and pharmacists may see or change a medication list.', zh: '只有醫生、護士及藥劑師可查閱或更改藥物清單。' },
  },
  doctor_role: {
    label: { en: 'Not a doctor', zh: '非醫生' },
    sentence: { en: 'Only doctors may open emergency access.', zh: '只有醫生可啟用緊急存取。' },
  },
  oversight_role: {
    label: { en: 'Not an oversight role', zh: '非監察角色' },
    sentence: { en: 'Only auditors, privacy officers and admins may read the audit log.', zh: '只有審計員、私隱主任及管理員可查閱審計日誌。' },
  },
  admin_of_institution: {
    label: { en: 'Not an admin of the institution', zh: '非該機構的管理員' },
    sentence: { en: 'Only an admin of that institution may manage its directory.', zh: '只有該機構的管理員可管理其用戶名錄。' },
  },
  pharmacist_role: {
    label: { en: 'Not a pharmacist', zh: '非藥劑師' },
    sentence: { en: 'Only pharmacists may review the interaction rules.', zh: '只有藥劑師可覆核藥物相互作用規則。' },
  },
} satisfies Record<string, DenialReason>;

/** The forbid policies (config/policies): each refusal names the one that matched. */
export const FORBID_POLICY_REASONS = {
  'forbid-suspended': {
    label: { en: 'Account suspended', zh: '帳戶已暫停' },
    sentence: { en: 'Your account is suspended.', zh: '你的帳戶已被暫停。' },
  },
  'forbid-unverified': {
    label: { en: 'Not verified', zh: '未經驗證' },
    sentence: {
      en: 'Your registration has not been verified by your hospital’s ConsultBridge admin yet.',
      zh: '你的註冊資料尚未經院方 ConsultBridge 管理員核實。',
    },
  },
  'forbid-content-non-clinical': {
    label: { en: 'Non-clinical role', zh: '非臨床角色' },
    sentence: {
      en: 'Only doctors, nurses and pharmacists may see or share patient documents; admin, privacy and audit roles never can.',
      zh: '只有醫生、護士及藥劑師可查看或分享病人文件；管理、私隱及審計角色一律不可。',
    },
  },
  'forbid-view-without-consent': {
    label: { en: 'No patient consent', zh: '未有病人同意' },
    sentence: {
      en: 'The patient has not given sharing consent to your institution, and your institution did not write this document.',
      zh: '病人未向你所屬機構給予互通同意，而此文件亦非你所屬機構撰寫。',
    },
  },
  'forbid-view-restricted-without-extra-consent': {
    label: { en: 'Restricted, no extra consent', zh: '受限制，未有額外同意' },
    sentence: {
      en: 'This document is in a restricted category and the patient’s extra consent has not been recorded.',
      zh: '此文件屬於受限類別，而病人的額外同意尚未記錄。',
    },
  },
  'forbid-closed-case': {
    label: { en: 'Case closed', zh: '個案已結束' },
    sentence: {
      en: 'This case is closed, so it is read-only: nothing can be shared into it or added to its medication list, and no access can be asked for or given. Its attending can re-open it.',
      zh: '此個案已結束，只供閱覽：不可分享新內容或加入藥物，亦不可申請或批出存取權限。主診醫生可重新開啟個案。',
    },
  },
  'forbid-medications-non-clinical': {
    label: { en: 'Non-clinical role', zh: '非臨床角色' },
    sentence: {
      en: 'Only doctors, nurses and pharmacists may see or change a case’s medication list; admin, privacy and audit roles never can.',
      zh: '只有醫生、護士及藥劑師可查閱或更改個案的藥物清單；管理、私隱及審計角色一律不可。',
    },
  },
  'forbid-decide-own-request': {
    label: { en: 'Own request', zh: '自己的申請' },
    sentence: { en: 'Nobody may approve their own access request.', zh: '任何人都不可審批自己的存取申請。' },
  },
} satisfies Record<string, DenialReason>;

/** Refusals audited with a code of their own (sharing, the burn reader, view tokens, the engine). */
export const OTHER_DENIAL_LABELS = {
  'share.not_allowed': { en: 'May not share to this case', zh: '不可分享至此個案' },
  not_a_recipient: { en: 'Not a recipient', zh: '非收件人' },
  burned: { en: 'Already burned', zh: '已銷毀' },
  not_found: { en: 'Not found', zh: '找不到' },
  no_permit: { en: 'No rule allows it', zh: '沒有規則容許' },
  unknown: { en: 'Unknown', zh: '不明' },
} satisfies Record<string, Wording>;

/** Every denial reason's short label, by code. */
export const DENIAL_REASON_LABELS: Readonly<Record<string, Wording>> = {
  ...Object.fromEntries(Object.entries({ ...MISSING_CONDITION_REASONS, ...FORBID_POLICY_REASONS }).map(([code, r]) => [code, r.label])),
  ...OTHER_DENIAL_LABELS,
};

/** The label of `code`; an unknown code as its words (both languages), never cut off. */
export function denialReasonLabel(code: string): Wording {
  const words = code.replace(/[_.:-]+/g, ' ');
  return DENIAL_REASON_LABELS[code] ?? { en: words, zh: words };
}

export const wordingDto = z.object({ en: z.string(), zh: z.string() });

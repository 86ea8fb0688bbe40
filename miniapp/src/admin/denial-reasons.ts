/**
 * Short chart labels for the reason codes access denials are audited with (a policy id or a missing
 * condition, src/domain/access/missing-conditions.ts; the burn reader's and view token's own codes).
 * An unknown code is shown as its words, never cut off.
 */
const LABELS: Record<string, { en: string; zh: string }> = {
  care_team_or_grant: { en: 'Not on the care team, no grant', zh: '非醫護團隊成員，亦無授權' },
  care_team: { en: 'Not on the care team', zh: '非醫護團隊成員' },
  attending: { en: 'Not the attending', zh: '非主診醫護人員' },
  privacy_officer_of_case: { en: 'Not a privacy officer of the case', zh: '非該個案的私隱主任' },
  clinical_role: { en: 'Not clinical staff', zh: '非臨床人員' },
  doctor_role: { en: 'Not a doctor', zh: '非醫生' },
  'forbid-suspended': { en: 'Account suspended', zh: '帳戶已暫停' },
  'forbid-unverified': { en: 'Not verified', zh: '未經驗證' },
  'forbid-content-non-clinical': { en: 'Non-clinical role', zh: '非臨床角色' },
  'forbid-view-without-consent': { en: 'No patient consent', zh: '未有病人同意' },
  'forbid-view-restricted-without-extra-consent': { en: 'Restricted, no extra consent', zh: '受限制，未有額外同意' },
  'share.not_allowed': { en: 'May not share to this case', zh: '不可分享至此個案' },
  not_a_recipient: { en: 'Not a recipient', zh: '非收件人' },
  burned: { en: 'Already burned', zh: '已銷毀' },
  not_found: { en: 'Not found', zh: '找不到' },
  no_permit: { en: 'No rule allows it', zh: '沒有規則容許' },
  unknown: { en: 'Unknown', zh: '不明' },
};

export function denialReasonLabel(code: string, lang: 'en' | 'zh-HK'): string {
  const label = LABELS[code];
  if (label) return lang === 'zh-HK' ? label.zh : label.en;
  return code.replace(/[_.:-]+/g, ' ');
}

import type { Severity } from '../../domain/clinical/interaction-rule-schema.js';

/**
 * Interaction alert notices: the case code, the severity and a link, never a drug. The card is in both
 * languages (as the allergy alert's): whoever reads it on a shared device reads one of them.
 */
export const SEVERITY_WORDS: Readonly<Record<Severity, { en: string; zh: string }>> = {
  contraindicated: { en: 'contraindicated', zh: '禁忌' },
  major: { en: 'major', zh: '嚴重' },
  moderate: { en: 'moderate', zh: '中度' },
};

export const INTERACTION_TEXTS = {
  cardTitle: (code: string, severity: Severity) =>
    `⚠️ Interaction alert on ${code} — ${SEVERITY_WORDS[severity].en} — open · 個案 ${code} 藥物相互作用警示 — ${SEVERITY_WORDS[severity].zh} — 待處理`,
  cardText: 'Two medications on this case may interact. Open for the details, then acknowledge or override with a reason. · 此個案有兩種藥物可能相互作用，請開啟查看詳情，然後確認或附理由推翻。',
  open: 'Open 開啟',
  uncheckedTitle: {
    en: (code: string) => `${code}: medication not checked`,
    zh: (code: string) => `${code}：藥物未能檢查`,
  },
  unchecked: {
    en: (code: string, link: string) => `${code}: a medication could not be checked for interactions — [open](${link}). Please check it with a pharmacist; no alert does not mean safe.`,
    zh: (code: string, link: string) => `${code}：有一項藥物未能作相互作用檢查 — [開啟](${link})。請與藥劑師核對；沒有警示不代表安全。`,
  },
  /** Escalation: what the unread item is (notice-texts' ITEM). */
  item: { en: 'an urgent drug interaction alert', zh: '一則緊急藥物相互作用警示' },
} as const;

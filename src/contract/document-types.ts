/**
 * What a shared document is, chosen by its sharer: shown wherever a document is named (cards, inbox,
 * case screen, console, the PDF watermark) instead of always "Report". A code, never free text, so it
 * may travel in chat and the audit. Plain values (no zod), so the mini-app may import them too.
 */
export const DOCUMENT_TYPES = {
  report: { en: 'Report', zh: '報告' },
  imaging: { en: 'Imaging', zh: '影像' },
  lab: { en: 'Lab result', zh: '化驗結果' },
  discharge_summary: { en: 'Discharge summary', zh: '出院摘要' },
  letter: { en: 'Letter', zh: '信件' },
  /** A DingTalk Yida form submission filed to the case (issue 14 item 5). */
  form: { en: 'Form', zh: '表單' },
  other: { en: 'Document', zh: '文件' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]];

export function isDocumentType(code: unknown): code is DocumentType {
  return typeof code === 'string' && Object.hasOwn(DOCUMENT_TYPES, code);
}

/** The type's label in the reader's language; an unknown code reads as a plain document. */
export function documentTypeLabel(code: string | null | undefined, lang: 'en' | 'zh'): string {
  return (isDocumentType(code) ? DOCUMENT_TYPES[code] : DOCUMENT_TYPES.other)[lang];
}

/** A type as an answer carries it where a reader may read either language (the PDPO report): the code and both words. */
export function documentTypeWords(code: string | null | undefined): { code: DocumentType; en: string; zh: string } {
  const known: DocumentType = isDocumentType(code) ? code : 'other';
  return { code: known, ...DOCUMENT_TYPES[known] };
}

/** Longest optional title (mini-app only, stored sealed). */
export const DOCUMENT_TITLE_MAX = 120;

/** Shapes of the doctor API (src/http/app/doctor-schemas.ts): ids, case codes, people, times. */
export interface Person {
  id: string;
  nameEn: string;
  nameZh: string | null;
  role: string | null;
  specialty: string | null;
  institutionCode: string | null;
  institutionName: string | null;
  verified: boolean;
}

export interface Inbox {
  toDecide: Array<{ requestId: string; caseCode: string; documentId: string; requester: Person; reasonCode: string; createdAt: number; expiresAt: number }>;
  myRequests: Array<{ requestId: string; caseCode: string; documentId: string; reasonCode: string; status: 'pending' | 'approved' | 'denied' | 'expired'; createdAt: number; decidedAt: number | null }>;
  newDocuments: Array<{ documentId: string; caseCode: string; author: Person; createdAt: number }>;
  burnItems: Array<{ itemId: string; caseCode: string; author: Person; kind: string; createdAt: number; expiresAt: number; burnAt: number | null }>;
  escalations: Array<{ itemId: string; itemType: string; caseCode: string; step: number; createdAt: number }>;
}

export interface CaseView {
  code: string;
  status: string;
  openedAt: number;
  myCareRole: string | null;
  team: Array<Person & { careRole: string; since: number }>;
  documents: Array<{ documentId: string; kind: string; status: string; createdAt: number; author: Person; openedBy: Array<{ person: Person; firstOpenedAt: number; viewCount: number }>; notOpened: Person[] }>;
}

export interface Reason {
  code: string;
  en: string;
  zh: string;
}

/** POST /api/app/documents/:id/view-token: a view token bound to me; POST `{ token }` to `url` for the PDF. */
export interface ViewToken {
  token: string;
  expiresAt: number;
  url: string;
}

/** POST /api/app/burn/:itemId/open: text with my remaining seconds, or a document's burn view token and where to POST it. */
export interface BurnOpened {
  kind: 'text' | 'document';
  text?: string;
  remainingSeconds: number | null;
  token?: string;
  url?: string;
}

/** A person in the reader's language: 陳大文 in Chinese when known, else the English name. */
export function personName(lang: 'zh-HK' | 'en', p: Person): string {
  return lang === 'zh-HK' ? (p.nameZh ?? p.nameEn) : p.nameEn;
}

export function personLine(lang: 'zh-HK' | 'en', p: Person): string {
  return [personName(lang, p), p.specialty, p.institutionCode].filter(Boolean).join(' · ');
}

/** `?lang=` for answers worded by the server (refusal reasons, confirmations), in the UI's language. */
export function langParam(lang: 'zh-HK' | 'en'): string {
  return `lang=${lang === 'en' ? 'en' : 'zh'}`;
}

/** GET /api/app/cases/:code/compose: what I may send into a case now (src/http/app/compose-schemas.ts). */
export interface ComposeOptions {
  caseCode: string;
  share: boolean;
  burn: boolean;
  alert: 'share' | 'break_glass' | null;
  burnSeconds: { min: number; max: number; default: number };
  maxUploadBytes: number;
  alertChoices: { severity: string[]; criticality: string[]; category: string[] };
}

export interface SharedReport {
  documentId: string;
  caseCode: string;
  mediaType: string;
  size: number;
}

export interface BurnSent {
  itemId: string;
  caseCode: string;
  recipients: number;
  expiresAt: number;
}

export interface AlertRaised {
  alertId: string;
  caseCode: string;
  recipients: number;
  scan: boolean;
}

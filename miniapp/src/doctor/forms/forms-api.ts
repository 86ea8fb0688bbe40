/** Shapes of the forms API (src/http/app/app-forms-routes.ts). */
export type FormKind = 'case-open' | 'consent';

export interface FormIntent {
  kind: FormKind;
  /** Consent forms: the case they record for. */
  caseCode: string | null;
  expiresAt: number;
  institutions: Array<{ code: string; nameEn: string; nameZh: string | null }>;
}

export interface ConsentEntry {
  institutionCode: string;
  status: 'granted' | 'withdrawn';
  reference?: string;
}

export type CaseOpened = { caseCode: string; created: boolean };
export type ConsentRecorded = { caseCode: string; recorded: number };

/** What the screen shows after a submit. */
export type FormDone = { kind: 'case-open'; caseCode: string; created: boolean } | { kind: 'consent'; caseCode: string; recorded: number };

/** A trimmed value, or undefined for an empty one (the API treats absent and empty differently). */
export const filled = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

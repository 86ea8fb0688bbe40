/** The forms API's shapes, straight from the server's schemas (src/contract/forms.ts). */
import type { ConsentEntry, FormIntentDto, FormKind } from '../../../../src/contract/forms.js';

export type { ConsentEntry, FormKind };
export type FormIntent = FormIntentDto;

/** What the screen shows after a submit. */
export type FormDone = { kind: 'case-open'; caseCode: string; created: boolean } | { kind: 'consent'; caseCode: string; recorded: number };

/** A trimmed value, or undefined for an empty one (the API treats absent and empty differently). */
export const filled = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

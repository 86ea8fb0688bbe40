/**
 * The Yida form archive's closed code lists (plain values, no zod), so the console may import them as
 * well as the server; src/contract/yida.ts builds its schemas from them.
 */
/** Who may read a filed form: the care team as for documents, or an eHRSS restricted category (extra consent). */
export const FORM_READ_CATEGORIES = ['care_team', 'mental_health', 'sexual_health', 'genetic', 'hiv'] as const;
export type FormReadCategory = (typeof FORM_READ_CATEGORIES)[number];

/** Who approves a submission before it is filed, when the mapping asks for approval. */
export const FORM_APPROVERS = ['attending', 'privacy_officer'] as const;
export type FormApprover = (typeof FORM_APPROVERS)[number];

/**
 * What a filed form is on the case (its document type; `form` unless the admin says otherwise, e.g. an
 * ECG report form filed as `ecg`, so the consult rules on that type apply). Never `mdt_summary`.
 */
export const FORM_DOCUMENT_TYPES = ['form', 'ecg', 'lab', 'imaging', 'report', 'letter', 'discharge_summary', 'other'] as const;
export type FormDocumentType = (typeof FORM_DOCUMENT_TYPES)[number];

/** Why an approver returns a submission instead of approving it (a code: no free text about a patient is kept). */
export const FORM_RETURN_REASONS = ['wrong_patient', 'incomplete', 'duplicate', 'not_for_record', 'other'] as const;
export type FormReturnReason = (typeof FORM_RETURN_REASONS)[number];

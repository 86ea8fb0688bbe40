import { z } from 'zod';
import { FORM_APPROVERS, FORM_DOCUMENT_TYPES, FORM_READ_CATEGORIES } from './yida-codes.js';

/**
 * The Yida (宜搭) form archive's shapes (issue 14 item 5): the integration callback DingTalk sends in,
 * the admin's mapping of a form onto a case record, and the console's view of a submission. Ids
 * follow DingTalk's: `FORM-…` (form UUID), `FINST-…` (form instance), `APP_…` (appType); field values
 * are keyed by component ids such as `textField_abc123`. Codes and ids only: no patient data here.
 */
export const FORM_UUID = /^FORM-[A-Za-z0-9_-]{1,80}$/;
export const FORM_INSTANCE_ID = /^FINST-[A-Za-z0-9_-]{1,80}$/;
export const APP_TYPE = /^APP_[A-Za-z0-9_]{1,64}$/;
export const COMPONENT_ID = /^[A-Za-z][A-Za-z0-9]{0,40}_[A-Za-z0-9]{1,40}$/;

/**
 * The callback body. Yida's integration / automation HTTP node sends the body the form's owner
 * configures (no event shape is documented: README "Yida form archive"), so we ask for these three
 * values and accept Yida's own spelling `formInstId` too.
 */
export const yidaCallbackBody = z
  .object({
    formUuid: z.string().regex(FORM_UUID),
    appType: z.string().regex(APP_TYPE),
    formInstanceId: z.string().regex(FORM_INSTANCE_ID).optional(),
    formInstId: z.string().regex(FORM_INSTANCE_ID).optional(),
    /** Free label of the trigger (e.g. `submit`); kept only as a code. */
    eventType: z.string().regex(/^[A-Za-z_.-]{1,32}$/).optional(),
  })
  .refine((b) => b.formInstanceId !== undefined || b.formInstId !== undefined, { path: ['formInstanceId'], message: 'required' });

export type YidaCallbackBody = z.infer<typeof yidaCallbackBody>;

export const yidaCallbackAnswer = z.object({ accepted: z.boolean(), submissionId: z.string(), duplicate: z.boolean() });

export { FORM_APPROVERS, FORM_DOCUMENT_TYPES, FORM_READ_CATEGORIES, type FormApprover, type FormDocumentType, type FormReadCategory } from './yida-codes.js';

/** A record type: a short code the admin picks (e.g. `nursing_assessment`); shown with the form's name. */
export const RECORD_TYPE = /^[a-z][a-z0-9_]{1,39}$/;

const componentId = z.string().regex(COMPONENT_ID);

/** A form's mapping onto a case record. */
export const formMappingBody = z.object({
  name: z.string().trim().min(1).max(80),
  recordType: z.string().regex(RECORD_TYPE),
  fields: z.object({
    /** The component holding the patient's HKID: matched by the keyed hash, never stored in clear. */
    patientHkid: componentId,
    /** Optional: a component holding the case code (C-XXXXX), when the patient has several open cases. */
    caseCode: componentId.optional(),
    medications: z.array(componentId).max(20).default([]),
    problems: z.array(componentId).max(20).default([]),
    /** Free-text components shown on the filed record (sealed), each with the label to print. */
    freeText: z.array(z.object({ id: componentId, label: z.string().trim().min(1).max(60) })).max(40).default([]),
    /** Components whose values are consult-rule flags (e.g. a select "ECG finding" offering `STEMI?`); values that are not short codes are ignored. */
    flags: z.array(componentId).max(10).default([]),
    /** Number components read as results (LOINC code, unit) for the consult rules, as a FHIR Observation would be. */
    results: z.array(z.object({ id: componentId, loinc: z.string().regex(/^\d{1,7}-\d$/), unit: z.string().trim().min(1).max(20) })).max(10).default([]),
  }),
  documentType: z.enum(FORM_DOCUMENT_TYPES).default('form'),
  approval: z.enum(['none', ...FORM_APPROVERS]).default('none'),
  readCategory: z.enum(FORM_READ_CATEGORIES).default('care_team'),
});
export type FormMappingBody = z.input<typeof formMappingBody>;
export type FormMapping = z.output<typeof formMappingBody> & { formUuid: string; updatedAt: number; updatedBy: string };

/**
 * Where a submission stands: `received` (notification stored, form data not fetched yet), `waiting`
 * (kept with a coded error until re-mapped, retried or discarded), `awaiting_approval`, `filed`, `discarded`.
 */
export const SUBMISSION_STATES = ['received', 'waiting', 'awaiting_approval', 'filed', 'discarded'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const submissionDto = z.object({
  id: z.string(),
  formUuid: z.string(),
  appType: z.string(),
  formName: z.string().nullable(),
  state: z.enum(SUBMISSION_STATES),
  /** The coded reason it waits (e.g. `yida.unmapped`), or null. */
  errorCode: z.string().nullable(),
  caseCode: z.string().nullable(),
  attempts: z.number(),
  receivedAt: z.string(),
  updatedAt: z.string(),
});
export type SubmissionDto = z.infer<typeof submissionDto>;

/** `updatedBy`: the admin's name (never an id). */
export const mappingDto = formMappingBody.extend({ formUuid: z.string(), updatedAt: z.string(), updatedBy: z.string() });
export type MappingDto = z.infer<typeof mappingDto>;

export const submissionsQuery = z.object({
  state: z.enum(SUBMISSION_STATES).default('waiting'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page (newest first). */
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).optional(),
});
export const submissionsResponse = z.object({
  items: z.array(submissionDto),
  nextCursor: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
});
export const filingResponse = z.object({ state: z.enum(SUBMISSION_STATES), errorCode: z.string().nullable(), filed: z.boolean() });
export type FilingDto = z.infer<typeof filingResponse>;
export type SubmissionsPage = z.infer<typeof submissionsResponse>;

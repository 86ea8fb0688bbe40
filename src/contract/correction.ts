import { z } from 'zod';

/** Wrong-patient correction: retracting a document, re-filing it, merging duplicate patient records, bulk import, register check. */

/** What the document screen may offer me about a document (sharer or attending: retract / re-file). */
export const correctionOptionsDto = z.object({
  mayCorrect: z.boolean(),
  status: z.enum(['active', 'destroyed', 'retracted']).nullable(),
  /** The case the document is filed under: only for those who may correct it. */
  caseCode: z.string().nullable(),
});
export type CorrectionOptionsDto = z.infer<typeof correctionOptionsDto>;

export const retractedDto = z.object({ documentId: z.string(), caseCode: z.string() });
export type RetractedDto = z.infer<typeof retractedDto>;

export const refileBody = z.object({ caseCode: z.string().trim().min(1).max(20) });
export const refiledDto = z.object({ documentId: z.string(), caseCode: z.string(), fromDocumentId: z.string(), fromCaseCode: z.string() });
export type RefiledDto = z.infer<typeof refiledDto>;

/** The two patient records to merge, each by HKID or by one of its case codes. */
export const mergeBody = z.object({
  survivor: z.string().trim().min(1).max(40),
  duplicate: z.string().trim().min(1).max(40),
});
const mergeSide = z.object({ hkidMasked: z.string(), cases: z.array(z.object({ code: z.string(), status: z.string() })) });
export const mergePreviewDto = z.object({ survivor: mergeSide, duplicate: mergeSide });
export const mergedDto = mergePreviewDto.extend({ casesMoved: z.number().int() });
export type MergePreviewDto = z.infer<typeof mergePreviewDto>;
export type MergedDto = z.infer<typeof mergedDto>;

export const IMPORT_COLUMNS = ['dingtalk_user_id', 'display_name', 'name_en', 'name_zh', 'role', 'specialty', 'institution_code', 'registration_no'] as const;
export const IMPORT_PROBLEMS = ['missing', 'too_long', 'hkid_in_field', 'bad_role', 'bad_registration_no', 'unknown_institution', 'duplicate_in_directory', 'duplicate_in_file'] as const;

export const importBody = z.object({
  /** The CSV text (UTF-8), header row first; at most 1 MB. */
  csv: z.string().min(1).max(1_000_000),
  dryRun: z.boolean().default(true),
});
export const importReportDto = z.object({
  dryRun: z.boolean(),
  ok: z.number().int(),
  errors: z.number().int(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      dingtalkUserId: z.string(),
      displayName: z.string(),
      status: z.enum(['ok', 'imported', 'error']),
      problems: z.array(z.object({ code: z.enum(IMPORT_PROBLEMS), column: z.enum(IMPORT_COLUMNS).optional() })),
    }),
  ),
});
export type ImportReportDto = z.infer<typeof importReportDto>;

export const registerCheckQuery = z.object({ no: z.string().trim().min(1).max(12) });
export const registerCheckDto = z.union([
  z.object({ mode: z.literal('manual') }),
  z.object({
    mode: z.literal('lookup'),
    entry: z.object({ registrationNo: z.string(), found: z.boolean(), nameEn: z.string().optional(), nameZh: z.string().optional(), status: z.string().optional() }),
  }),
]);
export type RegisterCheckDto = z.infer<typeof registerCheckDto>;

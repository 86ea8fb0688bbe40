import { z } from 'zod';
import { errorBody } from './errors.js';

/**
 * The consult rules' API shapes (issue 14): the console's rule page and dry run, and the case
 * screen's "triggered consult" tags. The rule fields themselves are checked by the server's schema
 * (src/domain/consult-rules/consult-rule-schema.ts); here a rule is described, not validated.
 */
const words = z.object({ en: z.string(), zh: z.string() });

export const consultRuleDto = z.object({
  id: z.string(),
  enabled: z.boolean(),
  severity: z.string(),
  specialty: z.string(),
  institution: z.string().optional(),
  purposeCode: z.string(),
  description: words,
  match: z.object({
    document: z.object({ types: z.array(z.string()).optional(), flags: z.array(z.string()).optional() }).optional(),
    observation: z.object({ codes: z.array(z.string()), thresholds: z.array(z.object({ comparator: z.string(), value: z.number() })), unit: z.string() }).optional(),
  }),
});

export const ruleProblemDto = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const consultRulesDto = z.object({
  /** `file`: config/consult-rules.json; `saved`: the console's saved set (in the database, every instance reads it). */
  source: z.enum(['file', 'saved']),
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  rules: z.array(consultRuleDto),
  /** The rule set as JSON text, for the editor. */
  text: z.string(),
  fileProblems: z.array(ruleProblemDto),
});

/** The whole rule set as JSON text, over the version the admin loaded (0: the file). */
export const saveConsultRulesBody = z.object({ text: z.string().max(200_000), expectedVersion: z.number().int().min(0) });

/** A save or dry run refused for its rule text: each problem with its path. */
export const ruleProblemsBody = errorBody.extend({ problems: z.array(ruleProblemDto) });

export const dryRunBody = z
  .object({
    /** Rules being edited; the rules in force when absent. */
    text: z.string().max(200_000).optional(),
    documentId: z.string().max(64).optional(),
    flags: z.array(z.string().max(24)).max(5).optional(),
    observation: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((b) => (b.documentId === undefined) !== (b.observation === undefined), { message: 'a document or an observation' });

export const dryRunDto = z.object({
  item: z.union([
    z.object({ kind: z.literal('document'), caseCode: z.string(), docType: z.string() }),
    z.object({ kind: z.literal('observation'), ref: z.string(), codes: z.array(z.string()), value: z.number(), unit: z.string() }),
  ]),
  fires: z.array(z.object({ id: z.string(), severity: z.string(), specialty: z.string(), description: words })),
  unitMismatch: z.array(z.string()),
  alreadyFired: z.array(z.string()),
});

/** A rule that fired on an item of the case: shown on the case screen as "triggered consult: rule X". */
export const consultTriggerDto = z.object({
  ruleId: z.string(),
  itemType: z.enum(['document', 'observation', 'form']),
  /** The document's id when the item is a document of this case (so the screen tags it); null otherwise. */
  documentId: z.string().nullable(),
  firedAt: z.number(),
  referralOpened: z.boolean(),
  /** The referral the rule opened (the tag links to its screen); null while it is being opened or when none could be. */
  referralId: z.string().nullable(),
});

export const importResultsDto = z.object({ read: z.number().int(), fired: z.array(z.object({ ruleId: z.string(), itemType: z.string() })) });

export type ConsultRuleDto = z.infer<typeof consultRuleDto>;
export type ConsultRulesDto = z.infer<typeof consultRulesDto>;
export type RuleProblemDto = z.infer<typeof ruleProblemDto>;
export type DryRunBody = z.infer<typeof dryRunBody>;
export type DryRunDto = z.infer<typeof dryRunDto>;
export type ConsultTriggerDto = z.infer<typeof consultTriggerDto>;
export type ImportResultsDto = z.infer<typeof importResultsDto>;

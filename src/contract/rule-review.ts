import { z } from 'zod';
import { personDto } from './doctor.js';

/**
 * The pharmacist's rule review page (src/http/app/rule-review-routes.ts; mini-app /doctor/rules):
 * the interaction rule set in use, each rule with its review state. Rules, names and times only.
 */
export const ruleIdParams = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) });

/** Disable or re-enable: why (3–500 characters after trimming; a shorter one is refused as rule.reason_required). */
export const ruleReasonBody = z.object({ reason: z.string().max(500) });

/** One side of a rule: a class (its label and members) or a single drug (INN). */
export const ruleSideDto = z.object({
  classId: z.string().nullable(),
  label: z.string().describe('The class label, or the drug (INN)'),
  members: z.array(z.string()).describe('The class members the rule covers (INN); [label] for a single drug'),
});

const mark = z.object({ by: personDto, at: z.number().int() });
const markWithReason = mark.extend({ reason: z.string() });

export const ruleReviewStateDto = z.object({
  status: z.enum(['not_reviewed', 'reviewed', 'disabled']),
  signedOff: mark.nullable(),
  disabled: markWithReason.nullable(),
  enabled: markWithReason.nullable().describe('The last re-enable, while the rule is enabled'),
  staleFrom: z.string().nullable().describe('A review made in this earlier version no longer counts: the rule was edited since'),
});

export const ruleDto = z.object({
  id: z.string(),
  onc: z.number().int().nullable().describe('ONC high-priority class number (Phansalkar 2012), if any'),
  areas: z.array(z.string()),
  a: z.array(ruleSideDto),
  b: z.array(ruleSideDto),
  severity: z.enum(['contraindicated', 'major', 'moderate']),
  mechanism: z.string(),
  action: z.string(),
  alternatives: z.array(z.string()),
  citations: z.array(z.string()).describe('Checkable offline: PMID, product-label section, dated regulator communication'),
  state: ruleReviewStateDto,
});

export const ruleCountsDto = z.object({ total: z.number().int(), reviewed: z.number().int(), disabled: z.number().int(), notReviewed: z.number().int() });

export const ruleReviewListDto = z.object({
  version: z.string(),
  hash: z.string(),
  counts: ruleCountsDto,
  rules: z.array(ruleDto),
});

/** The console's read-only summary (policies section). */
export const ruleReviewSummaryDto = z.object({ version: z.string(), counts: ruleCountsDto });

export type RuleDto = z.infer<typeof ruleDto>;
export type RuleReviewListDto = z.infer<typeof ruleReviewListDto>;
export type RuleReviewSummaryDto = z.infer<typeof ruleReviewSummaryDto>;
export type RuleReasonBody = z.infer<typeof ruleReasonBody>;

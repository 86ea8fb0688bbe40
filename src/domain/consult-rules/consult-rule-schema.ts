import { z } from 'zod';
import { FLAG_PATTERN } from '../../contract/consult-flags.js';
import { DOCUMENT_TYPE_CODES } from '../../contract/document-types.js';
import { PURPOSE_CODES, type PurposeOfUse } from '../../contract/purpose-of-use.js';
import { REFERRAL_SEVERITY_CODES } from '../../contract/referrals.js';
import { SPECIALTY_CODES } from '../../contract/specialties.js';
import { knownUnit } from './units.js';

/**
 * The consult rules file (config/consult-rules.json) and the console's override: one zod schema, so a
 * rule set is either valid as a whole or answered with every problem (path + code + message).
 */
const ruleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40');
export const consultFlag = z.string().regex(FLAG_PATTERN, 'a short code: letters, digits, ? + . _ -; at most 24');
const words = z.object({ en: z.string().min(1).max(200), zh: z.string().min(1).max(200) }).strict();
const comparator = z.enum(['>', '>=', '<', '<=']);

const documentMatch = z
  .object({
    types: z.array(z.enum(DOCUMENT_TYPE_CODES)).min(1).optional(),
    flags: z.array(consultFlag).min(1).optional(),
  })
  .strict()
  .refine((m) => m.types !== undefined || m.flags !== undefined, { message: 'name document types, flags, or both' });

const observationMatch = z
  .object({
    /** LOINC codes (system http://loinc.org), e.g. 6598-7. */
    codes: z.array(z.string().regex(/^\d{1,7}-\d$/, 'a LOINC code such as 6598-7')).min(1),
    /** Any one of these fires (e.g. potassium > 6.0 or < 2.5). */
    thresholds: z.array(z.object({ comparator, value: z.number().finite() }).strict()).min(1).max(4),
    /** The unit the thresholds are in (UCUM); a result in a convertible unit is converted first. */
    unit: z.string().refine(knownUnit, 'a unit this service converts (see README: mmol/L, mEq/L, ng/L, ng/mL, ug/L, pg/mL, mg/dL, g/L, %)'),
  })
  .strict();

export const consultRule = z
  .object({
    id: ruleId,
    enabled: z.boolean(),
    severity: z.enum(REFERRAL_SEVERITY_CODES),
    specialty: z.enum(SPECIALTY_CODES),
    /** Institution code (e.g. QMH); absent: the referral's configured fallback order. */
    institution: z.string().regex(/^[A-Z0-9]{2,10}$/, 'an institution code such as QMH').optional(),
    purposeCode: z.enum(PURPOSE_CODES as [PurposeOfUse, ...PurposeOfUse[]]),
    description: words,
    match: z.object({ document: documentMatch.optional(), observation: observationMatch.optional() }).strict(),
  })
  .strict()
  .refine((r) => (r.match.document === undefined) !== (r.match.observation === undefined), { message: 'match either a document or an observation', path: ['match'] });

export const consultRuleSet = z.object({ rules: z.array(consultRule).max(500) }).strict();

export type ConsultRule = z.infer<typeof consultRule>;
export type ConsultRuleSet = z.infer<typeof consultRuleSet>;

/** One thing wrong with a rule set, where it is. */
export interface RuleProblem {
  /** Dotted path, e.g. `rules.2.severity`; empty for the whole text. */
  path: string;
  /** zod's issue code (`invalid_value`, `invalid_type`, `custom`, …) or `json` when the text is not JSON. */
  code: string;
  message: string;
}

export type ParsedRuleSet = { ok: true; set: ConsultRuleSet } | { ok: false; problems: RuleProblem[] };

/** A rule set from its JSON text: the set, or every problem with its path. */
export function parseConsultRuleText(text: string): ParsedRuleSet {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '', code: 'json', message: e instanceof Error ? e.message : 'not JSON' }] };
  }
  return parseConsultRules(json);
}

/** A rule set from parsed JSON: the set, or every problem with its path. */
export function parseConsultRules(json: unknown): ParsedRuleSet {
  const parsed = consultRuleSet.safeParse(json);
  const problems: RuleProblem[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
  problems.push(...duplicateIds(json));
  return parsed.success && problems.length === 0 ? { ok: true, set: parsed.data } : { ok: false, problems };
}

/** Rule ids used twice (checked on the raw text, so a duplicate is named even beside other problems). */
function duplicateIds(json: unknown): RuleProblem[] {
  const rules = (json as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return [];
  const seen = new Set<string>();
  const out: RuleProblem[] = [];
  rules.forEach((r: unknown, i) => {
    const id = (r as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) out.push({ path: `rules.${i}.id`, code: 'custom', message: `duplicate rule id ${id}` });
    seen.add(id);
  });
  return out;
}

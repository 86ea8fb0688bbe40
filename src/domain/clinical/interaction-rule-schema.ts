/**
 * The shape of config/clinical/interaction-classes.json and interaction-rules.json, checked at load so a
 * bad file stops with a message naming the file and the field, never a half-loaded rule set.
 */
import { z } from 'zod';

export const SEVERITIES = ['contraindicated', 'major', 'moderate'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe; alerts are sorted by it. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { contraindicated: 3, major: 2, moderate: 1 };

/** The areas the issue names, for coverage figures. */
export const RULE_AREAS = ['anticoagulant', 'antibiotic', 'statin', 'qt', 'serotonergic', 'other'] as const;
export type RuleArea = (typeof RULE_AREAS)[number];

/** An ingredient id: the INN in lower case (letters, digits, spaces and a little punctuation). */
const ingredientId = z.string().regex(/^[a-z0-9][a-z0-9 '\-,.()]*$/, 'an ingredient id is the INN in lower case');
const classRef = z.string().regex(/^@[a-z0-9][a-z0-9-]*$/, 'a class reference is "@" and a class id');
/** One side of a rule, or one class's members: ingredient ids and "@class" references. */
const members = z.array(z.union([classRef, ingredientId])).min(1);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** A source that can be checked offline: a PubMed id, a product-label section, a regulator's dated communication, or a full article reference. */
export const citationSchema = z.union([
  z.strictObject({ pmid: z.string().regex(/^\d{6,9}$/, 'a PMID is digits'), note: z.string().min(1).optional() }),
  z.strictObject({ label: z.string().min(1), jurisdiction: z.enum(['US', 'EU', 'UK', 'HK']), section: z.string().min(1) }),
  z.strictObject({ regulator: z.enum(['FDA', 'MHRA', 'EMA', 'HK DH']), title: z.string().min(1), date: isoDate }),
  z.strictObject({ article: z.string().min(10) }),
]);
export type Citation = z.infer<typeof citationSchema>;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a rule id is lower-case words joined by "-"'),
  onc: z.number().int().min(1).max(15).optional(),
  areas: z.array(z.enum(RULE_AREAS)).min(1),
  a: members,
  b: members,
  severity: z.enum(SEVERITIES),
  mechanism: z.string().min(10),
  action: z.string().min(5),
  alternatives: z.array(z.string().min(3)),
  citations: z.array(citationSchema).min(1),
  reviewed: z.boolean(),
});
export type RuleDefinition = z.infer<typeof ruleSchema>;

export const rulesFileSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'the version is MAJOR.MINOR.PATCH'),
  rules: z.array(ruleSchema).min(1),
});

export const classesFileSchema = z.object({
  classes: z.record(
    z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a class id is lower-case words joined by "-"'),
    z.strictObject({ label: z.string().min(3), members }),
  ),
});
export type ClassesFile = z.infer<typeof classesFileSchema>;
export type RulesFile = z.infer<typeof rulesFileSchema>;

/** Zod's issues as one line per problem: `rules.3.severity: Invalid option…`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
}

/**
 * The interaction rule set in memory: the validated rules, every class expanded to its ingredients, and
 * an index from an (unordered) ingredient pair to the rules that cover it, so a check is a few map
 * look-ups per pair of products. Built from the two JSON texts; refuses (config.invalid) with the file
 * and field when anything is wrong.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../shared/errors.js';
import {
  SEVERITY_RANK,
  classesFileSchema,
  describeIssues,
  rulesFileSchema,
  type ClassesFile,
  type RuleDefinition,
  type RulesFile,
} from './interaction-rule-schema.js';

export const CLASSES_FILE = 'interaction-classes.json';
export const RULES_FILE = 'interaction-rules.json';

export interface InteractionRuleSet {
  readonly version: string;
  /** sha256 of both files' bytes: changes whenever a rule or a class member changes. */
  readonly hash: string;
  readonly rules: readonly RuleDefinition[];
  /** Class id → its ingredient ids (nested classes expanded). */
  readonly classes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Class id → its label in interaction-classes.json (for the pharmacist's review page). */
  readonly classLabels: ReadonlyMap<string, string>;
  /** Every ingredient id the rule set names. */
  readonly ingredients: ReadonlySet<string>;
  /** Indexes into `rules` of the rules covering this ingredient pair (either order), most severe first. */
  rulesFor(x: string, y: string): readonly number[];
}

function refuse(file: string, problem: string): never {
  throw new DomainError('config.invalid', `Interaction rule set refused: ${file}: ${problem}`);
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    return refuse(file, `not valid JSON (${(e as Error).message})`);
  }
}

/** Expands every class (members may name other classes); refuses unknown references and cycles. */
function expandClasses(file: ClassesFile): Map<string, Set<string>> {
  const defs = file.classes;
  const done = new Map<string, Set<string>>();
  const expand = (id: string, trail: string[]): Set<string> => {
    const ready = done.get(id);
    if (ready) return ready;
    if (trail.includes(id)) refuse(CLASSES_FILE, `class cycle ${[...trail, id].join(' → ')}`);
    const def = defs[id];
    if (!def) refuse(CLASSES_FILE, `class "${trail.at(-1)}" names unknown class "@${id}"`);
    const out = new Set<string>();
    for (const m of def.members) {
      if (m.startsWith('@')) for (const x of expand(m.slice(1), [...trail, id])) out.add(x);
      else out.add(m);
    }
    done.set(id, out);
    return out;
  };
  for (const id of Object.keys(defs)) expand(id, []);
  return done;
}

function expandSide(rule: RuleDefinition, side: 'a' | 'b', classes: Map<string, Set<string>>): Set<string> {
  const out = new Set<string>();
  for (const m of rule[side]) {
    if (!m.startsWith('@')) {
      out.add(m);
      continue;
    }
    const members = classes.get(m.slice(1));
    if (!members) refuse(RULES_FILE, `rule "${rule.id}" side ${side} names unknown class "${m}"`);
    for (const x of members) out.add(x);
  }
  return out;
}

const pairKey = (x: string, y: string) => (x < y ? `${x}\u0001${y}` : `${y}\u0001${x}`);

/** Builds the rule set from the two files' texts (read by the caller). */
export function buildInteractionRuleSet(classesText: string, rulesText: string): InteractionRuleSet {
  const classesParsed = classesFileSchema.safeParse(parseJson(CLASSES_FILE, classesText));
  if (!classesParsed.success) refuse(CLASSES_FILE, describeIssues(classesParsed.error));
  const rulesParsed = rulesFileSchema.safeParse(parseJson(RULES_FILE, rulesText));
  if (!rulesParsed.success) refuse(RULES_FILE, describeIssues(rulesParsed.error));
  const file: RulesFile = rulesParsed.data;
  const classes = expandClasses(classesParsed.data);

  const seen = new Set<string>();
  const ingredients = new Set<string>();
  for (const members of classes.values()) for (const x of members) ingredients.add(x);
  const byPair = new Map<string, Set<number>>();
  file.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) refuse(RULES_FILE, `rule id "${rule.id}" is used twice`);
    seen.add(rule.id);
    const a = expandSide(rule, 'a', classes);
    const b = expandSide(rule, 'b', classes);
    for (const x of a) {
      ingredients.add(x);
      for (const y of b) {
        ingredients.add(y);
        if (x === y) continue; // the same ingredient twice is duplication, not an interaction
        const key = pairKey(x, y);
        const set = byPair.get(key) ?? new Set<number>();
        set.add(i);
        byPair.set(key, set);
      }
    }
  });

  const bySeverity = (i: number, j: number) =>
    SEVERITY_RANK[file.rules[j]!.severity] - SEVERITY_RANK[file.rules[i]!.severity] || i - j;
  const index = new Map<string, readonly number[]>();
  for (const [key, set] of byPair) index.set(key, [...set].sort(bySeverity));
  const none: readonly number[] = [];

  return {
    version: file.version,
    hash: createHash('sha256').update(classesText).update('\0').update(rulesText).digest('hex'),
    rules: file.rules,
    classes,
    classLabels: new Map(Object.entries(classesParsed.data.classes).map(([id, c]) => [id, c.label])),
    ingredients,
    rulesFor: (x, y) => index.get(pairKey(x, y)) ?? none,
  };
}

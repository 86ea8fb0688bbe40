/**
 * Checks the products on a case against the interaction rule set. Pure: products in, alerts out.
 * - Only ingredients of two different products are paired: the ingredients of one co-formulated product
 *   are never checked against each other.
 * - One alert per pair of products, for the most severe enabled rule (the others are named in
 *   `otherRules`); identical alerts (same rule, same entries, same prescribers) are reported once.
 * - A product the lexicon could not resolve is listed in `unresolved`: it was not checked, which is
 *   never the same as "no interaction".
 */
import type { DrugResolution } from './drug-resolver.js';
import { SEVERITY_RANK, type Citation, type Severity } from './interaction-rule-schema.js';
import type { InteractionRuleSet } from './interaction-rule-set.js';

export interface CaseProduct {
  /** The name as entered (shown back in alerts). */
  readonly name: string;
  /** What the lexicon resolved it to; undefined when it could not. */
  readonly resolution: DrugResolution | undefined;
  /** Who prescribed it (a clinician id), when known. */
  readonly prescriber?: string;
}

export interface InteractionAlert {
  /** Indexes of the two products in the list given, lower first. */
  readonly products: readonly [number, number];
  /** The two products' names as entered. */
  readonly drugs: readonly [string, string];
  /** The ingredient of each product that the rule matched. */
  readonly ingredients: readonly [string, string];
  readonly severity: Severity;
  readonly rule: string;
  readonly mechanism: string;
  readonly action: string;
  readonly alternatives: readonly string[];
  readonly sources: readonly Citation[];
  /** False until a pharmacist signs the rule off. */
  readonly reviewed: boolean;
  /** Both prescribers known and different: the case the issue cares most about. */
  readonly crossPrescriber: boolean;
  /** Less severe (or equal, later) rules that also matched this pair. */
  readonly otherRules: readonly string[];
}

export interface InteractionCheckResult {
  readonly alerts: readonly InteractionAlert[];
  /** Names that could not be resolved (in the order given, each once): not checked. */
  readonly unresolved: readonly string[];
  readonly ruleSet: { readonly version: string; readonly hash: string };
}

export interface CheckOptions {
  /** Rule ids a pharmacist disabled: skipped. */
  readonly disabledRules?: ReadonlySet<string>;
}

export interface InteractionChecker {
  check(products: readonly CaseProduct[], options?: CheckOptions): InteractionCheckResult;
  /** The rule set in use (loads it if not yet loaded). */
  ruleSet(): InteractionRuleSet;
}

interface Best {
  rule: number;
  x: string;
  y: string;
  others: number[];
}

const unordered = (x: string, y: string) => (x < y ? `${x}\u0001${y}` : `${y}\u0001${x}`);

/** Orders rule indexes: most severe first, then the order in the file. */
const moreSevere = (set: InteractionRuleSet) => (m: number, n: number) =>
  SEVERITY_RANK[set.rules[n]!.severity] - SEVERITY_RANK[set.rules[m]!.severity] || m - n;

/**
 * The most severe enabled rule for a pair of products (ties: the earlier rule), or undefined. The choice
 * does not depend on the order of the products or of their ingredients.
 */
function bestRule(set: InteractionRuleSet, a: readonly string[], b: readonly string[], disabled: ReadonlySet<string>): Best | undefined {
  const matched = new Map<number, [string, string]>();
  for (const x of a) {
    for (const y of b) {
      for (const r of set.rulesFor(x, y)) {
        if (disabled.has(set.rules[r]!.id)) continue;
        const had = matched.get(r);
        // Keep the alphabetically first ingredient pair, so neither order matters.
        if (!had || unordered(x, y) < unordered(had[0], had[1])) matched.set(r, [x, y]);
      }
    }
  }
  if (matched.size === 0) return undefined;
  const [rule, ...others] = [...matched.keys()].sort(moreSevere(set));
  const [x, y] = matched.get(rule!)!;
  return { rule: rule!, x, y, others };
}

function toAlert(set: InteractionRuleSet, products: readonly CaseProduct[], i: number, j: number, best: Best): InteractionAlert {
  const rule = set.rules[best.rule]!;
  const [p, q] = [products[i]!, products[j]!];
  return {
    products: [i, j],
    drugs: [p.name, q.name],
    ingredients: [best.x, best.y],
    severity: rule.severity,
    rule: rule.id,
    mechanism: rule.mechanism,
    action: rule.action,
    alternatives: rule.alternatives,
    sources: rule.citations,
    reviewed: rule.reviewed,
    crossPrescriber: p.prescriber !== undefined && q.prescriber !== undefined && p.prescriber !== q.prescriber,
    otherRules: best.others.map((r) => set.rules[r]!.id),
  };
}

const NO_RULES: ReadonlySet<string> = new Set();

/** A checker over a rule set that is fetched (and so loaded) at the first check. */
export function createInteractionChecker(ruleSet: () => InteractionRuleSet): InteractionChecker {
  return {
    ruleSet,
    check(products, options = {}) {
      const set = ruleSet();
      const disabled = options.disabledRules ?? NO_RULES;
      const resolved = (p: CaseProduct) => p.resolution !== undefined && p.resolution.ingredients.length > 0;
      const unresolved = [...new Set(products.filter((p) => !resolved(p)).map((p) => p.name))];
      const alerts: InteractionAlert[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < products.length; i++) {
        const a = products[i]!;
        if (!resolved(a)) continue;
        for (let j = i + 1; j < products.length; j++) {
          const b = products[j]!;
          if (!resolved(b)) continue;
          const best = bestRule(set, a.resolution!.ingredients, b.resolution!.ingredients, disabled);
          if (!best) continue;
          const ends = [`${a.resolution!.entry}@${a.prescriber ?? ''}`, `${b.resolution!.entry}@${b.prescriber ?? ''}`].sort();
          const key = `${set.rules[best.rule]!.id}|${ends.join('|')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          alerts.push(toAlert(set, products, i, j, best));
        }
      }
      alerts.sort((x, y) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] || x.products[0] - y.products[0] || x.products[1] - y.products[1]);
      return { alerts, unresolved, ruleSet: { version: set.version, hash: set.hash } };
    },
  };
}

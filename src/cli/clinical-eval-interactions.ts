/**
 * Scores the interaction checker against test/clinical-data/interaction-pairs.jsonl: recall on the
 * interacting pairs (per ONC class and area), false alerts on the non-interacting and co-formulated
 * cases, and coverage. A case with a name the resolver could not resolve counts as a miss (positives)
 * or as not checked (negatives): it is never counted as "found" or "correctly silent".
 */
import { z } from 'zod';
import type { InteractionsDeps } from './clinical-interactions.js';

export const evalCaseSchema = z.object({
  drugs: z.array(z.string()).min(1),
  expect: z.enum(['alert', 'none']),
  group: z.string().min(1),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export interface GroupScore {
  group: string;
  cases: number;
  /** Positives: an alert was raised between the products. Negatives: no alert. */
  correct: number;
  /** Cases with at least one name the resolver could not resolve. */
  unresolved: number;
}

export interface EvalReport {
  positives: GroupScore[];
  negatives: GroupScore[];
  /** ONC numbers (1-15) with at least one interacting test pair. */
  oncWithPairs: number[];
  /** Rule ids that raised at least one alert on an interacting pair. */
  rulesHit: Set<string>;
  ruleCount: number;
  /** ONC numbers with at least one rule in the rule set. */
  oncWithRules: number[];
  /** Each missed interacting pair, for reading. */
  misses: Array<{ drugs: string[]; group: string; unresolved: string[] }>;
  falseAlerts: Array<{ drugs: string[]; group: string; rules: string[] }>;
}

export function parseEvalCases(text: string): EvalCase[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = evalCaseSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`test set line ${i + 1} is not a case`);
      return parsed.data;
    });
}

function bump(map: Map<string, GroupScore>, group: string, correct: boolean, unresolved: boolean): void {
  const s = map.get(group) ?? { group, cases: 0, correct: 0, unresolved: 0 };
  s.cases++;
  if (correct) s.correct++;
  if (unresolved) s.unresolved++;
  map.set(group, s);
}

export function evaluateInteractions(cases: readonly EvalCase[], deps: InteractionsDeps): EvalReport {
  const pos = new Map<string, GroupScore>();
  const neg = new Map<string, GroupScore>();
  const report: EvalReport = { positives: [], negatives: [], oncWithPairs: [], rulesHit: new Set(), ruleCount: 0, oncWithRules: [], misses: [], falseAlerts: [] };
  for (const c of cases) {
    const products = c.drugs.map((name) => ({ name, resolution: deps.resolver.resolveDrug(name) }));
    const { alerts, unresolved } = deps.checker.check(products);
    if (c.expect === 'alert') {
      const found = alerts.length > 0;
      for (const a of alerts) report.rulesHit.add(a.rule);
      bump(pos, c.group, found, unresolved.length > 0);
      if (!found) report.misses.push({ drugs: c.drugs, group: c.group, unresolved: [...unresolved] });
    } else {
      bump(neg, c.group, alerts.length === 0 && unresolved.length === 0, unresolved.length > 0);
      if (alerts.length > 0) report.falseAlerts.push({ drugs: c.drugs, group: c.group, rules: alerts.map((a) => a.rule) });
    }
  }
  const oncOf = (g: string) => (/^onc(\d\d)$/.exec(g) ? Number(g.slice(3)) : undefined);
  report.positives = [...pos.values()].sort((a, b) => a.group.localeCompare(b.group));
  report.negatives = [...neg.values()];
  report.oncWithPairs = [...new Set(report.positives.map((s) => oncOf(s.group)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  const rules = deps.checker.ruleSet().rules;
  report.ruleCount = rules.length;
  report.oncWithRules = [...new Set(rules.map((r) => r.onc).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  return report;
}

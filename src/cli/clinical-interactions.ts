/**
 * `npm run -s clinical -- interactions [--batch] [--details] [drug …]`
 * Without --batch: the drugs given as arguments, one output line. With --batch: each stdin line
 * `{"drugs":["warfarin","metronidazole"]}` gives one output line
 * `{"alerts":[{"drugs":["warfarin","metronidazole"],"severity":"major","rule":"…"}],"unresolved":[]}`;
 * a line that is not such an object gives `{"error":"…"}` and the batch goes on. Blank lines are skipped.
 * `drugs` in an alert are the names as given; `unresolved` lists names the resolver could not resolve
 * (they were not checked). --details adds mechanism, action, alternatives, sources and otherRules.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { DrugResolver } from '../domain/clinical/drug-resolver.js';
import type { InteractionAlert, InteractionChecker } from '../domain/clinical/interaction-checker.js';
import type { ClinicalCliIo } from './clinical-io.js';

export interface InteractionsDeps {
  resolver: DrugResolver;
  checker: InteractionChecker;
}

const lineSchema = z.object({ drugs: z.array(z.string()) });

function alertOut(a: InteractionAlert, details: boolean) {
  const base = { drugs: a.drugs, severity: a.severity, rule: a.rule };
  if (!details) return base;
  const { mechanism, action, alternatives, sources, otherRules, reviewed } = a;
  return { ...base, ingredients: a.ingredients, mechanism, action, alternatives, sources, otherRules, reviewed };
}

/** Checks one list of names: the output object for it. */
export function checkNames(names: readonly string[], deps: InteractionsDeps, details = false) {
  const products = names.map((name) => ({ name, resolution: deps.resolver.resolveDrug(name) }));
  const result = deps.checker.check(products);
  return { alerts: result.alerts.map((a) => alertOut(a, details)), unresolved: result.unresolved };
}

/** One input line: its drug names, or the error to print (never the line itself: it may hold patient data). */
function parseLine(text: string): { drugs: string[] } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'not JSON: expected {"drugs":["name", …]}' };
  }
  const parsed = lineSchema.safeParse(json);
  return parsed.success ? { drugs: parsed.data.drugs } : { error: 'expected {"drugs":["name", …]} with every drug a string' };
}

export async function runInteractions(argv: readonly string[], io: ClinicalCliIo, deps: InteractionsDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { batch: { type: 'boolean' }, details: { type: 'boolean' } },
    allowPositionals: true,
  });
  const details = values.details === true;
  if (!values.batch) {
    if (positionals.length === 0) {
      io.err('usage: clinical interactions <drug> <drug> … | clinical interactions --batch < lines of {"drugs":[…]}');
      return 2;
    }
    io.out(checkNames(positionals, deps, details));
    return 0;
  }
  for await (const line of io.lines()) {
    if (!line.trim()) continue;
    const input = parseLine(line);
    if ('error' in input) {
      io.out(input);
      continue;
    }
    try {
      io.out(checkNames(input.drugs, deps, details));
    } catch (e) {
      // e.g. a rule set that cannot load: an error line for this input, and the batch goes on.
      io.out({ error: e instanceof Error ? e.message : 'check failed' });
    }
  }
  return 0;
}

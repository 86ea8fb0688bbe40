/**
 * `npm run eval:clinical`: the interaction checker against test/clinical-data/interaction-pairs.jsonl
 * (recall, false alerts, coverage, as tables on stdout), then the lexicon/normaliser evaluation against
 * test/clinical-data/variants.jsonl.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../shared/paths.js';
import { exitWith } from './cli-exit.js';
import { evaluateNormaliser, formatNormaliserEvaluation } from './clinical-eval-normaliser.js';
import { evaluateInteractions, parseEvalCases, type EvalReport, type GroupScore } from './clinical-eval-interactions.js';
import { interactionDeps } from './clinical-wiring.js';

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

function table(head: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function sum(scores: GroupScore[]) {
  return scores.reduce((t, s) => ({ cases: t.cases + s.cases, correct: t.correct + s.correct, unresolved: t.unresolved + s.unresolved }), { cases: 0, correct: 0, unresolved: 0 });
}

function print(r: EvalReport, version: string, hash: string): string {
  const p = sum(r.positives);
  const falseAlerts = r.falseAlerts.length;
  const n = sum(r.negatives);
  const out: string[] = [];
  out.push(`Interaction rule set ${version} (${hash.slice(0, 12)}), ${r.ruleCount} rules`);
  out.push('');
  out.push(
    table(
      ['measure', 'value', 'detail'],
      [
        ['recall on interacting pairs', pct(p.correct, p.cases), `${p.correct} of ${p.cases} found; ${p.unresolved} had a name not resolved`],
        ['false alerts on negatives', pct(falseAlerts, n.cases), `${falseAlerts} of ${n.cases}; ${n.unresolved} had a name not resolved (not checked)`],
        ...r.negatives.map((s) => [`  false alerts: ${s.group}`, String(r.falseAlerts.filter((f) => f.group === s.group).length), `of ${s.cases}`]),
        ['coverage: ONC classes with a test pair', `${r.oncWithPairs.length} of 15`, r.oncWithPairs.join(' ')],
        ['coverage: ONC classes with a rule', `${r.oncWithRules.length} of 15`, r.oncWithRules.join(' ')],
        ['coverage: rules that fired on a test pair', `${r.rulesHit.size} of ${r.ruleCount}`, ''],
      ],
    ),
  );
  out.push('');
  out.push(table(['group', 'pairs', 'found', 'recall', 'not resolved'], r.positives.map((s) => [s.group, s.cases, s.correct, pct(s.correct, s.cases), s.unresolved])));
  out.push('');
  out.push(`Missed pairs (${r.misses.length}):`);
  for (const m of r.misses) out.push(`  ${m.group}: ${m.drugs.join(' + ')}${m.unresolved.length ? `  (not resolved: ${m.unresolved.join(', ')})` : ''}`);
  if (r.falseAlerts.length) {
    out.push(`False alerts (${r.falseAlerts.length}):`);
    for (const f of r.falseAlerts) out.push(`  ${f.group}: ${f.drugs.join(' + ')} → ${f.rules.join(', ')}`);
  }
  return out.join('\n') + '\n';
}

async function main(): Promise<number> {
  const deps = interactionDeps();
  const cases = parseEvalCases(readFileSync(projectPath('test', 'clinical-data', 'interaction-pairs.jsonl'), 'utf8'));
  const report = evaluateInteractions(cases, deps);
  const set = deps.checker.ruleSet();
  process.stdout.write(print(report, set.version, set.hash));
  process.stdout.write(`\nLexicon and normaliser (test/clinical-data/variants.jsonl)\n\n${formatNormaliserEvaluation(evaluateNormaliser())}`);
  return 0;
}

exitWith('eval:clinical', main());

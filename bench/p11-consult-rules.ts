/**
 * P11 (issue 14): consult rule evaluation per shared document, goal ≤ 1 ms p99. The shipped rules plus
 * 300 generated ones (document rules by type and flag, result rules by LOINC code and threshold) are
 * compiled once; then 20k documents (every type, 0–3 flags, some matching) and 20k results (rule codes
 * and others, several units) are matched one by one, each timed. What is timed is what the share does
 * per document after the rule set is in hand (src/domain/consult-rules/evaluate-rules.ts). Also: the
 * compile time of the whole set. Run: npx tsx bench/p11-consult-rules.ts
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_TYPE_CODES } from '../src/contract/document-types.js';
import { parseConsultRules, type ConsultRule } from '../src/domain/consult-rules/consult-rule-schema.js';
import { compileRules, matchDocument, matchObservation, type ObservationItem } from '../src/domain/consult-rules/evaluate-rules.js';
import { readConsultRulesFile } from '../src/domain/consult-rules/rules-file.js';
import { percentile, round, type BenchRow } from './row.js';

const N = 20_000;
const FLAGS = ['STEMI?', 'CRIT', 'NSTEMI', 'AF', 'PE?', 'SEPSIS', 'K+', 'URGENT', 'CT-HEAD', 'BLEED'];
const UNITS = ['ng/L', 'ng/mL', 'mmol/L', 'mEq/L', 'mg/dL', 'ug/L'];

function generatedRules(base: ConsultRule): ConsultRule[] {
  const out: ConsultRule[] = [];
  for (let i = 0; i < 300; i++) {
    const id = `gen-${i}`;
    if (i % 2 === 0) {
      const types = [DOCUMENT_TYPE_CODES[i % DOCUMENT_TYPE_CODES.length]!];
      out.push({ ...base, id, match: { document: i % 3 === 0 ? { flags: [FLAGS[i % FLAGS.length]!] } : { types, flags: [FLAGS[(i + 1) % FLAGS.length]!] } } });
    } else {
      const code = `${10000 + (i % 120)}-${i % 10}`;
      out.push({ ...base, id, match: { observation: { codes: [code], thresholds: [{ comparator: '>', value: 5 + (i % 7) }, { comparator: '<', value: 1 }], unit: UNITS[i % 3]! } } });
    }
  }
  return out;
}

function timeEach<T>(items: T[], run: (item: T) => unknown): number[] {
  for (const it of items.slice(0, 2000)) run(it); // warm up
  const ms: number[] = [];
  for (const it of items) {
    const t = performance.now();
    run(it);
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b);
}

export async function benchConsultRules(): Promise<BenchRow[]> {
  const file = readConsultRulesFile();
  if (!file.ok) throw new Error('config/consult-rules.json does not validate');
  const rules = [...file.set.rules, ...generatedRules(file.set.rules[0]!)];
  const checked = parseConsultRules({ rules });
  if (!checked.ok) throw new Error(`generated rules invalid: ${checked.problems[0]?.path}`);
  const t0 = performance.now();
  const compiled = compileRules(checked.set.rules);
  const compileMs = performance.now() - t0;

  const docs = Array.from({ length: N }, (_, i) => ({ docType: DOCUMENT_TYPE_CODES[i % DOCUMENT_TYPE_CODES.length]!, flags: FLAGS.slice(i % FLAGS.length, (i % FLAGS.length) + (i % 4)) }));
  const docMs = timeEach(docs, (d) => matchDocument(compiled, d));
  const docHits = docs.reduce((n, d) => n + matchDocument(compiled, d).length, 0);
  const codes = ['6598-7', '10839-9', '89579-7', '2823-3', '6298-4', '718-7', ...Array.from({ length: 40 }, (_, i) => `${10000 + i}-${i % 10}`)];
  const results: ObservationItem[] = Array.from({ length: N }, (_, i) => ({ codes: [{ system: 'http://loinc.org', code: codes[i % codes.length]! }], value: (i % 200) / 2, unit: UNITS[i % UNITS.length]! }));
  const obsMs = timeEach(results, (r) => matchObservation(compiled, r));
  const obsHits = results.reduce((n, r) => n + matchObservation(compiled, r).fired.length, 0);

  const p99 = percentile(docMs, 99);
  return [
    { name: `P11 rule evaluation per shared document (${rules.length} rules, ${N} documents, ${docHits} firings)`, value: round(p99, 4), unit: `ms p99 (p50 ${round(percentile(docMs, 50), 4)})`, goal: '≤ 1 ms p99', ok: p99 <= 1 },
    { name: `P11 rule evaluation per imported result (${N} results, ${obsHits} firings)`, value: round(percentile(obsMs, 99), 4), unit: `ms p99 (p50 ${round(percentile(obsMs, 50), 4)})`, goal: '≤ 1 ms p99', ok: percentile(obsMs, 99) <= 1 },
    { name: `P11 compiling the rule set (${rules.length} rules; once per saved version)`, value: round(compileMs, 3), unit: 'ms' },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchConsultRules()) console.log(`${r.name}: ${r.value} ${r.unit}${r.goal ? ` (goal ${r.goal}: ${r.ok ? 'met' : 'NOT met'})` : ''}`);
}

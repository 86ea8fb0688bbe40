/**
 * P6: the clinical layer. Interaction check of a 20-drug list (p50/p99 over random lists of the rule
 * set's ingredients, each drug a resolved product, three prescribers), and the rule set's load time and
 * resident memory measured in a fresh process (best and worst of 3).
 * Run: npx tsx bench/p6-clinical.ts
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInteractionChecker, type CaseProduct } from '../src/domain/clinical/interaction-checker.js';
import { loadInteractionRuleSet } from '../src/domain/clinical/interaction-rules-loader.js';
import { percentile, round, type BenchRow } from './row.js';

/** Deterministic pseudo-random numbers so runs compare. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function lists(ingredients: readonly string[], count: number, size: number): CaseProduct[][] {
  const r = rng(6);
  return Array.from({ length: count }, () =>
    Array.from({ length: size }, (_, k) => {
      const x = ingredients[Math.floor(r() * ingredients.length)]!;
      return { name: x, prescriber: `u-${k % 3}`, resolution: { entry: `drug.${x}`, canonical: x, ingredients: [x], how: 'exact' as const, score: 1 } };
    }),
  );
}

function checkRows(): BenchRow[] {
  const set = loadInteractionRuleSet();
  const checker = createInteractionChecker(() => set);
  const sample = lists([...set.ingredients], 2000, 20);
  for (const l of sample.slice(0, 200)) checker.check(l); // warm-up
  const us: number[] = [];
  let alerts = 0;
  for (let pass = 0; pass < 5; pass++) {
    for (const l of sample) {
      const t = process.hrtime.bigint();
      alerts += checker.check(l).alerts.length;
      us.push(Number(process.hrtime.bigint() - t) / 1000);
    }
  }
  us.sort((a, b) => a - b);
  const p99ms = percentile(us, 99) / 1000;
  return [
    { name: 'P6 interaction check, 20-drug list (190 product pairs): p50', value: round(percentile(us, 50) / 1000, 3), unit: 'ms' },
    { name: 'P6 interaction check, 20-drug list: p99', value: round(p99ms, 3), unit: 'ms', goal: '≤ 2 ms', ok: p99ms <= 2 },
    { name: 'P6 alerts per 20-drug list (random ingredients of the rule set)', value: round(alerts / us.length, 1), unit: 'alerts' },
  ];
}

interface LoadSample {
  loadMs: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  heapDeltaMb: number;
}

async function loadOnce(): Promise<LoadSample> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./p6-load-child.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += String(d)));
  await new Promise((resolve) => child.on('close', resolve));
  return JSON.parse(text) as LoadSample;
}

async function loadRows(): Promise<BenchRow[]> {
  const runs: LoadSample[] = [];
  for (let i = 0; i < 3; i++) runs.push(await loadOnce());
  const best = Math.min(...runs.map((r) => r.loadMs));
  const rss = Math.max(...runs.map((r) => r.rssAfterMb - r.rssBeforeMb));
  return [
    { name: 'P6 rule set load (read, validate, expand, index; fresh process, best of 3)', value: round(best, 1), unit: 'ms', goal: '≤ 100 ms', ok: best <= 100 },
    { name: 'P6 rule set resident memory (RSS after - before load, worst of 3)', value: round(rss, 1), unit: 'MB', goal: '≤ 20 MB', ok: rss <= 20 },
    { name: 'P6 rule set JS heap after load (worst of 3)', value: round(Math.max(...runs.map((r) => r.heapDeltaMb)), 1), unit: 'MB' },
  ];
}

export async function benchClinical(): Promise<BenchRow[]> {
  return [...checkRows(), ...(await loadRows())];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.table(await benchClinical());
}

/**
 * P6: the clinical layer. Interaction check of a 20-drug list (p50/p99 over random lists of the rule
 * set's ingredients, each drug a resolved product, three prescribers); normalising a 200-character
 * message (lexicon variants mixed with consult text); and the load time and resident memory of the
 * rule set and the lexicon, measured in a fresh process (best / worst of 3).
 * Run: npx tsx bench/p6-clinical.ts
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClinicalNormaliser } from '../src/domain/clinical/clinical-normaliser.js';
import { createInteractionChecker, type CaseProduct } from '../src/domain/clinical/interaction-checker.js';
import { loadInteractionRuleSet } from '../src/domain/clinical/interaction-rules-loader.js';
import { readLexiconFile } from '../src/domain/clinical/lexicon-file.js';
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
  rulesMs: number;
  lexiconMs: number;
  rulesRssMb: number;
  lexiconRssMb: number;
  bothRssMb: number;
  bothHeapMb: number;
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
  const best = (f: (r: LoadSample) => number) => Math.min(...runs.map(f));
  const worst = (f: (r: LoadSample) => number) => Math.max(...runs.map(f));
  const loadMs = best((r) => r.rulesMs + r.lexiconMs);
  const rss = worst((r) => r.bothRssMb);
  return [
    { name: 'P6 lexicon + rule set load (fresh process, each at its first use, best of 3)', value: round(loadMs, 1), unit: 'ms', goal: '≤ 100 ms', ok: loadMs <= 100 },
    { name: 'P6 lexicon + rule set resident memory (RSS after - before, worst of 3)', value: round(rss, 1), unit: 'MB', goal: '≤ 20 MB', ok: rss <= 20 },
    { name: 'P6   of which rule set: load / RSS', value: round(best((r) => r.rulesMs), 1), unit: `ms / ${round(worst((r) => r.rulesRssMb), 1)} MB` },
    { name: 'P6   of which lexicon: load / RSS', value: round(best((r) => r.lexiconMs), 1), unit: `ms / ${round(worst((r) => r.lexiconRssMb), 1)} MB` },
    { name: 'P6 lexicon + rule set JS heap after load (worst of 3)', value: round(worst((r) => r.bothHeapMb), 1), unit: 'MB' },
  ];
}

/** 200-character messages mixing lexicon variants (English, Chinese, brands) with consult filler text. */
function messages(count: number): string[] {
  const lexicon = readLexiconFile();
  const variants = lexicon.entries.flatMap((e) => e.exact);
  const filler = ['病人今日覆診，', 'pt c/o ', '繼續食', ' and ', '，血壓穩定。', ' BP ok, ', '請跟進 ', '；', ' 早晚各一次 '];
  const r = rng(62);
  return Array.from({ length: count }, () => {
    let text = '';
    while (text.length < 200) text += (r() < 0.4 ? variants[Math.floor(r() * variants.length)] : filler[Math.floor(r() * filler.length)]) ?? '';
    return text.slice(0, 200);
  });
}

function normaliseRows(): BenchRow[] {
  const normaliser = createClinicalNormaliser();
  normaliser.load();
  const sample = messages(2000);
  for (const m of sample.slice(0, 200)) normaliser.normalise(m); // warm-up
  const us: number[] = [];
  let found = 0;
  for (let pass = 0; pass < 3; pass++) {
    for (const m of sample) {
      const t = process.hrtime.bigint();
      found += normaliser.normalise(m).length;
      us.push(Number(process.hrtime.bigint() - t) / 1000);
    }
  }
  us.sort((a, b) => a - b);
  const p99ms = percentile(us, 99) / 1000;
  return [
    { name: 'P6 normalise a 200-character message: p50', value: round(percentile(us, 50) / 1000, 3), unit: 'ms' },
    { name: 'P6 normalise a 200-character message: p99', value: round(p99ms, 3), unit: 'ms', goal: '≤ 1 ms', ok: p99ms <= 1 },
    { name: 'P6 lexicon matches per message', value: round(found / us.length, 1), unit: 'matches' },
  ];
}

export async function benchClinical(): Promise<BenchRow[]> {
  return [...checkRows(), ...normaliseRows(), ...(await loadRows())];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.table(await benchClinical());
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReliabilityRow, Scenario } from './row.js';

/**
 * `npm run reliability [R1 R3 …] [--short] [--soak] [--minutes N] [--seed N] [--keep]`: runs the reliability
 * scenarios and prints one table. `--short` is CI's quick version; R8 (the soak) runs only with
 * `--soak` or when named. Exits non-zero when any row misses its goal (a loss, leak, crash or 5xx).
 */
const SCENARIOS: Record<string, () => Promise<Scenario>> = {
  // One line per scenario, e.g. R1: async () => (await import('./r1-crash-redelivery.js')).r1,
  R1: async () => (await import('./r1-crash-redelivery.js')).r1,
  R2: async () => (await import('./r2-disconnects.js')).r2,
  R3: async () => (await import('./r3-api-faults.js')).r3,
  R4: async () => (await import('./r4-kill-upload-burn.js')).r4,
  R5: async () => (await import('./r5-fuzz.js')).r5,
  R6: async () => (await import('./r6-access.js')).r6,
  R7: async () => (await import('./r7-marker-scan.js')).r7,
  R8: async () => (await import('./r8-soak.js')).r8,
  R9: async () => (await import('./r9-cluster.js')).r9,
};

const OPT_IN = new Set(['R8']);

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const short = args.includes('--short');
  const keep = args.includes('--keep');
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : Date.now() % 1_000_000;
  const minutesAt = args.indexOf('--minutes');
  const minutes = minutesAt >= 0 ? Number(args[minutesAt + 1]) : undefined;
  if (minutes !== undefined && !(minutes > 0)) throw new Error('--minutes needs a positive number');
  const wanted = args.filter((a) => /^R\d+$/i.test(a)).map((a) => a.toUpperCase());
  const names = Object.keys(SCENARIOS).filter((n) =>
    wanted.length ? wanted.includes(n) : !OPT_IN.has(n) || args.includes('--soak'),
  );
  const rows: ReliabilityRow[] = [];
  for (const name of names) {
    const workDir = mkdtempSync(join(tmpdir(), `cb-rel-${name}-`));
    const started = Date.now();
    process.stderr.write(`running ${name} (seed ${seed}${short ? ', short' : ''})…\n`);
    try {
      const scenario = await SCENARIOS[name]!();
      rows.push(...(await scenario({ short, seed, workDir, minutes, log: (l) => process.stderr.write(`  ${name}: ${l}\n`) })));
    } catch (err) {
      rows.push({ name: `${name} crashed`, value: (err as Error).message, goal: 'runs', ok: false });
    } finally {
      if (!keep) rmSync(workDir, { recursive: true, force: true });
      process.stderr.write(`${name} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  }
  printTable(rows);
  const failed = rows.filter((r) => !r.ok);
  if (failed.length) process.stderr.write(`${failed.length} figure(s) missed their goal: ${failed.map((r) => r.name).join('; ')}\n`);
  return failed.length ? 1 : 0;
}

function printTable(rows: ReliabilityRow[]): void {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  const out = [line(['figure', 'value', 'goal', 'met', 'note']), line(['---', '---', '---', '---', '---'])];
  for (const r of rows) out.push(line([r.name, r.value, r.goal, r.ok ? 'yes' : 'NO', r.note ?? '']));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  },
);

import type { BenchRow } from './row.js';

/**
 * `npm run bench [P1 P4 …] [--quick]`: runs the benchmarks and prints one table, with the baseline and
 * ratio where the issue names one. Goals are reported, never asserted. `--quick` shrinks the benches
 * that take it (P8, P9) to a smoke run whose figures mean nothing. P9 takes `--sizes small,medium,large`
 * and `--db sqlite|pg` (their values are not bench names).
 */
const BENCHES: Record<string, (o: { quick: boolean }) => Promise<BenchRow[]>> = {
  P1: async () => (await import('./p1-bot-latency.js')).benchBotLatency(),
  P2: async () => (await import('./p2-watermark.js')).benchP2(),
  P3: async () => (await import('./p3-policy.js')).benchPolicy(),
  P4: async () => (await import('./p4-audit.js')).benchAudit(),
  P5: async () => (await import('./p5-burn.js')).benchBurn(),
  P6: async () => (await import('./p6-clinical.js')).benchClinical(),
  P7: async () => (await import('./p7-startup.js')).benchStartup(),
  P8: async (o) => (await import('./p8-cluster.js')).benchCluster(o),
  P9: async (o) => (await import('./p9-growth.js')).benchGrowth(o),
  P10: async () => (await import('./p10-routing.js')).benchRouting(),
};

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--')).map((a) => a.toUpperCase());
  const names = Object.keys(BENCHES).filter((n) => wanted.length === 0 || wanted.includes(n));
  const rows: Array<Record<string, string | number>> = [];
  for (const name of names) {
    process.stderr.write(`running ${name}…\n`);
    try {
      for (const r of await BENCHES[name]!({ quick })) {
        rows.push({
          benchmark: r.name,
          value: r.value,
          unit: r.unit,
          baseline: r.baseline ?? '',
          ratio: r.ratio ?? '',
          goal: r.goal ?? '',
          met: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
        });
      }
    } catch (err) {
      rows.push({ benchmark: `${name} failed: ${(err as Error).message}`, value: '', unit: '', baseline: '', ratio: '', goal: '', met: '' });
    }
  }
  printTable(rows);
}

function printTable(rows: Array<Record<string, string | number>>): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  process.stdout.write(
    [line(cols), line(cols.map(() => '---')), ...rows.map((r) => line(cols.map((c) => String(r[c]))))].join('\n') + '\n',
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  },
);

import type { RetentionRow } from './retention-job.js';

const DAY = 86_400_000;

/** "72 h", "30 d", "7 y": the setting about as an operator wrote it (hours under a week). */
export function formatDuration(ms: number): string {
  if (ms < 7 * DAY) return `${Math.round(ms / 3_600_000)} h`;
  if (ms >= 365 * DAY) return `${Math.round((ms / (365.25 * DAY)) * 10) / 10} y`;
  return `${Math.round(ms / DAY)} d`;
}

/** A plain text table of data type → retention, cutoff and count, with a total line. */
export function formatRetentionTable(rows: readonly RetentionRow[], countHeader: string): string {
  const cells = rows.map((r) => [r.name, formatDuration(r.retentionMs), new Date(r.cutoff).toISOString().slice(0, 16).replace('T', ' '), r.failed ? 'FAILED' : String(r.count)]);
  const total = rows.reduce((n, r) => n + r.count, 0);
  const all = [['type', 'retention', 'older than (UTC)', countHeader], ...cells, ['total', '', '', String(total)]];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i === row.length - 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(all[0]!), rule, ...cells.map(line), rule, line(all.at(-1)!)].join('\n');
}

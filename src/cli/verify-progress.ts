/** Where progress goes: a terminal gets a redrawn bar, anything else a line now and then. */
export interface ProgressOut {
  isTTY?: boolean;
  write(text: string): unknown;
}

const BAR = 30;

/**
 * `npm run audit -- verify`'s progress: on a terminal one bar redrawn at most every `redrawMs`; on a
 * pipe or file (cron, CI) one line every `lineMs`, so a log shows it is alive without a line per batch.
 * Both say entries done of the total and the rate so far. `done()` ends the bar's line.
 */
export function verifyProgress(out: ProgressOut, now: () => number = Date.now, o: { redrawMs?: number; lineMs?: number } = {}) {
  const started = now();
  let last = -Infinity;
  let drawn = false;
  const every = out.isTTY ? (o.redrawMs ?? 100) : (o.lineMs ?? 5000);
  return {
    tick(done: number, total: number): void {
      const t = now();
      if (t - last < every && done < total) return;
      last = t;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const rate = Math.round(done / Math.max((t - started) / 1000, 0.001));
      const figures = `${done.toLocaleString('en')} / ${total.toLocaleString('en')} entries, ${rate.toLocaleString('en')} entries/s`;
      if (out.isTTY) {
        const full = Math.round(share * BAR);
        out.write(`\r[${'#'.repeat(full)}${'-'.repeat(BAR - full)}] ${Math.floor(share * 100)}% ${figures}`);
        drawn = true;
      } else {
        out.write(`verify: ${Math.floor(share * 100)}% (${figures})\n`);
      }
    },
    done(): void {
      if (drawn) out.write('\n');
    },
  };
}

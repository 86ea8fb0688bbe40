/**
 * One line of the reliability table: a figure from one scenario, the goal it is held to, and whether
 * the run met it. `failed` rows (any loss, leak, crash or 5xx where the goal is zero) make
 * `npm run reliability` exit non-zero, so CI's short run fails on them.
 */
export interface ReliabilityRow {
  /** Scenario id and figure, e.g. "R1 ACKed messages lost". */
  name: string;
  value: number | string;
  /** Prose like "0" or "≤ in-flight (8)". */
  goal: string;
  ok: boolean;
  /** Extra context printed in the last column (counts, seeds, durations). */
  note?: string;
}

/** What every scenario receives. `short` is CI's quick version; `seed` makes random runs repeatable. */
export interface ScenarioOptions {
  short: boolean;
  seed: number;
  /** Scratch folder for this scenario (SQLite files, keys, logs); removed afterwards unless kept. */
  workDir: string;
  log: (line: string) => void;
  /** `--minutes N`: how long a timed scenario runs (R8's soak; default its own). */
  minutes?: number;
}

export type Scenario = (o: ScenarioOptions) => Promise<ReliabilityRow[]>;

export function row(name: string, value: number | string, goal: string, ok: boolean, note?: string): ReliabilityRow {
  return { name, value, goal, ok, ...(note === undefined ? {} : { note }) };
}

/** A count that must be zero. */
export function zero(name: string, value: number, note?: string): ReliabilityRow {
  return row(name, value, '0', value === 0, note);
}

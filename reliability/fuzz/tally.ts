/** Counts failures by kind and keeps the first example of each, shortened for a one-line report. */
export class Tally<K extends string> {
  readonly counts = {} as Record<K, number>;
  readonly first = {} as Partial<Record<K, string>>;
  readonly byRoute = new Map<string, number>();
  /** The first example for each kind-and-place, so distinct failures each get a repro. */
  readonly examples = new Map<string, string>();

  constructor(kinds: readonly K[]) {
    for (const k of kinds) this.counts[k] = 0;
  }

  add(kind: K, where: string, example: () => string): void {
    this.counts[kind]++;
    this.first[kind] ??= example();
    const key = `${kind} ${where}`;
    this.byRoute.set(key, (this.byRoute.get(key) ?? 0) + 1);
    if (!this.examples.has(key)) this.examples.set(key, example());
  }
}

/** A value cut to `max` characters with control characters made visible, for printing. */
export function short(v: unknown, max = 160): string {
  if (v === undefined) return '-';
  const text = Buffer.isBuffer(v) ? `<${v.length} bytes ${v.subarray(0, 24).toString('hex')}…>` : typeof v === 'string' ? v : JSON.stringify(v);
  const clean = JSON.stringify(text).slice(1, -1);
  return clean.length > max ? `${clean.slice(0, max)}…(${text.length} chars)` : clean;
}

/**
 * Uncaught exceptions and unhandled rejections while a scenario runs: each is a crash of the real
 * service (main.ts exits on them); here they are counted instead, so the run can go on and report.
 */
export function watchCrashes(): { count: () => number; last: () => string | undefined; next: () => Promise<void>; stop: () => void } {
  let n = 0;
  let last: string | undefined;
  let waiters: Array<() => void> = [];
  const on = (err: unknown) => {
    n++;
    last = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    for (const w of waiters) w();
    waiters = [];
  };
  process.on('uncaughtException', on);
  process.on('unhandledRejection', on);
  return {
    count: () => n,
    last: () => last,
    /** Resolves at the next crash (for racing against an answer). */
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
    stop: () => {
      process.off('uncaughtException', on);
      process.off('unhandledRejection', on);
    },
  };
}

/** Resolves with `undefined` when `p` takes longer than `ms` (a hang), never leaving a timer behind. */
export async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

import { createInterface } from 'node:readline';

/**
 * What a `npm run clinical -- …` subcommand reads and writes: input lines, one JSON object per output
 * line on stdout (nothing else goes to stdout), messages on stderr. Tests pass their own.
 */
export interface ClinicalCliIo {
  lines(): AsyncIterable<string>;
  out(obj: unknown): void;
  err(msg: string): void;
}

/** The process's stdin lines, stdout (one JSON object per line) and stderr. */
export function processIo(): ClinicalCliIo {
  return {
    lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    out: (obj) => {
      process.stdout.write(`${JSON.stringify(obj)}\n`);
    },
    err: (msg) => {
      process.stderr.write(`${msg}\n`);
    },
  };
}

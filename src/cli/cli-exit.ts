import { ConfigError } from '../config/config.js';
import { isDomainError } from '../shared/errors.js';

/**
 * The common ending of a CLI: the exit code from `main`, or a one-line error. Coded, config and
 * argument errors carry safe messages; anything else is shown by its name only (never a stack, which
 * could hold values from the database). Exit 2 for usage errors, 1 for the rest.
 */
export function exitWith(name: string, run: Promise<number>): void {
  run.then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const err = e as Error & { code?: string };
      const usage = typeof err?.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS');
      if (isDomainError(e)) process.stderr.write(`${name}: ${e.code}: ${e.message}\n`);
      else if (usage || e instanceof ConfigError) process.stderr.write(`${name}: ${err.message}\n`);
      else process.stderr.write(`${name}: ${err?.name ?? 'error'}\n`);
      process.exitCode = usage ? 2 : 1;
    },
  );
}

import { loadPolicies } from './policy-loader.js';

/**
 * Run as a child process at start: parses and validates the policies and prints the result as
 * JSON. Cedar's WebAssembly heap grows by ~90 MB while validating and never shrinks, so doing it in a
 * short-lived process keeps the service's resident memory small; the service only pre-parses.
 */
try {
  process.stdout.write(JSON.stringify({ ok: true, loaded: loadPolicies(process.argv[2] ?? '') }));
} catch (err) {
  process.stdout.write(JSON.stringify({ ok: false, message: (err as Error).message }));
  process.exitCode = 1;
}

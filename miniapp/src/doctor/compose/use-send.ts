import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';

/**
 * A compose screen's one submit: busy while it runs, the server's error code when it fails (shown in
 * the screen's words), the answer when it succeeds. `onError` may turn a code into an answer (e.g. a
 * retried alert the server already has).
 */
export function useSend<T>(onError?: (code: string) => T | undefined) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<T | null>(null);
  async function run(call: () => Promise<T>): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      setDone(await call());
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'other';
      const answer = onError?.(code);
      if (answer !== undefined) setDone(answer);
      else setError(code);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, run, setError };
}

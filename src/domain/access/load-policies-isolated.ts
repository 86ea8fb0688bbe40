import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../../shared/errors.js';
import { POLICY_CHECK_CACHE_DIR, policyFolderKey, readCheckedPolicies, writeCheckedPolicies } from './policy-check-cache.js';
import type { LoadedPolicies } from './policy-loader.js';

/**
 * Loads and validates the policies in a child process (see policy-check-process.ts for why) and
 * returns the validated result. Refuses, like loadPolicies, with config.invalid and Cedar's message.
 * An earlier check of the very same files (see policy-check-cache.ts) is used instead of a new one.
 */
export async function loadPoliciesIsolated(dir: string, cacheDir = POLICY_CHECK_CACHE_DIR): Promise<LoadedPolicies> {
  const key = policyFolderKey(dir);
  const cached = key === undefined ? undefined : readCheckedPolicies(cacheDir, key);
  if (cached) return cached;
  const loaded = await checkInChild(dir);
  if (key !== undefined) writeCheckedPolicies(cacheDir, key, loaded);
  return loaded;
}

async function checkInChild(dir: string): Promise<LoadedPolicies> {
  const self = fileURLToPath(import.meta.url);
  const script = self.replace(/load-policies-isolated\.(ts|js)$/, 'policy-check-process.$1');
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script, dir] : [script, dir];
  const stdout = await new Promise<string>((resolve) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (_err, out) => resolve(String(out)));
  });
  let answer: { ok: true; loaded: LoadedPolicies } | { ok: false; message: string };
  try {
    answer = JSON.parse(stdout) as typeof answer;
  } catch {
    throw new DomainError('config.invalid', 'Access policies could not be checked (the checker did not answer)');
  }
  if (!answer.ok) throw new DomainError('config.invalid', answer.message);
  return answer.loaded;
}

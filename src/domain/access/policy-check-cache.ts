import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPath } from '../../shared/paths.js';
import type { LoadedPolicies } from './policy-loader.js';

/**
 * A cache of policy checks, keyed by everything the answer depends on: the folder's schema and
 * .cedar files (names and bytes), the Cedar version, and the code that reads them (loader, vocabulary, runtime). The build checks the
 * shipped policies once and leaves the answer here, so a start with unchanged policies skips the
 * ~0.5 s child process; a hospital that edits its policies gets them checked at the next start, and
 * that answer is kept too. A missing, unreadable or unwritable cache only costs the check.
 */
export const POLICY_CHECK_CACHE_DIR = projectPath('node_modules', '.cache', 'consultbridge', 'policy-check');

/** The key, or undefined when the folder cannot be read (the check itself then says why). */
export function policyFolderKey(dir: string): string | undefined {
  try {
    const h = createHash('sha256');
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.cedar') && !name.endsWith('.cedarschema')) continue;
      h.update(`${name}\0`).update(readFileSync(join(dir, name))).update('\0');
    }
    h.update(cedarVersion());
    for (const module of ['./policy-loader', './policy-check-process', './access-vocabulary', './cedar-runtime']) h.update(ownSource(module));
    return h.digest('hex');
  } catch {
    return undefined;
  }
}

export function readCheckedPolicies(cacheDir: string, key: string): LoadedPolicies | undefined {
  try {
    const answer = JSON.parse(readFileSync(join(cacheDir, `${key}.json`), 'utf8')) as { key?: string; loaded?: LoadedPolicies };
    return answer.key === key && answer.loaded ? answer.loaded : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a successful check (atomically: a reader sees the whole answer or none). Best effort. */
export function writeCheckedPolicies(cacheDir: string, key: string, loaded: LoadedPolicies): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = join(cacheDir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ key, loaded }));
    renameSync(tmp, join(cacheDir, `${key}.json`));
  } catch {
    // A read-only install: every start checks in the child process, as before.
  }
}

function cedarVersion(): string {
  try {
    return (JSON.parse(readFileSync(projectPath('node_modules', '@cedar-policy', 'cedar-wasm', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The bytes of one of this folder's modules as it runs (.ts under tsx, .js when compiled). */
function ownSource(module: string): Buffer {
  const self = fileURLToPath(import.meta.url);
  const ext = self.endsWith('.ts') ? '.ts' : '.js';
  return readFileSync(join(self, '..', `${module}${ext}`));
}

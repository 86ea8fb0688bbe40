import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DbHandle } from '../../src/db/client.js';

/** A migrated SQLite file in a fresh temp folder; `cleanup()` closes and removes it. */
export function tempDb(): DbHandle & { path: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cb-test-'));
  const path = join(dir, 'test.db');
  const handle = openDatabase(`file:${path}`);
  return {
    ...handle,
    path,
    dir,
    cleanup: () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

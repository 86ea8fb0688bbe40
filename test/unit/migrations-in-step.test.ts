import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../src/shared/paths.js';

/**
 * Both migration folders are in step with their table definitions: drizzle-kit, run on a copy of each
 * folder, finds nothing to generate. A column added to a table without `npm run db:generate` (or
 * `db:generate:pg`) fails here rather than at someone's first start.
 */
const root = projectPath();
// drizzle-kit resolves --out relative to the working directory, so the scratch copy lives under it.
const scratch = mkdtempSync(join(root, 'node_modules', '.cache-migrations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function pendingAfterGenerate(dialect: 'sqlite' | 'postgresql', schema: string, folder: string): string[] {
  const out = join(scratch, dialect);
  cpSync(projectPath(...folder.split('/')), out, { recursive: true, filter: (src) => !src.endsWith(`${folder}/pg`) });
  const before = new Set(readdirSync(out));
  execFileSync(join(root, 'node_modules', '.bin', 'drizzle-kit'), ['generate', '--dialect', dialect, '--schema', schema, '--casing', 'snake_case', '--out', relative(root, out)], { cwd: root, stdio: 'pipe' });
  return readdirSync(out).filter((f) => !before.has(f));
}

describe('migrations are in step with the tables', () => {
  it('SQLite: nothing left to generate from src/domain/*/*-tables.ts', () => {
    expect(pendingAfterGenerate('sqlite', './src/domain/*/*-tables.ts', 'migrations')).toEqual([]);
  }, 60_000);

  it('PostgreSQL: nothing left to generate from src/db/pg/*-tables.ts', () => {
    expect(pendingAfterGenerate('postgresql', './src/db/pg/*-tables.ts', 'migrations/pg')).toEqual([]);
  }, 60_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { provisionDb, type Backend } from '../../reliability/cluster/cluster-db.js';
import { pgAvailable } from '../helpers/pg-test-db.js';

/**
 * The cluster test's database (reliability R9) and its restore drill's copy, without the service:
 * a fresh database migrated and seeded with the demo directory, a row written, then the copy an
 * operator's backup makes (`pg_dump` → `pg_restore` into a fresh database; SQLite's online backup)
 * holds the same rows under another URL.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const cases: Array<[Backend, boolean]> = [
  ['sqlite', true],
  ['postgres', pgAvailable()],
];

describe.each(cases)('cluster database and its restored copy [%s]', (backend, available) => {
  it.skipIf(!available)('seeds the directory, and the copy has every row under another URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-cluster-db-'));
    dirs.push(dir);
    const db = await provisionDb(backend, dir, backend === 'postgres' ? { adminUrl: inject('pgAdminUrl') } : {});
    try {
      const count = async (d: typeof db, table: string) => Number((await d.query<{ n: number }>(`select count(*) as n from ${table}`))[0]!.n);
      const clinicians = await count(db, 'clinicians');
      expect(clinicians).toBeGreaterThan(5);
      const bound = await db.query<{ id: string }>('select id from clinicians where dingtalk_user_id = ?', ['qmh-chan-taiman']);
      expect(bound).toHaveLength(1);
      const copy = await db.restoredCopy(join(dir, 'restore'));
      try {
        expect(copy.url).not.toBe(db.url);
        expect(await count(copy, 'clinicians')).toBe(clinicians);
        expect(await copy.query('select id from clinicians where dingtalk_user_id = ?', ['qmh-chan-taiman'])).toEqual(bound);
        // Migrations came along: a service started on the copy finds nothing pending.
        const migrated = backend === 'postgres' ? 'drizzle.__drizzle_migrations' : '__drizzle_migrations';
        expect(await count(copy, migrated)).toBe(await count(db, migrated));
      } finally {
        await copy.close();
      }
    } finally {
      await db.close();
    }
  });
});

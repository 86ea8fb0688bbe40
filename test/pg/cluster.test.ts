import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { pgAvailable, usePgDatabase } from '../helpers/pg-test-db.js';

describe.skipIf(!pgAvailable())('throwaway PostgreSQL cluster', () => {
  const db = usePgDatabase('cluster');

  it('serves PostgreSQL 15 on loopback with a database of this file', async () => {
    const client = new pg.Client({ connectionString: db.url() });
    await client.connect();
    try {
      const { rows } = await client.query<{ v: string; d: string }>("SELECT current_setting('server_version_num') AS v, current_database() AS d");
      expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(150000);
      expect(rows[0]!.d).toMatch(/^cluster_/);
      expect(new URL(db.url()).hostname).toBe('127.0.0.1');
    } finally {
      await client.end();
    }
  });
});

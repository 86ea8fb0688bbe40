import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migratePostgres } from '../src/db/pg/pg-migrate.js';
import { createDatabase, findPgBin, startPgCluster } from './helpers/pg-cluster.js';
import { decodeValues, type CapturedPgStatement } from './helpers/pg-plan-capture.js';
import { pgFullScans } from './helpers/pg-plans.js';
import { QUERY_PLAN_ORDERED_WALKS, QUERY_PLAN_SMALL_TABLES, QUERY_PLAN_SUITE_WALKS, QUERY_PLAN_WHOLE_READS_PG } from './helpers/query-plan-tables.js';

/**
 * `npm run test:plans -- --pg <dir>`: the statements `npm run test:pg` captured with PLAN_CAPTURE_DIR=<dir>
 * (test/helpers/pg-plan-capture-setup.ts), planned with `EXPLAIN` on a fresh database of the current
 * schema in a throwaway cluster (PG_TEST_URL: a server you run), checked as test/pg/query-plans.test.ts
 * checks the P9 paths. Fails (1) on a whole read of a growing table, and when nothing was captured.
 */
export async function checkPgPlans(dir: string): Promise<number> {
  const statements = new Map<string, CapturedPgStatement>();
  for (const f of readdirSync(dir).filter((n) => n.startsWith('pg-') && n.endsWith('.json'))) {
    for (const s of JSON.parse(readFileSync(join(dir, f), 'utf8')) as CapturedPgStatement[]) if (!statements.has(s.sql)) statements.set(s.sql, { ...s, values: decodeValues(s.values) });
  }
  if (statements.size === 0) {
    console.error(`test:plans --pg: no statements were captured in ${dir} (was npm run test:pg run with PLAN_CAPTURE_DIR set?)`);
    return 1;
  }
  const server = await serverUrl();
  try {
    const url = await createDatabase(server.adminUrl, `cb_plans_${process.pid}`);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await migratePostgres(pool);
    const { rows } = await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    await pool.end();
    const growing = new Set(rows.map((r) => r.name).filter((t) => !QUERY_PLAN_SMALL_TABLES.has(t)));
    const walks = [...QUERY_PLAN_ORDERED_WALKS, ...QUERY_PLAN_SUITE_WALKS].flatMap((w) => w.pg ?? []);
    const plans = new Map([...statements].map(([sql, s]) => [sql, s.values]));
    const { bad, planned, unplanned } = await pgFullScans(url, plans, growing, QUERY_PLAN_WHOLE_READS_PG, walks);
    const by = (line: string) => statements.get(line.slice(line.indexOf('\n    in: ') + 9))?.caller ?? 'unknown';
    const stale = QUERY_PLAN_SUITE_WALKS.filter((w) => w.pg && ![...statements.keys()].some((sql) => w.pg!.test(sql)));
    console.log(`test:plans --pg: ${statements.size} distinct statements run by src/ during npm run test:pg, ${planned} planned; ${bad.length} whole reads of a growing table`);
    for (const b of bad) console.log(`${b}\n    by: ${by(b)}`);
    // Not plannable on their own (a temporary table, a statement that needs its transaction's state): listed, not failed.
    for (const u of unplanned) console.log(`not planned: ${u}`);
    for (const w of stale) console.log(`an allowance in QUERY_PLAN_SUITE_WALKS matches no statement any more: ${w.why}`);
    return bad.length === 0 && stale.length === 0 ? 0 : 1;
  } finally {
    server.stop();
  }
}

/** PG_TEST_URL's server, else a throwaway cluster from Debian's binaries (as `npm run test:pg` starts). */
async function serverUrl(): Promise<{ adminUrl: string; stop(): void }> {
  const given = process.env.PG_TEST_URL?.trim();
  if (given) return { adminUrl: given, stop: () => undefined };
  const bin = findPgBin();
  if (!bin) throw new Error('test:plans --pg needs initdb/pg_ctl (Debian: apt-get install postgresql-15, or set PG_BIN or PG_TEST_URL)');
  return startPgCluster(bin);
}

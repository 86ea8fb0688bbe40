import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openRepositories } from '../src/compose/storage.js';
import { fullScans, type PlannedStatement } from './helpers/sqlite-plans.js';
import { QUERY_PLAN_ORDERED_WALKS, QUERY_PLAN_SMALL_TABLES, QUERY_PLAN_SUITE_WALKS, QUERY_PLAN_WHOLE_READS } from './helpers/query-plan-tables.js';

/**
 * `npm run test:plans -- <dir>` (`--pg <dir>`: the PostgreSQL twin, plan-check-pg.ts): the plans `npm test` captured with PLAN_CAPTURE_DIR=<dir>
 * (test/helpers/plan-capture-setup.ts), checked as test/integration/query-plans.test.ts checks the
 * paths P9 drives, for every statement the service's own code (src/) ran anywhere in the suite. Fails
 * (exit 1) on a whole read of a growing table, and when nothing was captured.
 */
async function main(dir: string): Promise<number> {
  const statements = new Map<string, PlannedStatement>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('pg-'))) {
    for (const s of JSON.parse(readFileSync(join(dir, f), 'utf8')) as PlannedStatement[]) statements.set(s.sql, s);
  }
  if (statements.size === 0) {
    console.error(`test:plans: no statements were captured in ${dir} (was npm test run with PLAN_CAPTURE_DIR set?)`);
    return 1;
  }
  const tables = await growingTables();
  const walks = [...QUERY_PLAN_ORDERED_WALKS.flatMap((w) => w.sqlite ?? []), ...QUERY_PLAN_SUITE_WALKS.flatMap((w) => w.sqlite ?? [])];
  const bad = [...statements.values()].flatMap((s) =>
    fullScans(s, tables, QUERY_PLAN_WHOLE_READS.map((w) => w.sql), walks).map((why) => `${why}\n    in: ${s.sql}\n    by: ${s.caller}\n    plan: ${s.plan.join(' | ')}`),
  );
  const stale = QUERY_PLAN_SUITE_WALKS.filter((w) => w.sqlite && ![...statements.keys()].some((sql) => w.sqlite!.test(sql)));
  console.log(`test:plans: ${statements.size} distinct statements run by src/ during npm test; ${bad.length} whole reads of a growing table`);
  for (const b of bad) console.log(b);
  for (const w of stale) console.log(`an allowance in QUERY_PLAN_SUITE_WALKS matches no statement any more: ${w.why}`);
  return bad.length === 0 && stale.length === 0 ? 0 : 1;
}

/** Every table of the current schema (a fresh database, migrated) but the small fixed ones. */
async function growingTables(): Promise<Set<string>> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-plan-check-'));
  try {
    const { repos } = await openRepositories(`file:${join(dir, 'cb.db')}`);
    await repos.close();
    const db = new Database(join(dir, 'cb.db'), { readonly: true });
    const all = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    db.close();
    return new Set(all.filter((t) => !QUERY_PLAN_SMALL_TABLES.has(t) && !t.startsWith('sqlite_')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pgMode = process.argv[2] === '--pg';
const dir = process.argv[pgMode ? 3 : 2];
if (!dir) {
  console.error('usage: npm run test:plans -- [--pg] <the PLAN_CAPTURE_DIR npm test (or npm run test:pg with --pg) wrote to>');
  process.exit(2);
}
process.exit(pgMode ? await (await import('./plan-check-pg.js')).checkPgPlans(dir) : await main(dir));

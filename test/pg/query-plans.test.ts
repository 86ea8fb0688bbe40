import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { p9Calls, p9Users } from '../../bench/p9-calls.js';
import { P9_SIZES, seedHospital } from '../../bench/p9-seed.js';
import { callersFor } from '../../bench/p9-world.js';
import { appFor } from '../helpers/sharing-flow.js';
import { APPROVAL_FORMS, appPageCalls } from '../helpers/app-page-calls.js';
import { capturePgStatements, pgFullScans } from '../helpers/pg-plans.js';
import { pgAvailable, usePgDatabase } from '../helpers/pg-test-db.js';
import { consoleListCalls } from '../helpers/console-list-calls.js';
import { QUERY_PLAN_ORDERED_WALKS, QUERY_PLAN_SMALL_TABLES, QUERY_PLAN_WHOLE_READS_PG } from '../helpers/query-plan-tables.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { sharedKeyEnv } from '../helpers/shared-key-env.js';

/**
 * The PostgreSQL twin of test/integration/query-plans.test.ts (issue 15 item 4): the same seeded
 * hospital, start, P9 calls, sweep, retention and verify, on PostgreSQL; every statement is planned
 * with `EXPLAIN` and `enable_seqscan = off` (see pg-plans.ts for why), and none may read a growing
 * table whole: by a sequential scan, an index scan with no Index Cond (only a Filter) unless it is an
 * allowed ordered walk to a LIMIT (QUERY_PLAN_ORDERED_WALKS), or an open range with no LIMIT.
 */
describe.skipIf(!pgAvailable())('query plans on PostgreSQL', () => {
  const size = P9_SIZES.tiny!;
  const database = usePgDatabase('plans');
  const dir = mkdtempSync(join(tmpdir(), 'cb-pg-plans-'));
  const keys = sharedKeyEnv();
  let capture: ReturnType<typeof capturePgStatements>;
  let h: Harness;

  beforeAll(async () => {
    const env = { DATABASE_URL: database.url(), ...keys };
    await seedHospital(loadConfig({ DINGTALK_CLIENT_ID: '', ...env }), size, Date.now());
    capture = capturePgStatements();
    h = await startHarness({ dir, env });
    const callers = await callersFor(env, p9Users(size));
    for (const m of APPROVAL_FORMS) await h.service.yidaForms.admin.mappings.repo.putMapping(m);
    const app = await appFor(h);
    for (const call of [...p9Calls(size, callers, Date.now()), ...appPageCalls(size, Date.now()), ...consoleListCalls(Date.now())]) {
      const who = callers[call.as]!;
      const res = await app.inject({ method: call.method, url: call.path, headers: { authorization: `Bearer ${who[call.token]}` }, ...(call.body === undefined ? {} : { payload: call.body as object }) });
      expect(res.statusCode, `${call.name}: ${res.body}`).toBeLessThan(300);
    }
    // The referral totals' backfill (a fresh seed leaves it nothing to do at start): a first batch and one past a cursor.
    for (const cursor of [`${Date.now()}/`, `${Date.now()}/0/r`]) await h.service.repos.eventTotalsBackfill.acceptedBatch(cursor, 50, Date.now());
    await h.service.sweeper.sweep(Date.now() + 30 * 86_400_000);
    await h.service.retention.job.run();
    // Colleague lookups the calls above do not reach (an allergy alert's ER team, an escalation's colleague, imports, the last-admin guard).
    const directory = h.service.repos.directory;
    expect(await directory.inDepartment('inst-P9A', 'AED')).toEqual([]);
    expect(await directory.inSpecialty('inst-P9A', 'Cardiology')).toEqual([]);
    expect((await directory.byRegistrationNos(['m10001', 'M10002'])).map((c) => c.registrationNo).sort()).toEqual(['M10001', 'M10002']);
    expect((await directory.withRole('admin')).length).toBeGreaterThan(0);
    expect((await h.service.audit.verify()).ok).toBe(true);
    await app.close();
  }, 180_000);

  afterAll(async () => {
    capture?.stop();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('no statement reads a table that grows with use whole: a sequential scan, an index walked whole, an open range with no LIMIT', async () => {
    expect(capture.statements.size).toBeGreaterThan(50);
    const client = new pg.Client({ connectionString: database.url() });
    await client.connect();
    const { rows } = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    await client.end();
    const growing = new Set(rows.map((r) => r.name).filter((t) => !QUERY_PLAN_SMALL_TABLES.has(t)));
    const { bad, planned } = await pgFullScans(database.url(), capture.statements, growing, QUERY_PLAN_WHOLE_READS_PG, QUERY_PLAN_ORDERED_WALKS.flatMap((w) => w.pg ?? []));
    expect(bad, bad.join('\n')).toEqual([]);
    // Nearly every statement plans outside its transaction; a handful (savepoints, temp state) cannot.
    expect(planned).toBeGreaterThan(capture.statements.size * 0.8);
    // An ordered walk is allowed only to a statement the service still runs.
    const stale = QUERY_PLAN_ORDERED_WALKS.filter((w) => w.pg && ![...capture.statements.keys()].some((sql) => w.pg!.test(sql)));
    expect(stale.map((w) => w.why)).toEqual([]);
  }, 120_000);
});

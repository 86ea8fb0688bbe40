import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { p9Calls, p9Users } from '../../bench/p9-calls.js';
import { P9_SIZES, seedHospital } from '../../bench/p9-seed.js';
import { callersFor } from '../../bench/p9-world.js';
import { appFor } from '../helpers/sharing-flow.js';
import { APPROVAL_FORMS, appPageCalls } from '../helpers/app-page-calls.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { captureSqlitePlans, fullScans, type PlannedStatement } from '../helpers/sqlite-plans.js';
import { consoleListCalls } from '../helpers/console-list-calls.js';
import { QUERY_PLAN_ORDERED_WALKS, QUERY_PLAN_SMALL_TABLES, QUERY_PLAN_WHOLE_READS } from '../helpers/query-plan-tables.js';

/**
 * Issue 15 item 4: every statement the service runs on SQLite — seeding a small hospital through the
 * repositories, starting (and its jobs), the mini-app and console calls bench P9 measures, the expiry
 * sweep, retention and a full audit verify — is planned by SQLite with the parameters of its first
 * run, and none may read a whole table that grows with use (see query-plan-tables.ts for the small,
 * fixed tables that may be scanned, each with its reason): not by `SCAN t`, not by `SCAN t USING
 * [COVERING] INDEX i` (a walk of the whole index) unless the statement is an allowed ordered walk to
 * its LIMIT (QUERY_PLAN_ORDERED_WALKS, each with why), and not by an open range with no LIMIT. SQLite plans without statistics (no
 * ANALYZE is run), so the plan does not depend on how many rows the test seeded.
 */
describe('query plans on SQLite', () => {
  const size = P9_SIZES.tiny!;
  let capture: ReturnType<typeof captureSqlitePlans>;
  const dir = mkdtempSync(join(tmpdir(), 'cb-plans-'));
  const env = { DATABASE_URL: `file:${join(dir, 'cb.db')}`, KEY_DIR: join(dir, 'keys') };
  let h: Harness;
  /** Statements one view of the 91-document case ran. */
  let caseViewStatements = 0;

  beforeAll(async () => {
    await seedHospital(loadConfig({ DINGTALK_CLIENT_ID: '', ...env }), size, Date.now());
    // From here on: what the service runs (the seed's own statements are the bench's, not the service's).
    capture = captureSqlitePlans();
    h = await startHarness({ dir });
    const callers = await callersFor(env, p9Users(size));
    for (const m of APPROVAL_FORMS) await h.service.yidaForms.admin.mappings.repo.putMapping(m);
    const app = await appFor(h);
    for (const call of [...p9Calls(size, callers, Date.now()), ...appPageCalls(size, Date.now()), ...consoleListCalls(Date.now())]) {
      const who = callers[call.as]!;
      const before = capture.executed();
      const res = await app.inject({
        method: call.method,
        url: call.path,
        headers: { authorization: `Bearer ${who[call.token]}` },
        ...(call.body === undefined ? {} : { payload: call.body as object }),
      });
      expect(res.statusCode, `${call.name}: ${res.body}`).toBeLessThan(300);
      if (call.name === 'case view, busy case') caseViewStatements = capture.executed() - before;
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
  }, 120_000);

  afterAll(async () => {
    capture?.stop();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('captured the statements of the paths it drove', () => {
    const sql = [...capture.statements.keys()].join('\n');
    for (const table of ['documents', 'care_team', 'grants', 'audit_entries', 'access_requests', 'clinicians', 'processed_messages', 'outbox_messages', 'yida_submissions', 'clinician_name_tokens']) expect(sql).toMatch(new RegExp(`\\b${table}\\b`));
    expect(capture.statements.size).toBeGreaterThan(50);
    // The inbox's forms waiting for approval, with the attending's and the officer's forms.
    expect(sql).toMatch(/from "yida_submissions" inner join "cases" .*"care_team"."role" = \?/);
    // The referral card's open load, and the referral totals' backfill batch.
    expect(sql).toMatch(/from "referrals" where \("referrals"."assignee_id" is not null/);
    expect(sql).toMatch(/from "referrals" where \("referrals"."status" = \? and "referrals"."accepted_at" < \?/);
    // The colleague lookups, each on its index.
    expect(sql).toMatch(/from "clinicians" where \("clinicians"."institution_id" = \? and lower\(trim\("clinicians"."specialty"\)\) = lower\(trim\(\?\)\)\)/);
    expect(sql).toMatch(/from "clinicians" where upper\("clinicians"."registration_no"\) in \(\?, \?\)/);
  });

  it('views a case of 91 documents in a number of statements that does not depend on its documents', () => {
    // Before issue 15: one grants query per document and two directory lookups per person per document (~1100 here).
    expect(caseViewStatements).toBeGreaterThan(0);
    expect(caseViewStatements).toBeLessThan(60);
  });

  it('reads no table that grows with use from end to end', () => {
    const db = new Database(join(dir, 'cb.db'), { readonly: true });
    const all = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    db.close();
    const tables = new Set(all.filter((t) => !QUERY_PLAN_SMALL_TABLES.has(t)));
    const bad = [...capture.statements.values()].flatMap((s: PlannedStatement) => fullScans(s, tables, QUERY_PLAN_WHOLE_READS.map((w) => w.sql), QUERY_PLAN_ORDERED_WALKS.flatMap((w) => w.sqlite ?? [])).map((scan) => `${scan}\n    in: ${s.sql}\n    plan: ${s.plan.join(' | ')}`));
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('allows an ordered walk only to a statement the service still runs', () => {
    const stale = QUERY_PLAN_ORDERED_WALKS.filter((w) => w.sqlite && ![...capture.statements.keys()].some((sql) => w.sqlite!.test(sql)));
    expect(stale.map((w) => w.why)).toEqual([]);
  });
});

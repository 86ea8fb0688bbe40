import type { FastifyInstance } from 'fastify';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/compose/app.js';
import { serviceProbe } from '../../src/compose/health.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { pgAvailable, usePgDatabase } from '../helpers/pg-test-db.js';
import { sharedKeyEnv } from '../helpers/shared-key-env.js';
import { ManualClock, replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM, openCase, shareReport, viewAs, viewToken, WONG } from '../helpers/sharing-flow.js';
import { openAs, pressOpen, sendBurnText } from '../integration/burn-fixture.js';
import { makeHkid, pressDecision, requestByText } from '../integration/sharing-edge-fixture.js';

const run = promisify(execFile);

/**
 * The real service (SDK, simulator, HTTP, audit log) started with `DATABASE_URL=postgres://…`
 * through the same harness as the SQLite app tests: every repository, the audit log and the
 * readiness probe on PostgreSQL. No SQLite file is made.
 */
describe.skipIf(!pgAvailable())('the service on PostgreSQL', () => {
  const database = usePgDatabase('service');
  const clock = new ManualClock();
  /** PostgreSQL mode takes every key from shared settings (config refuses file-only keys). */
  const keys = sharedKeyEnv();
  let h: Harness;
  let app: FastifyInstance;
  /** A superuser connection to the cluster, to take the database away and give it back. */
  const admin = async <T>(body: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await c.connect();
    try {
      return await body(c);
    } finally {
      await c.end();
    }
  };
  const dbName = () => new URL(database.url()).pathname.slice(1);

  beforeAll(async () => {
    h = await startHarness({ clock, env: { DATABASE_URL: database.url(), ...keys }, service: { burnPollMs: 20 } });
    app = await appFor(h);
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('runs on its PostgreSQL repositories: the directory is in PostgreSQL and no SQLite file exists', async () => {
    expect(h.service.storage.kind).toBe('postgres');
    expect(h.service.repos.kind).toBe('postgres');
    expect(() => h.service.db).toThrow(/PostgreSQL/);
    expect(existsSync(join(h.dir, 'cb.db'))).toBe(false);
    const client = new pg.Client({ connectionString: database.url() });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from clinicians');
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  /** The case of the share flow; the burn reuses it (a group is bound to one case). */
  let code = '';

  it('share → request → approve → view: the GP gets a PDF watermarked for him', async () => {
    const group = h.demo.groups.cardiologyConsult;
    code = await openCase(h, group, makeHkid('P', '135790'), [{ institutionCode: 'HPH', status: 'granted' }]);
    const docId = await shareReport(h, app, group, CHAN, code);
    expect((await h.service.repos.documents.find(docId))?.status).toBe('active');
    // Its ciphertext is in PostgreSQL (vault_blobs), not in a folder beside a database file.
    const blobs = new pg.Client({ connectionString: database.url() });
    await blobs.connect();
    try {
      expect((await blobs.query<{ n: number }>('select count(*)::int as n from vault_blobs')).rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await blobs.end();
    }
    const { card } = await requestByText(h, code, WONG);
    const granted = replyAfter(h.sim, { userId: WONG, via: 'oto' });
    await pressDecision(h, card, CHAN, 'approve');
    const msg = await granted;
    expect(msg.text).toContain('approved your access');
    const res = await viewAs(h, app, await viewToken(h, app, msg.text, WONG), WONG);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages } = await extractPdfText(new Uint8Array(res.rawPayload));
    expect(pages[0]!.text).toContain('M45678');
    await h.service.audit.flush();
    const { entries } = await h.service.audit.repo.list({ action: 'document.viewed' }, { limit: 5 });
    expect(entries.map((e) => e.target)).toContain(docId);
  }, 60_000);

  it('burn after reading: both recipients open, and at the last deadline the item is destroyed (key and ciphertext erased)', async () => {
    // Dr Lam and Dr Wong join the case of the share flow as consultants: the burn's two recipients.
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    for (const who of [LAM, WONG]) await h.service.secure.cases.team.addMember(chan, code, who, 'consulting', h.demo.groups.cardiologyConsult);
    const itemId = await sendBurnText(h, app, code, 'Allergic to penicillin', '30s');
    for (const who of [LAM, WONG]) expect((await openAs(h, app, itemId, who)).statusCode).toBe(200);
    clock.advance(30_000);
    await h.service.burn.scheduler.runNow();
    expect(await h.service.repos.burn.find(itemId)).toMatchObject({ status: 'destroyed', wrappedKey: null, ciphertext: null });
    expect(await pressOpen(h, itemId, LAM)).toContain('This message has burned');
  }, 60_000);

  it('/readyz: ready, then 503 while a migration is pending, then 503 while the database is unreachable, ready again after', async () => {
    const probed = await buildApp({ logger: h.service.logger, probe: serviceProbe(h.service), service: h.service });
    const ready = async () => {
      const res = await probed.inject({ method: 'GET', url: '/readyz' });
      return [res.statusCode, (res.json() as { checks: Record<string, boolean> }).checks];
    };
    try {
      expect(await ready()).toEqual([200, { db: true, migrations: true, stream: true }]);
      // The database is behind this code (e.g. restored from before the newest migration).
      const client = new pg.Client({ connectionString: database.url() });
      await client.connect();
      const newest = await client.query<{ id: number; hash: string; created_at: string }>('select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1');
      const row = newest.rows[0]!;
      await client.query('delete from drizzle.__drizzle_migrations where id = $1', [row.id]);
      try {
        expect(await ready()).toEqual([503, { db: true, migrations: false, stream: true }]);
      } finally {
        await client.query('insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)', [row.id, row.hash, row.created_at]);
        await client.end();
      }
      expect(await ready()).toEqual([200, { db: true, migrations: true, stream: true }]);
      // Unreachable: no new connections, and the open ones ended.
      await admin(async (c) => {
        await c.query(`alter database ${dbName()} allow_connections false`);
        await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [dbName()]);
      });
      try {
        expect(await ready()).toEqual([503, { db: false, migrations: false, stream: true }]);
      } finally {
        await admin((c) => c.query(`alter database ${dbName()} allow_connections true`));
      }
      expect(await ready()).toEqual([200, { db: true, migrations: true, stream: true }]);
    } finally {
      await probed.close();
    }
  }, 60_000);

  it('`npm run audit -- verify` on postgres:// passes on the log the service wrote; the admin and retention CLIs run on it too', async () => {
    const signed = await h.service.audit.checkpoint();
    const env = { ...process.env, ...keys, DATABASE_URL: database.url(), KEY_DIR: join(h.dir, 'keys'), LOG_LEVEL: 'silent' };
    const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', ...args], { env, encoding: 'utf8' });
    const [{ stdout }, institutions, retention] = await Promise.all([
      cli(['src/cli/audit.ts', 'verify']),
      cli(['src/cli/admin.ts', 'institutions']),
      cli(['src/cli/retention.ts', 'dry-run']),
    ]);
    // The admin and retention CLIs read the same PostgreSQL database.
    expect(institutions.stdout).toContain('QMH');
    expect(retention.stdout).toContain('Dry run: nothing is deleted.');
    expect(retention.stdout).toMatch(/documents/);
    const result = JSON.parse(stdout) as { ok: boolean; size: number; checkpoints: number };
    expect(result.ok).toBe(true);
    expect(result.size).toBeGreaterThanOrEqual(signed.treeSize);
    expect(result.checkpoints).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

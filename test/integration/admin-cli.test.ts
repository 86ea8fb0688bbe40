import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { createDirectoryRepository } from '../../src/domain/directory/directory-repository.js';
import { buildApp } from '../../src/compose/app.js';
import { createRefreshSessions } from '../../src/domain/sessions/refresh-sessions.js';
import { createSessionRepository } from '../../src/domain/sessions/session-repository.js';
import { systemClock } from '../../src/shared/clock.js';
import { createDirectoryAdmin } from '../../src/domain/directory/directory-admin.js';
import { adminRoutes } from '../../src/http/admin-routes.js';
import { silentLogger } from '../../src/shared/logger.js';

const run = promisify(execFile);
const SECRET = 'cli-test-secret-0123456789-0123456789';

describe('admin CLI', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-admin-cli-'));
    env = { ...process.env, DATABASE_URL: `file:${join(dir, 'cb.db')}`, KEY_DIR: join(dir, 'keys'), SESSION_SECRET: SECRET, LOG_LEVEL: 'silent' };
    const h = openDatabase(env.DATABASE_URL!);
    const repo = createDirectoryRepository(h.db, h.store);
    await repo.insert({ dingtalkUserId: 'chan', displayName: '陳大文', verified: false, suspended: false }, Date.now());
    await repo.insert({ dingtalkUserId: 'li', displayName: 'Ms LI', verified: false, suspended: false }, Date.now());
    h.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const r = await run('npx', ['tsx', 'src/cli/admin.ts', ...args], { env, cwd: process.cwd() });
      return { code: 0, ...r };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  it('When an operator adds an institution, verifies users and mints a token, then the directory changes, is audited, and the token opens the admin API', async () => {
    expect((await admin('add-institution', 'qmh', '--name-en', 'Queen Mary Hospital', '--sector', 'public')).code).toBe(0);
    const verify = await admin('verify', 'chan', '--reg', 'M12345', '--role', 'doctor', '--specialty', 'Cardiology', '--institution', 'QMH', '--by', 'li');
    expect(verify).toMatchObject({ code: 0, stdout: 'Verified chan as doctor (M12345).\n' });
    expect((await admin('verify', 'li', '--reg', 'M54321', '--role', 'admin', '--institution', 'QMH', '--by', 'ops-alice')).code).toBe(0);

    const list = await admin('clinicians');
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^dingtalkUserId\s+name\s+role\s+specialty\s+institution\s+registration\s+status$/);
    expect(lines.find((l) => l.startsWith('chan'))).toMatch(/^chan\s+陳大文\s+doctor\s+Cardiology\s+QMH\s+M12345\s+verified \d{4}-\d{2}-\d{2}$/);

    const missing = await admin('verify', 'nobody', '--reg', 'M11111', '--role', 'doctor', '--institution', 'QMH', '--by', 'li');
    expect([missing.code, missing.stderr.trim()]).toEqual([1, "admin: clinician.not_found: I can't find that user in the directory."]);
    const notAdmin = await admin('token', 'chan');
    expect([notAdmin.code, notAdmin.stderr.trim()]).toEqual([1, 'admin: access.denied: not a verified, active admin']);
    const token = await admin('token', 'li');
    expect(token.code).toBe(0);

    const h = openDatabase(env.DATABASE_URL!);
    try {
      const repo = createDirectoryRepository(h.db, h.store);
      const chan = (await repo.findByDingTalkId('chan'))!;
      const li = (await repo.findByDingTalkId('li'))!;
      // --by names a directory user: the record holds their id; otherwise the name as given.
      expect(chan).toMatchObject({ verified: true, role: 'doctor', verifiedBy: li.id });
      expect(li.verifiedBy).toBe('ops-alice');
      const actions = h.sqlite.prepare('select action from audit_entries order by idx').all().map((r) => (r as { action: string }).action);
      expect(actions).toEqual(['directory.institution_added', 'directory.verified', 'directory.verified', 'admin.token_issued']);

      const app = await buildApp({ logger: silentLogger, probe: { dbOpen: () => true, streamRegistered: () => true } });
      const noAudit = { append: () => -1 };
      await app.register(adminRoutes, {
        prefix: '/api/admin',
        jwtSecret: SECRET,
        // The CLI's token is bound to a login it started in the same database.
        isSessionActive: (sid) => createRefreshSessions({ transaction: h.store.transaction, repo: createSessionRepository(h.db, h.store), clock: systemClock, audit: noAudit }).isActive(sid),
        directoryAdmin: createDirectoryAdmin({ repo, audit: noAudit, clock: systemClock, endLogins: async () => 0, offboard: () => { throw new Error('unused'); } }),
        caseQueries: { findCase: () => Promise.reject(new Error('unused')), teamOf: () => Promise.resolve([]) },
      });
      const res = await app.inject({ method: 'GET', url: '/api/admin/institutions', headers: { authorization: `Bearer ${token.stdout.trim()}` } });
      expect(res.statusCode).toBe(200);
      expect(res.json().institutions.map((i: { code: string }) => i.code)).toEqual(['QMH']);
      await app.close();
    } finally {
      h.close();
    }
  }, 60_000);

  it('When the operator would suspend the last active admin, or an admin themselves, then a coded refusal; remove-from-org unverifies', async () => {
    const last = await admin('suspend', 'li');
    expect([last.code, last.stderr.trim()]).toEqual([1, 'admin: directory.last_admin: That would leave no active admin. Verify another admin first.']);
    const self = await admin('suspend', 'li', '--by', 'li');
    expect([self.code, self.stderr.trim().split(':')[1]?.trim()]).toEqual([1, 'directory.self_action']);
    const removed = await admin('remove-from-org', 'chan', '--by', 'li');
    expect(removed).toMatchObject({ code: 0, stdout: expect.stringContaining('no longer verified') });
    const h = openDatabase(env.DATABASE_URL!);
    try {
      const repo = createDirectoryRepository(h.db, h.store);
      expect(await repo.findByDingTalkId('li')).toMatchObject({ suspended: false, verified: true });
      expect(await repo.findByDingTalkId('chan')).toMatchObject({ verified: false });
    } finally {
      h.close();
    }
  }, 60_000);

  it('When the command or an option is unknown, then a non-zero exit and no stack trace', async () => {
    const r = await admin('frobnicate');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('admin: request.invalid: unknown command frobnicate');
    const o = await admin('clinicians', '--everything');
    expect(o.code).toBe(2);
    expect(o.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { createDirectoryRepository } from '../../src/domain/directory/directory-repository.js';

const run = promisify(execFile);

/** The file an operator would hand the CLI: two good rows, and three rows each wrong in its own way. */
const CSV = [
  'dingtalk_user_id,display_name,name_en,role,specialty,institution_code,registration_no',
  'cli-ng,Dr NG,Dr NG Ka-ho,doctor,Cardiology,QMH,M22334',
  'cli-yip,Nurse YIP,Ms YIP Mei,nurse,,QMH,N12345',
  'cli-bad-inst,Dr FONG,,doctor,,XXX,M33445',
  'cli-no-reg,Dr LAM,,doctor,,QMH,',
  'cli-ng,Dr NG again,,doctor,,QMH,M99887',
].join('\n');

/** `npm run admin -- import-clinicians file.csv [--dry-run]`, run for real against a temporary SQLite file. */
describe('admin CLI: import-clinicians', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-admin-import-'));
    env = { ...process.env, DATABASE_URL: `file:${join(dir, 'cb.db')}`, KEY_DIR: join(dir, 'keys'), SESSION_SECRET: 'cli-import-secret-0123456789-012345', LOG_LEVEL: 'silent' };
    file = join(dir, 'clinicians.csv');
    writeFileSync(file, CSV, 'utf8');
    expect((await admin('add-institution', 'QMH', '--name-en', 'Queen Mary Hospital', '--sector', 'public')).code).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      return { code: 0, ...(await run('npx', ['tsx', 'src/cli/admin.ts', ...args], { env, cwd: process.cwd() })) };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  /** What the database holds: the imported DingTalk ids and the audit actions, in order. */
  async function stored(): Promise<{ users: string[]; actions: string[] }> {
    const h = openDatabase(env.DATABASE_URL!);
    try {
      const users = (await createDirectoryRepository(h.db, h.store).list()).map((c) => c.dingtalkUserId).sort();
      const actions = h.sqlite.prepare('select action from audit_entries order by idx').all().map((r) => (r as { action: string }).action);
      return { users, actions };
    } finally {
      h.close();
    }
  }

  /** The per-row report: `line user → [result, why]`, from the printed table (header and rule skipped, summary dropped). */
  function report(stdout: string): Record<string, [string, string]> {
    const rows: Record<string, [string, string]> = {};
    for (const line of stdout.trim().split('\n').slice(2, -1)) {
      const [no, user, result, ...why] = line.trim().split(/\s+/);
      rows[`${no} ${user}`] = [result!, why.join(' ')];
    }
    return rows;
  }

  it('When the operator dry-runs the file, then every row is reported (ok or its problems) and nothing is written but the audited dry run', async () => {
    const before = await stored();
    const dry = await admin('import-clinicians', file, '--dry-run', '--by', 'ops-alice');
    expect(dry.code).toBe(0);
    expect(dry.stdout.trim().split('\n').at(-1)).toBe('Dry run: 2 ok, 3 with errors.');
    expect(report(dry.stdout)).toEqual({
      '2 cli-ng': ['ok', ''],
      '3 cli-yip': ['ok', ''],
      '4 cli-bad-inst': ['error', 'institution_code: unknown_institution'],
      '5 cli-no-reg': ['error', expect.stringContaining('registration_no:')],
      '6 cli-ng': ['error', 'dingtalk_user_id: duplicate_in_file'],
    });
    const after = await stored();
    expect(after.users).toEqual(before.users);
    expect(after.actions).toEqual([...before.actions, 'directory.imported']);
  }, 60_000);

  it('When the operator imports the file, then the good rows are added unverified, the bad ones reported, and a second run refuses them all as already there', async () => {
    const before = await stored();
    const real = await admin('import-clinicians', file, '--by', 'ops-alice');
    expect(real.code).toBe(0);
    expect(real.stdout.trim().split('\n').at(-1)).toBe('2 ok, 3 with errors.');
    const rows = report(real.stdout);
    expect([rows['2 cli-ng']?.[0], rows['3 cli-yip']?.[0], rows['4 cli-bad-inst']?.[0], rows['5 cli-no-reg']?.[0], rows['6 cli-ng']?.[0]]).toEqual(['imported', 'imported', 'error', 'error', 'error']);
    const after = await stored();
    expect(after.users).toEqual([...before.users, 'cli-ng', 'cli-yip'].sort());
    expect(after.actions.slice(before.actions.length)).toEqual(['directory.user_added', 'directory.user_added', 'directory.imported']);
    const h = openDatabase(env.DATABASE_URL!);
    try {
      expect(await createDirectoryRepository(h.db, h.store).findByDingTalkId('cli-ng')).toMatchObject({ verified: false, role: 'doctor', registrationNo: 'M22334', nameEn: 'Dr NG Ka-ho' });
    } finally {
      h.close();
    }

    const again = await admin('import-clinicians', file, '--dry-run');
    expect(report(again.stdout)['2 cli-ng']).toEqual(['error', expect.stringContaining('duplicate_in_directory')]);
    expect(again.stdout.trim().split('\n').at(-1)).toBe('Dry run: 0 ok, 5 with errors.');
  }, 90_000);

  it('When the operator adds an institution whose code is taken, then the refusal names the code', async () => {
    const dup = await admin('add-institution', 'qmh', '--name-en', 'Again', '--sector', 'public');
    expect([dup.code, dup.stderr.trim()]).toEqual([1, 'admin: institution.code_taken: Institution code QMH is already taken.']);
  }, 30_000);
});

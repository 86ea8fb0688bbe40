import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { runAuditCommand } from '../../src/domain/audit/audit-commands.js';
import { AuditLog } from '../../src/domain/audit/audit-log.js';
import { createAuditReader } from '../../src/domain/audit/audit-reader.js';
import { createAuditRepository } from '../../src/domain/audit/audit-repository.js';
import { loadAuditSigner, PUBLIC_KEY_FILE } from '../../src/domain/audit/audit-signer.js';
import { verifyConsistency, verifyInclusion } from '../../src/domain/audit/merkle.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { tempDb } from '../helpers/temp-db.js';

const run = promisify(execFile);
let db: ReturnType<typeof tempDb>;
let env: NodeJS.ProcessEnv;

/** Spawns the real CLI the way an operator would, against a temp database and key folder. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/audit.ts', ...args], { env, cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  db = tempDb();
  const keyDir = join(db.dir, 'keys');
  env = { ...process.env, DATABASE_URL: `file:${db.path}`, KEY_DIR: keyDir, AUDIT_SIGNING_KEY: '', LOG_LEVEL: 'silent' };
  const { signer } = loadAuditSigner({ dir: keyDir });
  const log = new AuditLog({ sqlite: db.sqlite, store: db.store, clock: new ManualClock(), signer, logger: silentLogger, region: 'HK' });
  for (let i = 0; i < 25; i++) {
    log.append({ actor: 'staff-1', action: 'document.viewed', target: `D-${i}`, outcome: 'success', trace: i === 7 ? 'W7K2' : undefined });
    if (i === 9) await log.checkpoint();
  }
  await log.close();
  db.close();
});
afterAll(() => db.cleanup());

describe('npm run audit', () => {
  it('proves, shows heads and traces from the stored log, then catches a tampered entry', async () => {
    const [verify, proof, consistency, head, trace] = await Promise.all([
      cli('verify'),
      cli('proof', '7', '20'),
      cli('consistency', '10', '25'),
      cli('checkpoint'),
      cli('trace', 'W7K2'),
    ]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, size: 25, checkpoints: 2 });

    const p = JSON.parse(proof.stdout) as { index: number; treeSize: number; leafHash: string; path: string[]; root: string };
    expect(p).toMatchObject({ index: 7, treeSize: 20 });
    const hex = (s: string) => Buffer.from(s, 'hex');
    expect(verifyInclusion(7, 20, hex(p.leafHash), p.path.map(hex), hex(p.root))).toBe(true);

    const c = JSON.parse(consistency.stdout) as { root1: string; root2: string; path: string[] };
    expect(verifyConsistency(10, 25, hex(c.root1), hex(c.root2), c.path.map(hex))).toBe(true);

    const h = JSON.parse(head.stdout) as { treeSize: number; rootHash: string; publicKey: string };
    expect(h).toMatchObject({ treeSize: 25, rootHash: c.root2 });
    expect(h.publicKey).toBe(readFileSync(join(db.dir, 'keys', PUBLIC_KEY_FILE), 'utf8'));

    expect(JSON.parse(trace.stdout)).toMatchObject([{ idx: 7, target: 'D-7', trace: 'W7K2', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} HKT$/) }]);

    const raw = new Database(db.path);
    raw.prepare(`UPDATE audit_entries SET body = replace(body, '"D-13"', '"D-31"') WHERE idx = 13`).run();
    raw.close();
    const tampered = await cli('verify');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('FAILED verification at entry 13: leaf_hash_mismatch');
  }, 60_000); // six CLI processes (tsx each): a loaded machine needs more than the default

  it('When a trace code is typed in lower case with spaces, then it is found as the console finds it (issue 12)', async () => {
    const lower = await cli('trace', ' w7k2 ');
    expect(lower.code).toBe(0);
    expect(JSON.parse(lower.stdout)).toMatchObject([{ idx: 7, trace: 'W7K2' }]);
  });

  it('answers bad arguments with usage errors, not stack traces', async () => {
    const mem = openDatabase(':memory:');
    const reader = createAuditReader(createAuditRepository(mem.sqlite), mem.store);
    expect(await runAuditCommand(['nonsense'], { reader, verifier: null })).toMatchObject({ code: 2 });
    await expect(runAuditCommand(['proof', 'x'], { reader, verifier: null })).rejects.toThrow(/whole number/);
    await expect(runAuditCommand(['proof', '0'], { reader, verifier: null })).rejects.toThrow(/inside the tree/);
    expect(await runAuditCommand(['checkpoint'], { reader, verifier: null })).toMatchObject({ code: 1 });
    mem.close();
  });
});

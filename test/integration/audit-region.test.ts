import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { checkpointJson } from '../../src/domain/audit/audit-checkpoint.js';
import { buildEntry } from '../../src/domain/audit/audit-entry.js';
import { AuditLog } from '../../src/domain/audit/audit-log.js';
import { createAuditRepository } from '../../src/domain/audit/audit-repository.js';
import { loadAuditSigner, type AuditSigner } from '../../src/domain/audit/audit-signer.js';
import { verifyAuditLog } from '../../src/domain/audit/audit-verify.js';
import { MerkleFrontier } from '../../src/domain/audit/merkle-frontier.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';

const run = promisify(execFile);
/** The last migration before checkpoints recorded a region. */
const BEFORE = '0013_outbox_claim_order';

let dir: string;
let dbPath: string;
let signer: AuditSigner;
let env: NodeJS.ProcessEnv;

/** `npm run audit -- verify`, spawned as an operator would. */
async function cliVerify(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'src/cli/audit.ts', 'verify'], { env, cwd: process.cwd() });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, out: err.stderr };
  }
}

/**
 * A log written before the change: the schema migrated up to BEFORE only (no region column), ten
 * entries, and a checkpoint whose signed text is the v1 form, written with the old INSERT.
 */
function writeOldLog(): void {
  const migrations = join(dir, 'old-migrations');
  cpSync('migrations', migrations, { recursive: true });
  const journalPath = join(migrations, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === BEFORE);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }));
  const sqlite = new Database(dbPath);
  migrate(drizzle(sqlite), { migrationsFolder: migrations });
  expect(sqlite.prepare(`SELECT name FROM pragma_table_info('audit_checkpoints')`).pluck().all()).not.toContain('region');

  const frontier = MerkleFrontier.empty();
  const entries = Array.from({ length: 10 }, (_, i) => buildEntry(i, 1_700_000_000_000 + i, { actor: 'staff-1', action: 'document.viewed', target: `D-${i}`, outcome: 'success' }));
  const nodes = entries.flatMap((e) => frontier.push(e.leafHash));
  const insertEntry = sqlite.prepare(
    'INSERT INTO audit_entries (idx, at, actor, action, target, outcome, reason, trace, body, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const e of entries) insertEntry.run(e.idx, e.at, e.actor, e.action, e.target, e.outcome, e.reason, e.trace, e.body, e.leafHash);
  for (const n of nodes) sqlite.prepare('INSERT INTO audit_nodes (level, idx, hash) VALUES (?, ?, ?)').run(n.level, n.idx, n.hash);
  const at = 1_700_000_001_000;
  const v1 = Buffer.from(`consultbridge/audit/v1\n10\n${frontier.root().toString('base64')}\n${at}\n`, 'utf8');
  sqlite
    .prepare('INSERT INTO audit_checkpoints (tree_size, root_hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?)')
    .run(10, frontier.root(), at, signer.keyId, signer.sign(v1));
  sqlite.close();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cb-audit-region-'));
  dbPath = join(dir, 'cb.db');
  const keyDir = join(dir, 'keys');
  mkdirSync(keyDir);
  signer = loadAuditSigner({ dir: keyDir }).signer;
  env = { ...process.env, DATABASE_URL: `file:${dbPath}`, KEY_DIR: keyDir, AUDIT_SIGNING_KEY: '', LOG_LEVEL: 'silent' };
  writeOldLog();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit checkpoints record the data region', () => {
  it('a log written before the change still verifies with `npm run audit -- verify` once migrated', async () => {
    const res = await cliVerify();
    expect(res.code, res.out).toBe(0);
    expect(JSON.parse(res.out)).toMatchObject({ ok: true, size: 10, checkpoints: 1 });
  });

  it('new checkpoints carry the region under the signature; old and new verify side by side; a changed region is caught', async () => {
    const db = openDatabase(`file:${dbPath}`);
    const log = new AuditLog({ sqlite: db.sqlite, store: db.store, clock: new ManualClock(), signer, logger: silentLogger, region: 'HK' });
    for (let i = 0; i < 5; i++) log.append({ actor: 'staff-2', action: 'document.viewed', target: `E-${i}`, outcome: 'success' });
    const head = await log.checkpoint();
    await log.close();
    const repo = createAuditRepository(db.sqlite);
    const [old, latest] = repo.checkpoints();
    expect([old!.region, latest!.region]).toEqual([null, 'HK']);
    expect(head).toMatchObject({ treeSize: 15, region: 'HK' });
    const json = checkpointJson(latest!, signer);
    expect(json.region).toBe('HK');
    expect(json.signedText).toMatch(/^consultbridge\/audit\/v2\n15\n[A-Za-z0-9+/=]+\n\d+\nregion HK\n$/);
    expect(checkpointJson(old!, signer).signedText).toMatch(/^consultbridge\/audit\/v1\n10\n/);
    expect(verifyAuditLog(repo, signer)).toMatchObject({ ok: true, size: 15, checkpoints: 2 });

    // Claiming another region, dropping it, or adding one to an old checkpoint breaks the signature.
    const tamper = (id: number, region: string | null) => db.sqlite.prepare('UPDATE audit_checkpoints SET region = ? WHERE id = ?').run(region, id);
    for (const [id, region, restore] of [[latest!.id, 'SG', 'HK'], [latest!.id, null, 'HK'], [old!.id, 'HK', null]] as const) {
      tamper(id, region);
      expect(verifyAuditLog(repo, signer), `${id} → ${region}`).toMatchObject({ ok: false, problem: { reason: 'checkpoint_signature_invalid', checkpointId: id } });
      tamper(id, restore);
    }
    db.close();
    const res = await cliVerify();
    expect(res.code, res.out).toBe(0);
    expect(JSON.parse(res.out)).toMatchObject({ ok: true, size: 15, checkpoints: 2 });
  });
});

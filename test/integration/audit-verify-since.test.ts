import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../src/domain/audit/audit-commands.js';
import { AuditLog } from '../../src/domain/audit/audit-log.js';
import { createAuditReader } from '../../src/domain/audit/audit-reader.js';
import { createAuditRepository } from '../../src/domain/audit/audit-repository.js';
import { signerFromPrivateKey } from '../../src/domain/audit/audit-signer.js';
import { verifyAuditLog } from '../../src/domain/audit/audit-verify.js';
import { openDatabase } from '../../src/db/client.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { tempDb } from '../helpers/temp-db.js';

/**
 * Issue 15 item 5: `audit verify --since-checkpoint`. A 40-entry log with signed heads at 16 and 40; a
 * full verify records the head at 40 as verified; 24 more entries and a head at 64 follow. Then the
 * SQLite file is edited directly, as someone with file access would.
 */
const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
let db: ReturnType<typeof tempDb>;
let raw: Database.Database;

async function append(log: AuditLog, clock: ManualClock, from: number, to: number) {
  for (let i = from; i < to; i++) {
    clock.advance(1000);
    log.append({ actor: `staff-${i % 3}`, action: 'command.run', target: `C-${i}`, outcome: 'success', trace: `T${i}` });
    if (i === 15) await log.checkpoint();
  }
  await log.checkpoint();
}

beforeEach(async () => {
  db = tempDb();
  const clock = new ManualClock();
  const log = new AuditLog({ sqlite: db.sqlite, store: db.store, clock, signer, logger: silentLogger, region: 'HK' });
  await append(log, clock, 0, 40);
  expect(await createAuditReader(createAuditRepository(db.sqlite), db.store).verify(signer, { recordAt: 1 })).toMatchObject({ ok: true, size: 40 });
  await append(log, clock, 40, 64);
  await log.close();
  db.close();
  raw = new Database(db.path);
});
afterEach(() => {
  raw.close();
  db.cleanup();
});

const since = () => verifyAuditLog(createAuditRepository(raw), signer, { pageSize: 5, sinceCheckpoint: true });
const full = () => verifyAuditLog(createAuditRepository(raw), signer, { pageSize: 5 });

describe('audit verify --since-checkpoint', () => {
  it('walks only what came after the last verified checkpoint, and records the newest one it accepted', async () => {
    const pages: number[] = [];
    const r = verifyAuditLog(createAuditRepository(raw), signer, { pageSize: 5, sinceCheckpoint: true, onProgress: (done) => pages.push(done), recordAt: 2 });
    expect(r).toMatchObject({ ok: true, size: 64, from: 40, checkpoints: 3 });
    expect(pages[0]).toBe(45);
    expect(pages.at(-1)).toBe(64);
    // The next one starts at 64: nothing to walk.
    expect(since()).toMatchObject({ ok: true, size: 64, from: 64 });
  });

  it('finds an entry changed after the checkpoint', () => {
    raw.prepare("UPDATE audit_entries SET actor = 'mallory' WHERE idx = 50").run();
    expect(since()).toMatchObject({ ok: false, problem: { reason: 'body_mismatch', index: 50 } });
  });

  it('finds a rewritten tree before the checkpoint: the stored edge no longer folds to the signed root', () => {
    raw.prepare('UPDATE audit_nodes SET hash = zeroblob(32) WHERE level = 5 AND idx = 0').run();
    expect(since()).toMatchObject({ ok: false, problem: { reason: 'checkpoint_root_mismatch', range: [0, 40] } });
  });

  it('finds the verified checkpoint changed or gone', () => {
    raw.prepare('UPDATE audit_checkpoints SET root_hash = zeroblob(32) WHERE tree_size = 40').run();
    expect(since()).toMatchObject({ ok: false, problem: { reason: 'verified_checkpoint_changed' } });
    raw.prepare('DELETE FROM audit_checkpoints WHERE tree_size = 40').run();
    expect(since()).toMatchObject({ ok: false, problem: { reason: 'verified_checkpoint_changed' } });
  });

  it('finds stored nodes beyond the log (entries removed from the end) without counting the whole table', () => {
    raw.prepare('DELETE FROM audit_entries WHERE idx >= 60').run();
    raw.prepare('DELETE FROM audit_checkpoints WHERE tree_size = 64').run();
    expect(since()).toMatchObject({ ok: false, problem: { reason: 'extra_nodes' } });
  });

  it('does not re-read entry bodies before the checkpoint (what it does not prove): a full verify does', () => {
    raw.prepare("UPDATE audit_entries SET actor = 'mallory' WHERE idx = 3").run();
    expect(since()).toMatchObject({ ok: true, from: 40 });
    expect(full()).toMatchObject({ ok: false, problem: { reason: 'body_mismatch', index: 3 } });
  });

  it('without a verified checkpoint walks everything', () => {
    raw.prepare('DELETE FROM audit_verified_checkpoints').run();
    const r = since();
    expect(r).toMatchObject({ ok: true, size: 64 });
    expect(r.ok && r.from).toBeUndefined();
  });

  it('the command reports entries/s and what it verified; a second run with the flag starts where the first ended', async () => {
    raw.close();
    const h = openDatabase(`file:${db.path}`);
    try {
      const reader = createAuditReader(createAuditRepository(h.sqlite), h.store);
      let t = 1000;
      const ticks: Array<[number, number]> = [];
      const first = await runAuditCommand(['verify', '--since-checkpoint'], { reader, verifier: signer, now: () => (t += 500), progress: (d, n) => ticks.push([d, n]) });
      expect(first.code).toBe(0);
      expect(JSON.parse(first.out)).toMatchObject({ ok: true, size: 64, from: 40, verified: 24, seconds: 0.5, entriesPerSecond: 48 });
      expect(ticks.at(-1)).toEqual([64, 64]);
      expect(JSON.parse((await runAuditCommand(['verify', '--since-checkpoint'], { reader, verifier: signer })).out)).toMatchObject({ from: 64, verified: 0 });
      expect((await runAuditCommand(['verify', '--since'], { reader, verifier: signer })).code).toBe(2);
    } finally {
      h.close();
      raw = new Database(db.path);
    }
  });
});

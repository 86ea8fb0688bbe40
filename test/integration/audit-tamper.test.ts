import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeCheckpoint, signCheckpoint } from '../../src/domain/audit/audit-checkpoint.js';
import { encodeEntryBody } from '../../src/domain/audit/audit-entry.js';
import { AuditLog } from '../../src/domain/audit/audit-log.js';
import { createAuditRepository } from '../../src/domain/audit/audit-repository.js';
import { signerFromPrivateKey } from '../../src/domain/audit/audit-signer.js';
import { verifyAuditLog } from '../../src/domain/audit/audit-verify.js';
import { hashLeaf } from '../../src/domain/audit/merkle.js';
import { MerkleFrontier } from '../../src/domain/audit/merkle-frontier.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { tempDb } from '../helpers/temp-db.js';

/**
 * Each test builds a 40-entry log with signed heads at 16 and 40, closes it, then edits the
 * SQLite file directly with better-sqlite3, as someone with file access would.
 */
const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
const SIZE = 40;
let db: ReturnType<typeof tempDb>;
let raw: Database.Database;

beforeEach(async () => {
  db = tempDb();
  const clock = new ManualClock();
  const log = new AuditLog({ sqlite: db.sqlite, store: db.store, clock, signer, logger: silentLogger, region: 'HK' });
  for (let i = 0; i < SIZE; i++) {
    clock.advance(1000);
    log.append({ actor: `staff-${i % 3}`, action: 'command.run', target: `C-${i}`, outcome: 'success', trace: `T${i}` });
    if (i === 15) await log.checkpoint();
  }
  await log.close();
  db.close();
  raw = new Database(db.path);
});
afterEach(() => {
  raw.close();
  db.cleanup();
});

const verify = () => verifyAuditLog(createAuditRepository(raw), signer, { pageSize: 7 });
const row = (idx: number) =>
  raw.prepare('SELECT idx, at, actor, action, target, outcome, reason, trace FROM audit_entries WHERE idx = ?').get(idx) as {
    idx: number;
    at: number;
    actor: string;
    action: string;
    target: string;
    outcome: 'success';
  };
/** Moves rows idx >= from by `delta` without tripping the primary key mid-update. */
const shift = (from: number, delta: number) => {
  raw.prepare('UPDATE audit_entries SET idx = -(idx + ? + 1) WHERE idx >= ?').run(delta, from);
  raw.prepare('UPDATE audit_entries SET idx = -idx - 1 WHERE idx < 0').run();
};
/** What a careful forger does after editing entries: recompute every stored subtree hash. */
const rebuildNodes = () => {
  const leaves = raw.prepare('SELECT leaf_hash FROM audit_entries ORDER BY idx').pluck().all() as Buffer[];
  const frontier = MerkleFrontier.empty();
  raw.prepare('DELETE FROM audit_nodes').run();
  const put = raw.prepare('INSERT INTO audit_nodes (level, idx, hash) VALUES (?, ?, ?)');
  for (const leaf of leaves) for (const n of frontier.push(leaf)) put.run(n.level, n.idx, n.hash);
};
const forgeEntry = (idx: number, target: string) => {
  const r = row(idx);
  const body = encodeEntryBody(idx, r.at, { ...r, target, reason: undefined, trace: `T${idx}` });
  raw.prepare('UPDATE audit_entries SET target = ?, body = ?, leaf_hash = ? WHERE idx = ?').run(target, body, hashLeaf(body), idx);
};

describe('Audit verification against direct edits of the SQLite file', () => {
  it('When nothing was touched, then verify passes with both heads checked', () => {
    expect(verify()).toMatchObject({ ok: true, size: SIZE, checkpoints: 2 });
  });

  it('When an entry body is changed in SQL, then verify names that entry', () => {
    raw.prepare(`UPDATE audit_entries SET body = replace(body, '"C-23"', '"C-99"') WHERE idx = 23`).run();
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'leaf_hash_mismatch', index: 23 } });
  });

  it('When only a column is changed, leaving the body, then verify names that entry', () => {
    raw.prepare(`UPDATE audit_entries SET outcome = 'denied' WHERE idx = 9`).run();
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'body_mismatch', index: 9 } });
  });

  it('When an entry is rewritten with a fresh leaf hash, then the stored subtree above it exposes the pair', () => {
    forgeEntry(30, 'C-999');
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'node_mismatch', index: 30, range: [30, 32] } });
  });

  it('When the forger also recomputes every subtree, then the signed head exposes the range', () => {
    forgeEntry(30, 'C-999');
    rebuildNodes();
    expect(verify()).toMatchObject({
      ok: false,
      problem: { reason: 'checkpoint_root_mismatch', index: 16, range: [16, 40] },
    });
  });

  it('When an entry is removed, then verify names the missing index', () => {
    raw.prepare('DELETE FROM audit_entries WHERE idx = 12').run();
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'missing_entry', index: 12, range: [12, 13] } });
  });

  it('When an entry is removed and the rest renumbered, then verify names the gap', () => {
    raw.prepare('DELETE FROM audit_entries WHERE idx = 12').run();
    shift(13, -1);
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'body_mismatch', index: 12 } });
  });

  it('When the tail is cut off, nodes and all, then the signed head shows entries are gone', () => {
    raw.prepare('DELETE FROM audit_entries WHERE idx >= 35').run();
    rebuildNodes();
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'checkpoint_beyond_log', index: 35, range: [35, 40] } });
  });

  it('When a well-formed entry is inserted and later ones shifted up, then verify names the inserted index', () => {
    shift(10, 1);
    const body = encodeEntryBody(10, row(9).at + 1, { actor: 'staff-9', action: 'command.run', target: 'C-X', outcome: 'success' });
    raw
      .prepare(`INSERT INTO audit_entries (idx, at, actor, action, target, outcome, body, leaf_hash)
                VALUES (10, ?, 'staff-9', 'command.run', 'C-X', 'success', ?, ?)`)
      .run(row(9).at + 1, body, hashLeaf(body));
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'body_mismatch', index: 10, range: [10, 12] } });
  });

  it('When two entries are swapped, then verify names the first of them', () => {
    raw.prepare('UPDATE audit_entries SET idx = -1 WHERE idx = 5').run();
    raw.prepare('UPDATE audit_entries SET idx = 5 WHERE idx = 27').run();
    raw.prepare('UPDATE audit_entries SET idx = 27 WHERE idx = -1').run();
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'body_mismatch', index: 5 } });
  });

  it('When a checkpoint root is altered, then its signature fails', () => {
    const id = raw.prepare('SELECT id FROM audit_checkpoints WHERE tree_size = 16').pluck().get() as number;
    raw.prepare('UPDATE audit_checkpoints SET root_hash = randomblob(32) WHERE id = ?').run(id);
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'checkpoint_signature_invalid', index: null, checkpointId: id } });
  });

  it('When a head is forged with another key, under our key id or its own, then verify rejects it', () => {
    const forger = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    const rebuilt = createAuditRepository(raw);
    const real = rebuilt.latestCheckpoint()!;
    const forged = signCheckpoint(forger, { treeSize: SIZE, rootHash: real.rootHash, at: real.at + 1 });
    const insert = raw.prepare(
      'INSERT INTO audit_checkpoints (tree_size, root_hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?)',
    );
    const own = insert.run(SIZE, forged.rootHash, forged.at, forged.keyId, forged.signature).lastInsertRowid;
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'checkpoint_unknown_key', checkpointId: Number(own) } });
    raw.prepare('UPDATE audit_checkpoints SET key_id = ? WHERE id = ?').run(signer.keyId, own);
    expect(verify()).toMatchObject({ ok: false, problem: { reason: 'checkpoint_signature_invalid', checkpointId: Number(own) } });
    expect(forger.verify(encodeCheckpoint(forged), forged.signature)).toBe(true); // the forgery is self-consistent
  });
});

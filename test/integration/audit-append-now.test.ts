import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/domain/audit/audit-log.js';
import type { AuditInput } from '../../src/shared/audit-sink.js';
import { signerFromPrivateKey } from '../../src/domain/audit/audit-signer.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { tempDb } from '../helpers/temp-db.js';

/**
 * `append(entry, { now: true })` writes before it returns and joins the caller's transaction, so an
 * effect and its audit entry commit (or roll back) together; found by reliability R4, where a
 * `kill -9` between a committed upload and the group commit lost `document.shared`.
 */
const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
const entry = (target: string): AuditInput => ({ actor: 'staff-1', action: 'document.shared', target, outcome: 'success' });
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function setup() {
  const db = tempDb();
  cleanups.push(db.cleanup);
  // A long group-commit delay: only `now` can have put an entry on disk.
  const log = new AuditLog({ sqlite: db.sqlite, store: db.store, clock: new ManualClock(), signer, logger: silentLogger, region: 'HK' }, { flushDelayMs: 60_000 });
  cleanups.push(() => void log.close().catch(() => undefined));
  return { db, log };
}

describe('audit append now', () => {
  it('When an entry is appended now, then it and the entries queued before it are on disk when append returns', () => {
    const { db, log } = setup();
    const onDisk = () => db.sqlite.prepare('SELECT COUNT(*) FROM audit_entries').pluck().get();
    log.append(entry('D-queued'));
    expect(onDisk()).toBe(0);
    const idx = log.append(entry('D-now'), { now: true });
    expect(idx).toBe(1);
    expect(onDisk()).toBe(2);
    expect(log.queued).toBe(0);
  });

  it('When it is appended inside a transaction that commits, then both commit; when that transaction rolls back, the entry goes with it and the log stays verifiable', async () => {
    const { db, log } = setup();
    db.sqlite.exec('CREATE TABLE effects (id TEXT PRIMARY KEY)');
    const effect = (id: string, fail: boolean) =>
      db.sqlite.transaction(() => {
        db.sqlite.prepare('INSERT INTO effects (id) VALUES (?)').run(id);
        log.append(entry(id), { now: true });
        if (fail) throw new Error('effect failed after its audit entry');
      })();
    effect('D-1', false);
    expect(() => effect('D-2', true)).toThrow('effect failed');
    expect(db.sqlite.prepare('SELECT id FROM effects').all()).toEqual([{ id: 'D-1' }]);
    expect(await log.repo.size()).toBe(1);
    log.append(entry('D-3'), { now: true });
    const stored = db.sqlite.prepare('SELECT target FROM audit_entries ORDER BY idx').all() as Array<{ target: string }>;
    expect(stored.map((r) => r.target)).toEqual(['D-1', 'D-3']);
    expect((await log.verify()).ok).toBe(true);
  });

  it('When it is appended inside a store transaction, then it commits or rolls back with that transaction', async () => {
    const { db, log } = setup();
    db.sqlite.exec('CREATE TABLE effects (id TEXT PRIMARY KEY)');
    const effect = (id: string, fail: boolean) =>
      db.store.transaction(async () => {
        await db.store.run(() => db.sqlite.prepare('INSERT INTO effects (id) VALUES (?)').run(id));
        log.append(entry(id), { now: true });
        if (fail) throw new Error('effect failed after its audit entry');
      });
    await effect('D-1', false);
    await expect(effect('D-2', true)).rejects.toThrow('effect failed');
    log.append(entry('D-3'), { now: true });
    const stored = db.sqlite.prepare('SELECT target FROM audit_entries ORDER BY idx').all() as Array<{ target: string }>;
    expect(stored.map((r) => r.target)).toEqual(['D-1', 'D-3']);
    expect((await log.verify()).ok).toBe(true);
  });
});

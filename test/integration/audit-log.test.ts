import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { encodeCheckpoint } from '../../src/domain/audit/audit-checkpoint.js';
import { AuditLog } from '../../src/domain/audit/audit-log.js';
import type { AuditRepository } from '../../src/domain/audit/audit-repository.js';
import type { AuditInput } from '../../src/shared/audit-sink.js';
import { signerFromPrivateKey } from '../../src/domain/audit/audit-signer.js';
import { rootFromLeaves, verifyConsistency, verifyInclusion } from '../../src/domain/audit/merkle.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { tempDb } from '../helpers/temp-db.js';

const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
const hexes = (xs: string[]): Buffer[] => xs.map((x) => Buffer.from(x, 'hex'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const entry = (i: number, extra: Partial<AuditInput> = {}): AuditInput => ({
  actor: `staff-${i % 7}`,
  action: 'access.decision',
  target: `C-${1000 + i}`,
  outcome: i % 5 === 0 ? 'denied' : 'success',
  reason: i % 5 === 0 ? 'not_on_care_team' : undefined,
  trace: `T${i}`,
  ...extra,
});

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function setup(opts: ConstructorParameters<typeof AuditLog>[1] = {}) {
  const db = tempDb();
  cleanups.push(db.cleanup);
  const clock = new ManualClock();
  const log = new AuditLog({ sqlite: db.sqlite, store: db.store, clock, signer, logger: silentLogger, region: 'HK' }, opts);
  return { db, clock, log };
}

describe('AuditLog', () => {
  it('When entries are appended, then indexes are consecutive and a flush puts them and their tree on disk', async () => {
    const { log } = setup();
    const idxs = Array.from({ length: 37 }, (_, i) => log.append(entry(i)));
    expect(idxs).toEqual(Array.from({ length: 37 }, (_, i) => i));
    expect(await log.repo.size()).toBe(0); // still queued: nothing was written per entry
    await log.flush();
    expect(await log.repo.size()).toBe(37);
    expect(await log.repo.nodeCount()).toBe(37 - 3); // 37 = 100101b: n - popcount(n) complete subtrees
    const leaves: Buffer[] = [];
    for (let i = 0; i < 37; i++) leaves.push((await log.repo.entry(i))!.leafHash);
    expect((await log.proofs.root()).equals(rootFromLeaves(leaves))).toBe(true);
    expect(await log.repo.entry(5)).toMatchObject({ actor: 'staff-5', outcome: 'denied', reason: 'not_on_care_team', trace: 'T5' });
  });

  it('When nobody flushes, then the short group-commit timer writes the batch', async () => {
    const { log } = setup({ flushDelayMs: 2 });
    log.append(entry(1));
    log.append(entry(2));
    expect(log.queued).toBe(2);
    await vi.waitFor(async () => expect(await log.repo.size()).toBe(2), { timeout: 1000, interval: 5 });
    expect(log.queued).toBe(0);
  });

  it('When many entries arrive, then they are written in large batches, not one transaction each', async () => {
    const { log } = setup({ maxBatch: 1000 });
    const writes = vi.spyOn((log as unknown as { sql: AuditRepository }).sql, 'writeTransaction');
    for (let i = 0; i < 2500; i++) log.append(entry(i));
    expect(writes).toHaveBeenCalledTimes(2); // at 1000 and 2000, synchronously
    await log.flush();
    expect(writes).toHaveBeenCalledTimes(3);
    expect(await log.repo.size()).toBe(2500);
  });

  it('When reopened, then it resumes the same tree and proofs span old and new entries', async () => {
    const first = setup();
    for (let i = 0; i < 21; i++) first.log.append(entry(i));
    await first.log.close();
    const oldHead = (await first.log.repo.latestCheckpoint())!;
    expect(oldHead.treeSize).toBe(21);
    first.db.close();

    const db = openDatabase(`file:${first.db.path}`);
    cleanups.unshift(() => db.close());
    const log = new AuditLog({ sqlite: db.sqlite, store: db.store, clock: first.clock, signer, logger: silentLogger, region: 'HK' });
    expect(log.size).toBe(21);
    expect(log.append(entry(21))).toBe(21);
    for (let i = 22; i < 50; i++) log.append(entry(i));
    await log.flush();

    const leaves: Buffer[] = [];
    for (let i = 0; i < 50; i++) leaves.push((await log.repo.entry(i))!.leafHash);
    const root = rootFromLeaves(leaves);
    expect((await log.proofs.root()).equals(root)).toBe(true);
    const p = await log.proofs.inclusion(3);
    expect(p).toMatchObject({ index: 3, treeSize: 50, root: root.toString('hex') });
    expect(verifyInclusion(3, 50, leaves[3]!, hexes(p.path), root)).toBe(true);
    const c = await log.proofs.consistency(oldHead.treeSize, 50);
    expect(verifyConsistency(21, 50, oldHead.rootHash, root, hexes(c.path))).toBe(true);
    expect(await log.verify()).toMatchObject({ ok: true, size: 50 });
  });

  it('When a second process appends to the same file, then both logs land and the tree stays whole', async () => {
    const { log, db, clock } = setup();
    const other = openDatabase(`file:${db.path}`);
    cleanups.unshift(() => other.close());
    const admin = new AuditLog({ sqlite: other.sqlite, store: other.store, clock, signer, logger: silentLogger, region: 'HK' });
    log.append(entry(0));
    await log.flush();
    admin.append(entry(100)); // admin resumed at 0 before that flush: its queued entry must move
    for (let i = 1; i < 6; i++) log.append(entry(i));
    await admin.flush();
    await log.flush();
    admin.append(entry(101));
    await admin.close();
    await log.close();
    expect(await log.repo.size()).toBe(8);
    expect(await log.repo.findByTrace('T100')).toMatchObject([{ idx: 1 }]);
    expect(await new AuditLog({ sqlite: db.sqlite, store: db.store, clock, signer, logger: silentLogger, region: 'HK' }).verify()).toMatchObject({
      ok: true,
      size: 8,
      checkpoints: 2,
    });
  });

  it('When a checkpoint is written, then it is signed over size, root and time and the timer adds more only on growth', async () => {
    const { log, clock } = setup();
    for (let i = 0; i < 10; i++) log.append(entry(i));
    const head = await log.checkpoint(); // writes the queued entries in the same transaction
    expect(await log.repo.size()).toBe(10);
    expect(head).toMatchObject({ treeSize: 10, at: clock.now(), keyId: signer.keyId });
    expect(head.rootHash.equals(await log.proofs.root(10))).toBe(true);
    expect(signer.verify(encodeCheckpoint(head), head.signature)).toBe(true);

    const stop = log.startCheckpointTimer(10);
    await sleep(40);
    expect(await log.repo.checkpoints()).toHaveLength(1); // nothing new to sign
    log.append(entry(10));
    await vi.waitFor(async () => expect(await log.repo.checkpoints()).toHaveLength(2), { timeout: 1000, interval: 5 });
    stop();
    expect((await log.repo.latestCheckpoint())!.treeSize).toBe(11);
  });

  it('When a write fails, then the batch stays queued and lands once the database accepts it', async () => {
    const { log, db } = setup();
    db.sqlite.exec(`CREATE TRIGGER audit_block BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    for (let i = 0; i < 5; i++) log.append(entry(i));
    await expect(log.flush()).rejects.toMatchObject({ code: 'internal' });
    expect(log.queued).toBe(5);
    db.sqlite.exec('DROP TRIGGER audit_block');
    await log.flush();
    expect(await log.repo.size()).toBe(5);
    expect(await log.verify()).toMatchObject({ ok: true, size: 5 });
  });

  it('When appended inside a caller transaction, then the write waits until that transaction is over', async () => {
    const { log, db } = setup({ maxBatch: 1 });
    const onDisk = () => db.sqlite.prepare('SELECT COUNT(*) FROM audit_entries').pluck().get();
    db.sqlite.transaction(() => {
      expect(log.append(entry(0))).toBe(0);
      expect(onDisk()).toBe(0);
    })();
    await log.flush();
    expect(await log.repo.size()).toBe(1);
  });

  it('When appended inside a store transaction, then the background write waits for its COMMIT and lands outside it', async () => {
    const { log, db } = setup({ maxBatch: 1, flushDelayMs: 0 });
    const onDisk = () => db.sqlite.prepare('SELECT COUNT(*) FROM audit_entries').pluck().get();
    await expect(
      db.store.transaction(async () => {
        log.append(entry(0));
        // A 0 ms timer set after the group-commit timer (also 0 ms) fires after it: that write has been tried.
        await new Promise((r) => setTimeout(r, 0));
        expect(onDisk()).toBe(0);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await log.flush();
    expect(await log.repo.size()).toBe(1); // not rolled back with the body it was appended in
  });

  it('When a field holds free text or an HKID, then append refuses it without echoing the value', () => {
    const { log } = setup();
    const bad: Partial<AuditInput>[] = [
      { target: 'patient A123456(3)' },
      { target: 'A123456(3)' },
      { reason: 'Doctor said the patient is fine' },
      { action: 'Access Decision' },
      { actor: '' },
      { outcome: 'maybe' as AuditInput['outcome'] },
    ];
    for (const b of bad) {
      try {
        log.append(entry(1, b));
        expect.unreachable();
      } catch (e) {
        expect((e as { code: string }).code).toBe('request.invalid');
        expect((e as Error).message).not.toMatch(/A123456|Doctor/);
      }
    }
    expect(log.size).toBe(0);
  });

  it('When closed, then it refuses appends and the last head covers everything', async () => {
    const { log } = setup();
    log.append(entry(0));
    await log.close();
    expect(() => log.append(entry(1))).toThrow();
    expect((await log.repo.latestCheckpoint())!.treeSize).toBe(1);
  });
});

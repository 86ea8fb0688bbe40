import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { runAuditCommand } from '../../../src/domain/audit/audit-commands.js';
import { AuditLog } from '../../../src/domain/audit/audit-log.js';
import { PgAuditLog } from '../../../src/domain/audit/audit-log-pg.js';
import { signerFromPrivateKey } from '../../../src/domain/audit/audit-signer.js';
import { rootFromLeaves, verifyConsistency, verifyInclusion } from '../../../src/domain/audit/merkle.js';
import type { AuditInput } from '../../../src/shared/audit-sink.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
const hexes = (xs: string[]): Buffer[] => xs.map((x) => Buffer.from(x, 'hex'));
const DAY = 86_400_000;
const entry = (i: number, extra: Partial<AuditInput> = {}): AuditInput => ({
  actor: `staff-${i % 3}`,
  action: 'access.decision',
  target: `C-${i % 4}`,
  outcome: i % 5 === 0 ? 'denied' : 'success',
  reason: i % 5 === 0 ? 'not_on_care_team' : undefined,
  trace: `T${i}`,
  ...extra,
});

type Log = Pick<AuditLog, 'append' | 'flush' | 'checkpoint' | 'verify' | 'repo' | 'proofs'>;

describeOnBothStores(
  'audit log contract',
  (s): { log: Log; clock: ManualClock; tamper(idx: number): Promise<void> } => {
    const clock = new ManualClock(Date.UTC(2026, 11, 1, 0, 0, 0));
    const deps = { clock, signer, logger: silentLogger, region: 'HK' };
    if (s.kind === 'sqlite') {
      const { sqlite, store } = s.sqlite;
      return { log: new AuditLog({ ...deps, sqlite, store }), clock, tamper: async (idx) => void sqlite.prepare("UPDATE audit_entries SET actor = 'mallory' WHERE idx = ?").run(idx) };
    }
    const pg = s.pg;
    return { log: new PgAuditLog({ ...deps, store: pg }), clock, tamper: async (idx) => void (await pg.db().execute(sql`UPDATE audit_entries SET actor = 'mallory' WHERE idx = ${idx}`)) };
  },
  (get) => {
    it('appends group-commit in order; the queries filter, page and find by trace and target', async () => {
      const { log } = get().repo;
      for (let i = 0; i < 23; i++) log.append(entry(i));
      await log.flush();
      expect(await log.repo.size()).toBe(23);
      expect(await log.repo.nodeCount()).toBe(23 - 4);
      expect(await log.repo.entry(5)).toMatchObject({ idx: 5, actor: 'staff-2', outcome: 'denied', reason: 'not_on_care_team', trace: 'T5' });
      const page1 = await log.repo.list({ outcome: 'denied' }, { limit: 3 });
      expect(page1.entries.map((e) => e.idx)).toEqual([20, 15, 10]);
      const page2 = await log.repo.list({ outcome: 'denied' }, { limit: 3, before: page1.nextBefore! });
      expect([page2.entries.map((e) => e.idx), page2.nextBefore]).toEqual([[5, 0], null]);
      expect((await log.repo.list({ actor: 'staff-1', target: 'C-1' })).entries.map((e) => e.idx)).toEqual([13, 1]);
      expect((await log.repo.findByTrace('T7')).map((e) => e.idx)).toEqual([7]);
      expect((await log.repo.byTargets(['C-3', 'C-0'], 4)).map((e) => e.idx)).toEqual([0, 3, 4, 7]);
      // Keyset pages (the data access report reads its access log in pages): after leaf 4, the next two.
      expect((await log.repo.byTargets(['C-3', 'C-0'], 2, 4)).map((e) => e.idx)).toEqual([7, 8]);
      expect((await log.repo.entriesFrom(21, 10)).map((e) => e.idx)).toEqual([21, 22]);
    });

    it('counts per day, shifted to local days, split by reason', async () => {
      const { log, clock } = get().repo;
      const t0 = clock.now() + 10 * DAY;
      log.append({ actor: 'system', action: 'escalation.reminded', outcome: 'success', at: t0 - 3_600_000 });
      log.append({ actor: 'system', action: 'escalation.escalated', outcome: 'denied', reason: 'no_one', at: t0 + 1000 });
      log.append({ actor: 'system', action: 'escalation.escalated', outcome: 'denied', reason: 'no_one', at: t0 + 2000 });
      await log.flush();
      const day = (t: number) => Math.trunc((t + 8 * 3_600_000) / DAY);
      const all = await log.repo.dailyCounts({ actionLike: 'escalation.%', from: t0 - DAY, to: t0 + DAY, dayOffsetMs: 8 * 3_600_000, byReason: false });
      expect(all).toEqual(day(t0 - 3_600_000) === day(t0) ? [{ day: day(t0), reason: null, n: 3 }] : [{ day: day(t0 - 3_600_000), reason: null, n: 1 }, { day: day(t0), reason: null, n: 2 }]);
      const denied = await log.repo.dailyCounts({ actionLike: 'escalation.%', outcome: 'denied', from: t0 - DAY, to: t0 + DAY, dayOffsetMs: 8 * 3_600_000, byReason: true });
      expect(denied).toEqual([{ day: day(t0), reason: 'no_one', n: 2 }]);
      // The audit browser's window: from (inclusive) to (exclusive), with and without an action; none after `to` at all.
      const idxs = async (f: Parameters<typeof log.repo.list>[0]) => (await log.repo.list(f)).entries.map((e) => e.action);
      expect(await idxs({ from: t0 - DAY, to: t0 + 2000 })).toEqual(['escalation.escalated', 'escalation.reminded']);
      expect(await idxs({ from: t0, to: t0 + DAY, action: 'escalation.escalated' })).toEqual(['escalation.escalated', 'escalation.escalated']);
      expect(await idxs({ from: t0 + 1500, to: t0 + 100 * DAY })).toEqual(['escalation.escalated']);
      expect(await idxs({ from: t0 + 3000, to: t0 + DAY })).toEqual([]);
    });

    it('a signed head covers the whole tree; proofs check against it; verify (the CLI command) passes', async () => {
      const { log } = get().repo;
      const head = await log.checkpoint();
      expect(head).toMatchObject({ treeSize: 26, region: 'HK', keyId: signer.keyId });
      expect(await log.repo.latestCheckpoint()).toMatchObject({ id: head.id, treeSize: 26 });
      const leaves: Buffer[] = [];
      for (const e of await log.repo.entriesFrom(0, 100)) leaves.push(e.leafHash);
      expect(head.rootHash.equals(rootFromLeaves(leaves))).toBe(true);
      expect((await log.proofs.root(26)).equals(head.rootHash)).toBe(true);
      const p = await log.proofs.inclusion(9, 26);
      expect(verifyInclusion(9, 26, leaves[9]!, hexes(p.path), head.rootHash)).toBe(true);
      const c = await log.proofs.consistency(11, 26);
      expect(verifyConsistency(11, 26, rootFromLeaves(leaves.slice(0, 11)), head.rootHash, hexes(c.path))).toBe(true);
      await expect(log.proofs.inclusion(26, 26)).rejects.toThrow(expect.objectContaining({ code: 'request.invalid' }));
      expect(await log.verify()).toEqual({ ok: true, size: 26, root: head.rootHash.toString('hex'), checkpoints: 1 });
    });

    it('an entry appended "now" commits with the effect of its transaction, and is gone if that rolls back', async () => {
      const { log } = get().repo;
      const { store } = get();
      await store.transaction(async () => {
        log.append(entry(100, { action: 'document.shared', trace: 'NOW1' }), { now: true });
      });
      expect((await log.repo.findByTrace('NOW1')).map((e) => e.idx)).toEqual([26]);
      await expect(
        store.transaction(async () => {
          log.append(entry(101, { action: 'document.shared', trace: 'NOW2' }), { now: true });
          throw new Error('effect failed');
        }),
      ).rejects.toThrow('effect failed');
      log.append(entry(102, { trace: 'AFTER' }));
      await log.flush();
      expect(await log.repo.findByTrace('NOW2')).toEqual([]);
      expect((await log.repo.findByTrace('AFTER')).map((e) => e.idx)).toEqual([27]);
      expect(await log.verify()).toMatchObject({ ok: true, size: 28 });
    });

    it('a changed entry fails verification, naming it', async () => {
      const { log, tamper } = get().repo;
      await tamper(12);
      const out = await runAuditCommandFor(log);
      expect(out.code).toBe(1);
      expect(await log.verify()).toMatchObject({ ok: false, problem: { reason: 'body_mismatch', index: 12 } });
    });
  },
);

/** `npm run audit -- verify` over the log's own reader. */
function runAuditCommandFor(log: Log) {
  return runAuditCommand(['verify'], { reader: { repo: log.repo, proofs: log.proofs, verify: () => log.verify() }, verifier: signer });
}

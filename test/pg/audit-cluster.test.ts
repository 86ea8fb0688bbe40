import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../src/domain/audit/audit-commands.js';
import { PgAuditLog } from '../../src/domain/audit/audit-log-pg.js';
import { createPgAuditReader } from '../../src/domain/audit/audit-reader-pg.js';
import { createPgAuditRepository } from '../../src/domain/audit/audit-repository-pg.js';
import { signerFromPrivateKey } from '../../src/domain/audit/audit-signer.js';
import type { PgStore } from '../../src/db/pg/pg-store.js';
import type { AuditInput } from '../../src/shared/audit-sink.js';
import { ManualClock, systemClock, type Clock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { usePgInstances } from '../helpers/pg-instances.js';
import { pgAvailable } from '../helpers/pg-test-db.js';

const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
const entry = (who: string, i: number): AuditInput => ({ actor: who, action: 'access.decision', target: `C-${i % 9}`, outcome: 'success', trace: `${who}-${i}` });
const log = (store: PgStore, clock: Clock = systemClock) => new PgAuditLog({ store, clock, signer, logger: silentLogger, region: 'HK' }, { flushDelayMs: 1, maxBatch: 40 });

/** What `npm run audit -- verify` prints and exits with, over a reader of its own (a third connection pool's view). */
async function cliVerify(store: PgStore) {
  const result = await runAuditCommand(['verify'], { reader: createPgAuditReader(store, createPgAuditRepository(store)), verifier: signer });
  return { code: result.code, result: JSON.parse(result.out.slice(result.out.indexOf('{'))) as { ok: boolean; size: number; checkpoints: number } };
}

/** Two instances (two pools) appending to one audit log on one PostgreSQL. */
describe.skipIf(!pgAvailable())('audit log written by two instances at once [postgres]', () => {
  const instances = usePgInstances(3, 'audit_cluster');

  it('hundreds of appends from each, in bursts, inside transactions and not: one tree, sizes add up, verify passes', async () => {
    const [sa, sb, sc] = instances.stores();
    const [a, b] = [await log(sa!).open(), await log(sb!).open()];
    const write = async (who: string, l: PgAuditLog, store: PgStore) => {
      for (let i = 0; i < 400; i++) {
        if (i % 50 === 7) {
          // An effect and its entry in one transaction, as a use case writes them.
          await store.transaction(async () => {
            l.append(entry(who, i), { now: true });
          });
        } else l.append(entry(who, i));
        if (i % 25 === 0) await l.flush();
        if (i % 10 === 0) await new Promise((r) => setImmediate(r));
      }
      await l.flush();
    };
    await Promise.all([write('a', a, sa!), write('b', b, sb!), a.checkpoint(), b.checkpoint()]);
    await Promise.all([a.checkpoint(), b.checkpoint()]);
    const { code, result } = await cliVerify(sc!);
    expect([code, result.ok, result.size]).toEqual([0, true, 800]);
    expect(result.checkpoints).toBeGreaterThanOrEqual(2);
    // Every entry of each instance is there exactly once.
    const reader = createPgAuditRepository(sc!).reads;
    const stored = await reader.entriesFrom(0, 1000);
    expect(stored.map((e) => e.idx)).toEqual([...Array(800).keys()]);
    for (const who of ['a', 'b']) {
      const mine = stored.filter((e) => e.actor === who).map((e) => Number(e.trace!.split('-')[1]));
      expect(mine).toHaveLength(400);
      expect(new Set(mine).size).toBe(400);
    }
    // Both really interleaved: the tree is not one instance's block followed by the other's.
    const switches = stored.filter((e, i) => i > 0 && e.actor !== stored[i - 1]!.actor).length;
    expect(switches).toBeGreaterThan(2);
    await Promise.all([a.close(), b.close()]);
    expect((await cliVerify(sc!)).code).toBe(0);
  });

  it('checkpoints on a timer: one signed head per interval across the cluster, and none when nothing was appended', async () => {
    const [sa, sb, sc] = instances.stores();
    // Later than the heads the first case signed on the real clock, on a minute boundary.
    const clock = new ManualClock(Date.UTC(2030, 0, 1, 0, 0, 0));
    const [a, b] = [await log(sa!, clock).open(), await log(sb!, clock).open()];
    const repo = createPgAuditRepository(sc!).reads;
    const before = (await repo.checkpoints()).length;
    const sign = () => Promise.all([...Array(4).keys()].flatMap(() => [a.signInSlot(60_000), b.signInSlot(60_000)]));
    a.append(entry('a', 1));
    b.append(entry('b', 1));
    await Promise.all([a.flush(), b.flush()]);
    expect((await sign()).filter(Boolean)).toHaveLength(1);
    clock.advance(30_000);
    a.append(entry('a', 2));
    expect((await sign()).filter(Boolean)).toHaveLength(0); // same interval: already signed
    clock.advance(30_000);
    expect((await sign()).filter(Boolean)).toHaveLength(1); // next interval: entry a-2 is not yet under a head
    clock.advance(60_000);
    expect((await sign()).filter(Boolean)).toHaveLength(0); // nothing new since the last head
    const heads = (await repo.checkpoints()).slice(before);
    expect(heads.map((h) => h.treeSize)).toEqual([802, 803]);
    expect((await cliVerify(sc!)).result).toMatchObject({ ok: true, size: 803 });
  });
});

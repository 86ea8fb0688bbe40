import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/domain/audit/audit-log.js';
import type { AuditEntry } from '../../src/domain/audit/audit-entry.js';
import { signerFromPrivateKey } from '../../src/domain/audit/audit-signer.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { tempDb } from '../helpers/temp-db.js';

/** 60 entries, one a minute: 3 actors in turn, every 4th denied, case targets C-0..C-9, traces on every 10th. */
let db: ReturnType<typeof tempDb>;
let log: AuditLog;
const T0 = Date.UTC(2026, 10, 25, 6, 0, 0);

beforeAll(async () => {
  db = tempDb();
  const clock = new ManualClock(T0);
  log = new AuditLog({ sqlite: db.sqlite, store: db.store, clock, signer: signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey), logger: silentLogger, region: 'HK' });
  for (let i = 0; i < 60; i++) {
    log.append({
      actor: `staff-${i % 3}`,
      action: i % 2 === 0 ? 'document.viewed' : 'case.opened',
      target: `C-${i % 10}`,
      outcome: i % 4 === 0 ? 'denied' : 'success',
      reason: i % 4 === 0 ? 'not_on_care_team' : undefined,
      trace: i % 10 === 0 ? `W${i}` : undefined,
    });
    clock.advance(60_000);
  }
  await log.flush();
});
afterAll(async () => {
  await log.close();
  db.cleanup();
});

const idxs = (es: AuditEntry[]) => es.map((e) => e.idx);

describe('audit queries', () => {
  it('When looking up a trace code, then exactly its entry comes back', async () => {
    expect(idxs(await log.repo.findByTrace('W30'))).toEqual([30]);
    expect(await log.repo.findByTrace('W31')).toEqual([]);
  });

  it('When filtering on several fields, then only entries matching all of them come back, newest first', async () => {
    const { entries } = await log.repo.list({ actor: 'staff-0', outcome: 'denied', target: 'C-0' });
    // i ≡ 0 (mod 3), i ≡ 0 (mod 4), i ≡ 0 (mod 10)  ⇒  i ∈ {0, 60…}
    expect(idxs(entries)).toEqual([0]);
    const viewed = (await log.repo.list({ action: 'document.viewed', actor: 'staff-1' })).entries;
    expect(idxs(viewed)).toEqual([58, 52, 46, 40, 34, 28, 22, 16, 10, 4]);
  });

  it('When given a time range, then from is inclusive and to is exclusive', async () => {
    const { entries } = await log.repo.list({ from: T0 + 10 * 60_000, to: T0 + 13 * 60_000 });
    expect(idxs(entries)).toEqual([12, 11, 10]);
  });

  it('When paging, then pages are disjoint, ordered, and end with a null cursor', async () => {
    const seen: number[] = [];
    let before: number | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await log.repo.list({ outcome: 'success' }, { limit: 20, before });
      seen.push(...idxs(page.entries));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    const expected = Array.from({ length: 60 }, (_, i) => 59 - i).filter((i) => i % 4 !== 0);
    expect(seen).toEqual(expected); // 45 entries: pages of 20, 20, 5
  });
});

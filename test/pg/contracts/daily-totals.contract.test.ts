import { generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { AuditLog } from '../../../src/domain/audit/audit-log.js';
import { PgAuditLog } from '../../../src/domain/audit/audit-log-pg.js';
import { signerFromPrivateKey } from '../../../src/domain/audit/audit-signer.js';
import { createPgJobsRepository } from '../../../src/domain/jobs/jobs-repository-pg.js';
import { createJobsRepository } from '../../../src/domain/jobs/jobs-repository.js';
import { createPgTotalsBackfill } from '../../../src/domain/reports/daily-totals-backfill-pg.js';
import { createTotalsBackfill, TOTALS_BACKFILL } from '../../../src/domain/reports/daily-totals-backfill.js';
import { createPgDailyTotalsRepository } from '../../../src/domain/reports/daily-totals-repository-pg.js';
import { createDailyTotalsRepository } from '../../../src/domain/reports/daily-totals-repository.js';
import { firstViewTotal, hkDay, HK_OFFSET_MS, sharedTotal, tally, TOTALS, type TotalRow } from '../../../src/domain/reports/daily-totals.js';
import { createPgDocumentRepository } from '../../../src/domain/sharing/document-repository-pg.js';
import { createDocumentRepository } from '../../../src/domain/sharing/document-repository.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);

/**
 * The dashboard's running totals (daily_totals) are kept as events are written — audit entries in
 * the audit writer's transaction, report shares and first views in the document repository's — and
 * always equal a recount of the events; the one-off backfill, run in small batches, gives the same.
 */
describeOnBothStores(
  'daily totals contract',
  (s) => {
    const clock = new ManualClock(T0);
    const deps = { clock, signer, logger: silentLogger, region: 'HK' };
    if (s.kind === 'sqlite') {
      const { db, sqlite, store } = s.sqlite;
      return {
        clock,
        log: new AuditLog({ ...deps, sqlite, store }),
        documents: createDocumentRepository(db, store),
        totals: createDailyTotalsRepository(db, store),
        backfill: createTotalsBackfill(db, store),
        jobs: createJobsRepository(db, store),
      };
    }
    return {
      clock,
      log: new PgAuditLog({ ...deps, store: s.pg }),
      documents: createPgDocumentRepository(s.pg),
      totals: createPgDailyTotalsRepository(s.pg),
      backfill: createPgTotalsBackfill(s.pg),
      jobs: createPgJobsRepository(s.pg),
    };
  },
  (get) => {
    const from = T0 - 10 * DAY;
    const to = T0 + 10 * DAY;
    const sorted = (rows: TotalRow[]) => rows.map((r) => `${r.day} ${r.metric} ${r.dimension} ${r.n}`).sort();

    /** What the dashboard used to compute by scanning: the events recounted into rows. */
    async function recount(): Promise<string[]> {
      const { log, documents } = get().repo;
      const keys = [];
      for (const r of await documents.firstViewsOfShared(from, to)) {
        keys.push(sharedTotal(r.sharedAt));
        if (r.firstViewAt !== null) keys.push(firstViewTotal(r.sharedAt, r.firstViewAt));
      }
      const rows = tally(keys);
      for (const c of await log.repo.dailyCounts({ actionLike: 'access.decision', outcome: 'denied', from, to, dayOffsetMs: HK_OFFSET_MS, byReason: true }))
        rows.push({ day: c.day, metric: TOTALS.denial, dimension: c.reason ?? 'unknown', n: c.n });
      for (const c of await log.repo.dailyCounts({ actionLike: 'escalation.%', from, to, dayOffsetMs: HK_OFFSET_MS, byReason: false }))
        rows.push({ day: c.day, metric: TOTALS.escalation, dimension: '', n: c.n });
      return sorted(rows);
    }
    const stored = async () => sorted(await get().repo.totals.between(hkDay(from), hkDay(to), Object.values(TOTALS)));

    it('a fresh store has nothing to backfill: both jobs are done from the migration', async () => {
      const { jobs } = get().repo;
      expect(await jobs.state(TOTALS_BACKFILL.audit)).toEqual({ cursor: '0/0', doneAt: 0 });
      expect((await jobs.state(TOTALS_BACKFILL.reports))?.doneAt).toBe(0);
    });

    it('running totals equal a recount of the events, across days, reasons, repeat views and the author’s own views', async () => {
      const { log, documents } = get().repo;
      const doc = (id: string, createdAt: number, kind: 'report' | 'ephemeral' = 'report') =>
        documents.insert({ id, caseId: 'c', authorId: 'author', kind, mediaType: 'application/pdf', size: 1, createdAt });
      await doc('a', T0);
      await doc('b', T0 + 90_000);
      await doc('c', T0 - 2 * DAY);
      await doc('d', T0 - 2 * DAY + 5);
      await doc('e', T0, 'ephemeral');
      await documents.upsertViewed('a', 'author', T0 + 1000); // the author's own view never counts
      await documents.upsertViewed('a', 'x', T0 + 150_000);
      await documents.upsertViewed('a', 'y', T0 + 160_009); // not the first: a view already came
      await documents.upsertViewed('a', 'x', T0 + 400_000);
      await documents.upsertViewed('c', 'y', T0 - 2 * DAY + 33_000);
      await documents.upsertViewed('e', 'x', T0 + 5);
      await documents.insert({ id: 'a', caseId: 'c', authorId: 'author', kind: 'report', mediaType: 'application/pdf', size: 1, createdAt: T0 }); // a repeat insert adds nothing
      for (let i = 0; i < 12; i++) {
        log.append({ actor: `s${i}`, action: 'access.decision', outcome: i % 3 ? 'denied' : 'success', reason: i % 2 ? 'not_on_care_team' : undefined, at: T0 - (i % 4) * DAY });
        log.append({ actor: 'system', action: i % 2 ? 'escalation.escalated' : 'escalation.reminded', outcome: 'success', at: T0 + i * 3_600_000 });
        log.append({ actor: 'system', action: 'document.viewed', outcome: 'success', at: T0 });
      }
      await log.flush();
      const recounted = await recount();
      expect(recounted.length).toBeGreaterThan(6);
      expect(await stored()).toEqual(recounted);
    });

    it('the backfill, from an empty table in small batches, counts every event once (the same as the recount)', async () => {
      const { store } = get();
      const { backfill, clock } = get().repo;
      const before = await recount();
      const size = (await rawSql<{ n: number | string }>(store, 'select count(*) as n from audit_entries'))[0]!.n;
      await rawSql(store, 'delete from daily_totals');
      await rawSql(store, `update background_jobs set cursor = '0/${size}', done_at = null where name = '${TOTALS_BACKFILL.audit}'`);
      await rawSql(store, `update background_jobs set cursor = '${T0 + 100 * DAY}/', done_at = null where name = '${TOTALS_BACKFILL.reports}'`);
      let cursor: string | null = `0/${size}`;
      let batches = 0;
      while (cursor !== null) (cursor = await backfill.auditBatch(cursor, 7, clock.now())), batches++;
      expect(batches).toBe(Math.ceil(Number(size) / 7));
      cursor = `${T0 + 100 * DAY}/`;
      while (cursor !== null) cursor = await backfill.reportsBatch(cursor, 2, clock.now());
      expect(await stored()).toEqual(before);
      expect((await get().repo.jobs.state(TOTALS_BACKFILL.reports))?.doneAt).toBe(clock.now());
    });

    it('a first view after the live counting began is left to the live count, not backfilled', async () => {
      const { backfill, documents, clock } = get().repo;
      const before = await stored();
      await documents.upsertViewed('d', 'z', T0 + 3 * DAY); // live: counted now
      const after = await stored();
      expect(after).not.toEqual(before);
      await rawSql(get().store, 'delete from daily_totals');
      let cursor: string | null = `${T0}/`; // the live counting began at T0: d's view came after it
      while (cursor !== null) cursor = await backfill.reportsBatch(cursor, 50, clock.now());
      const shares = sorted(await get().repo.totals.between(hkDay(from), hkDay(to), [TOTALS.reportFirstView]));
      expect(shares.some((r) => r.includes(` ${Math.round((3 * DAY - 5) / 6000)} `))).toBe(false);
    });
  },
);

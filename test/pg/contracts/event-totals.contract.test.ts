import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgApprovalRepository } from '../../../src/domain/approvals/approval-repository-pg.js';
import { createApprovalRepository } from '../../../src/domain/approvals/approval-repository.js';
import type { ApproverStep } from '../../../src/domain/approvals/approval-steps.js';
import { createPgEscalationRepository } from '../../../src/domain/escalation/escalation-repository-pg.js';
import { createEscalationRepository } from '../../../src/domain/escalation/escalation-repository.js';
import { createPgJobsRepository } from '../../../src/domain/jobs/jobs-repository-pg.js';
import { createJobsRepository } from '../../../src/domain/jobs/jobs-repository.js';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { createPgAlertStatsRepository } from '../../../src/domain/reports/alert-stats-repository-pg.js';
import { createAlertStatsRepository } from '../../../src/domain/reports/alert-stats-repository.js';
import { TOTALS_BACKFILL } from '../../../src/domain/reports/daily-totals-backfill.js';
import { createPgDailyTotalsRepository } from '../../../src/domain/reports/daily-totals-repository-pg.js';
import { createDailyTotalsRepository } from '../../../src/domain/reports/daily-totals-repository.js';
import { hkDay, HK_OFFSET_MS } from '../../../src/domain/reports/daily-totals.js';
import { ALERT_OPEN_TARGET_MS, createDashboard, percentile } from '../../../src/domain/reports/dashboard.js';
import { createPgEventTotalsBackfill } from '../../../src/domain/reports/event-totals-backfill-pg.js';
import { createEventTotalsBackfill } from '../../../src/domain/reports/event-totals-backfill.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));
const chain = ['attending'] as unknown as ApproverStep[];
const DAY = 86_400_000;
const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 5, 3, 0, 0);

/**
 * Issue 15 item 3: the dashboard's approval turnaround and alert figures come from running totals
 * (daily_totals) kept as requests are decided and alerts raised and opened, and equal what the range
 * queries over the events (decidedBetween, alertRecipientsBetween) give; the one-off backfill, in
 * small batches, gives the same for what was there before.
 */
describeOnBothStores(
  'approval and alert running totals',
  (s) => {
    const clock = new ManualClock(T0 + 3 * DAY);
    return s.kind === 'sqlite'
      ? {
          clock,
          approvals: createApprovalRepository(s.sqlite.db, s.sqlite.store, texts),
          escalation: createEscalationRepository(s.sqlite.db, s.sqlite.store),
          alerts: createAlertStatsRepository(s.sqlite.db, s.sqlite.store),
          dashboard: createDashboard({ totals: createDailyTotalsRepository(s.sqlite.db, s.sqlite.store), clock }),
          backfill: createEventTotalsBackfill(s.sqlite.db, s.sqlite.store),
          jobs: createJobsRepository(s.sqlite.db, s.sqlite.store),
        }
      : {
          clock,
          approvals: createPgApprovalRepository(s.pg, texts),
          escalation: createPgEscalationRepository(s.pg),
          alerts: createPgAlertStatsRepository(s.pg),
          dashboard: createDashboard({ totals: createPgDailyTotalsRepository(s.pg), clock }),
          backfill: createPgEventTotalsBackfill(s.pg),
          jobs: createPgJobsRepository(s.pg),
        };
  },
  (get) => {
    /** The figures as the dashboard computed them before: range queries over the events, per Hong Kong day and in all. */
    async function fromRangeQueries(days: number) {
      const { approvals, alerts, clock } = get().repo;
      const lastDay = hkDay(clock.now());
      const from = (lastDay - days + 1) * DAY - HK_OFFSET_MS;
      const to = clock.now() + 1;
      const per = new Map<number | 'all', { minutes: number[]; total: number; fast: number }>();
      const bucket = (k: number | 'all') => per.get(k) ?? per.set(k, { minutes: [], total: 0, fast: 0 }).get(k)!;
      for (const r of await approvals.decidedBetween(from, to)) for (const k of [hkDay(r.decidedAt!), 'all' as const]) bucket(k).minutes.push((r.decidedAt! - r.createdAt) / MIN);
      for (const a of await alerts.alertRecipientsBetween(from, to)) {
        for (const k of [hkDay(a.createdAt), 'all' as const]) {
          bucket(k).total++;
          if (a.stopReason === 'opened' && a.stoppedAt !== null && a.stoppedAt - a.createdAt <= ALERT_OPEN_TARGET_MS) bucket(k).fast++;
        }
      }
      const figures = (k: number | 'all') => {
        const b = per.get(k) ?? { minutes: [], total: 0, fast: 0 };
        return {
          approvalTurnaround: { decided: b.minutes.length, medianMinutes: percentile(b.minutes, 50) },
          alerts: { total: b.total, openedWithin5m: b.fast, ratio: b.total ? Math.round((b.fast / b.total) * 1000) / 1000 : 0 },
        };
      };
      return { series: Array.from({ length: days }, (_, i) => figures(lastDay - days + 1 + i)), totals: figures('all') };
    }
    async function fromTotals(days: 7 | 30) {
      const d = await get().repo.dashboard.build(days);
      const pick = (f: typeof d.totals) => ({ approvalTurnaround: f.approvalTurnaround, alerts: f.alerts });
      return { series: d.series.map(pick), totals: pick(d.totals) };
    }

    it('a fresh store has nothing to backfill: both jobs are done from the migration', async () => {
      const { jobs } = get().repo;
      expect((await jobs.state(TOTALS_BACKFILL.approvals))?.doneAt).toBe(0);
      expect((await jobs.state(TOTALS_BACKFILL.alerts))?.doneAt).toBe(0);
    });

    it('the figures from running totals equal the range queries: decisions across days, expiries and steps left out; alerts opened in time, late, by no one', async () => {
      const { approvals, escalation } = get().repo;
      const minutes = [3, 7.26, 45, 0.5, 120, 7.26, 19, 61.04];
      for (let i = 0; i < minutes.length; i++) {
        const createdAt = T0 - (i % 4) * DAY + i * 1000;
        await approvals.insert({ id: `r${i}`, documentId: `d${i}`, caseId: 'c', requesterId: 'q', reasonCode: 'consult', chain, createdAt, expiresAt: createdAt + DAY });
        expect(await approvals.transition(`r${i}`, 0, { status: i % 3 ? 'approved' : 'denied', stepIndex: 0, decidedAt: createdAt + minutes[i]! * MIN })).toBe(true);
        expect(await approvals.transition(`r${i}`, 0, { status: 'approved', stepIndex: 0, decidedAt: createdAt + DAY })).toBe(false); // decided once
      }
      await approvals.insert({ id: 'r-exp', documentId: 'dx', caseId: 'c', requesterId: 'q', reasonCode: 'consult', chain, createdAt: T0, expiresAt: T0 + 1 });
      await approvals.expire('r-exp', T0 + 5);
      await approvals.insert({ id: 'r-step', documentId: 'dy', caseId: 'c', requesterId: 'q', reasonCode: 'consult', chain, createdAt: T0, expiresAt: T0 + DAY });
      await approvals.transition('r-step', 0, { status: 'pending', stepIndex: 1 });
      const alert = (item: string, who: string, createdAt: number, itemType: 'alert' | 'document' = 'alert') =>
        escalation.insert({ itemId: item, recipientId: who, itemType, caseId: 'c', initiatorId: 'a', status: 'active', nextAt: createdAt + MIN, createdAt });
      for (let i = 0; i < 9; i++) await alert(`al${i % 3}`, `u${i}`, T0 - (i % 3) * DAY + i);
      expect(await alert('al0', 'u0', T0)).toBe(false); // a repeat insert adds nothing
      await alert('doc1', 'u1', T0, 'document');
      await escalation.end('al0', 'u0', 'stopped', 'opened', T0 + 2 * MIN);
      await escalation.end('al0', 'u3', 'stopped', 'opened', T0 + 3 + ALERT_OPEN_TARGET_MS); // exactly 5 minutes: in time
      await escalation.end('al1', 'u1', 'stopped', 'opened', T0 - DAY + 20 * MIN); // late
      await escalation.end('al2', 'u2', 'exhausted', 'chain_exhausted', T0 - 2 * DAY + MIN);
      await escalation.end('doc1', 'u1', 'stopped', 'opened', T0 + MIN);
      expect(await escalation.end('al0', 'u0', 'stopped', 'opened', T0 + 3 * MIN)).toBe(false); // ended once
      const expected = await fromRangeQueries(7);
      expect(expected.totals.approvalTurnaround.decided).toBe(8);
      expect(expected.totals.alerts).toMatchObject({ total: 9, openedWithin5m: 2 });
      expect(await fromTotals(7)).toEqual(expected);
      expect(await fromTotals(30)).toEqual(await fromRangeQueries(30));
    });

    it('the backfill, from no totals in small batches, counts what was there once (the same figures)', async () => {
      const { store } = get();
      const { backfill, clock, jobs } = get().repo;
      const before = await fromTotals(7);
      await rawSql(store, "delete from daily_totals where metric in ('approval_decided', 'alert_raised', 'alert_opened_fast')");
      expect((await fromTotals(7)).totals.alerts.total).toBe(0);
      const boundary = clock.now();
      let cursor: string | null = `${boundary}/`;
      let batches = 0;
      while (cursor !== null) (cursor = await backfill.approvalsBatch(cursor, 3, clock.now())), batches++;
      expect(batches).toBe(3); // 8 decided requests, 3 a batch
      cursor = `${boundary}/`;
      while (cursor !== null) cursor = await backfill.alertsBatch(cursor, 2, clock.now());
      expect(await fromTotals(7)).toEqual(before);
      expect((await jobs.state(TOTALS_BACKFILL.alerts))?.doneAt).toBe(clock.now());
    });

    it('an alert opened after the live counting began is left to the live count, not backfilled', async () => {
      const { store } = get();
      const { backfill, escalation, clock } = get().repo;
      // Before the live counting began (at `boundary`): every alert so far, and al9 raised; nothing counted.
      await escalation.insert({ itemId: 'al9', recipientId: 'late', itemType: 'alert', caseId: 'c', initiatorId: 'a', status: 'active', nextAt: T0, createdAt: T0 + 9 * MIN });
      await rawSql(store, "delete from daily_totals where metric in ('alert_raised', 'alert_opened_fast')");
      const boundary = T0 + 10 * MIN;
      await escalation.end('al9', 'late', 'stopped', 'opened', T0 + 11 * MIN); // after it: counted live
      let cursor: string | null = `${boundary}/`;
      while (cursor !== null) cursor = await backfill.alertsBatch(cursor, 4, clock.now());
      const expected = await fromRangeQueries(7);
      expect(expected.totals.alerts).toMatchObject({ total: 10, openedWithin5m: 3 });
      expect((await fromTotals(7)).totals.alerts).toEqual(expected.totals.alerts);
    });
  },
);

import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ReferralSeverity } from '../../../src/contract/referrals.js';
import { createPgJobsRepository } from '../../../src/domain/jobs/jobs-repository-pg.js';
import { createJobsRepository } from '../../../src/domain/jobs/jobs-repository.js';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { createPgReferralRepository } from '../../../src/domain/referrals/referral-repository-pg.js';
import { createReferralRepository, type NewReferral } from '../../../src/domain/referrals/referral-repository.js';
import { TOTALS_BACKFILL } from '../../../src/domain/reports/daily-totals-backfill.js';
import { createPgDailyTotalsRepository } from '../../../src/domain/reports/daily-totals-repository-pg.js';
import { createDailyTotalsRepository } from '../../../src/domain/reports/daily-totals-repository.js';
import { hkDay, HK_OFFSET_MS } from '../../../src/domain/reports/daily-totals.js';
import { createPgEventTotalsBackfill } from '../../../src/domain/reports/event-totals-backfill-pg.js';
import { createEventTotalsBackfill } from '../../../src/domain/reports/event-totals-backfill.js';
import { acceptBucketMs } from '../../../src/domain/reports/referral-accept-totals.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { referralStats } from '../../../src/usecases/admin/referral-stats.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));
const SEC = 1000;
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** 11:00 in Hong Kong. */
const NOW = Date.UTC(2026, 11, 8, 3, 0, 0);
const SEVERITIES: ReferralSeverity[] = ['emergency', 'urgent', 'routine'];
/** Times to accept across the resolutions: sub-second, seconds, minutes, the hour's edge, hours, days. */
const TOOK = [400, 45 * SEC + 123, 12 * MIN + 5 * SEC, HOUR - 100, 3 * HOUR + 17 * MIN + 20 * SEC, 26 * HOUR + 5 * MIN, 7 * SEC, 90 * MIN + 59 * SEC, 2 * MIN];

/**
 * Issue 15 item 3: the dashboard's time to accept referrals comes from running totals (daily_totals,
 * referral_accepted) kept as referrals are accepted, and equals what the card computed before from
 * every accepted referral sent in the period (nearest-rank median and p90 per severity × specialty),
 * at the totals' resolution (acceptBucketMs); the one-off backfill, in small batches, gives the same
 * for referrals accepted before the totals began.
 */
describeOnBothStores(
  'referral time-to-accept running totals',
  (s) => {
    const clock = new ManualClock(NOW);
    return s.kind === 'sqlite'
      ? {
          clock,
          refs: createReferralRepository(s.sqlite.db, s.sqlite.store, texts),
          totals: createDailyTotalsRepository(s.sqlite.db, s.sqlite.store),
          backfill: createEventTotalsBackfill(s.sqlite.db, s.sqlite.store),
          jobs: createJobsRepository(s.sqlite.db, s.sqlite.store),
        }
      : {
          clock,
          refs: createPgReferralRepository(s.pg, texts),
          totals: createPgDailyTotalsRepository(s.pg),
          backfill: createPgEventTotalsBackfill(s.pg),
          jobs: createPgJobsRepository(s.pg),
        };
  },
  (get) => {
    /** The period's first moment: Hong Kong midnight starting the first of the last `days` days. */
    const periodStart = (days: number) => (hkDay(get().repo.clock.now()) - days + 1) * DAY - HK_OFFSET_MS;

    /** The card's figures as computed before the totals: every accepted referral sent in the period, percentiles over the raw times (then at the totals' resolution). */
    async function fromReferrals(days: 7 | 30) {
      const rows = await rawSql<{ severity: ReferralSeverity; specialty: string; sent_at: number; accepted_at: number }>(
        get().store,
        `SELECT severity, specialty, sent_at, accepted_at FROM referrals WHERE status = 'accepted' AND sent_at >= ${periodStart(days)}`,
      );
      const groups = new Map<string, { severity: ReferralSeverity; specialty: string; ms: number[] }>();
      for (const r of rows) {
        const key = `${r.severity}\0${r.specialty}`;
        const g = groups.get(key) ?? groups.set(key, { severity: r.severity, specialty: r.specialty, ms: [] }).get(key)!;
        g.ms.push(Number(r.accepted_at) - Number(r.sent_at));
      }
      const rank = (sorted: number[], p: number) => acceptBucketMs(sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!);
      return [...groups.values()]
        .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.specialty < b.specialty ? -1 : 1))
        .map((g) => {
          const ms = g.ms.sort((a, b) => a - b);
          return { severity: g.severity, specialty: g.specialty, accepted: ms.length, medianMs: rank(ms, 50), p90Ms: rank(ms, 90) };
        });
    }
    const fromTotals = async (days: 7 | 30) => (await referralStats({ ...get().repo, repo: get().repo.refs }, days)).timeToAccept;

    const ref = (id: string, sentAt: number, i: number, specialty = ['cardiology', 'neurology', 'ortho/spine'][i % 3]!): NewReferral => ({
      id, caseId: `case-${i % 5}`, requesterId: 'dr-req', institutionId: 'inst-pwh', specialty, severity: SEVERITIES[(i >> 1) % 3]!, purposeCode: 'referral', assigneeId: `dr-${i % 4}`, sentAt,
    });
    async function accept(id: string, i: number, at: number) {
      expect(await get().repo.refs.close(id, { status: 'accepted', by: `dr-${i % 4}`, at, grantId: null })).toBe(true);
    }

    it('a fresh store has nothing to backfill: the job is done from the migration', async () => {
      expect((await get().repo.jobs.state(TOTALS_BACKFILL.referrals))?.doneAt).toBe(0);
    });

    it('the figures from running totals equal the old computation: across 40 days, declined, cancelled and open ones left out, accepted once', async () => {
      const { refs } = get().repo;
      for (let i = 0; i < 80; i++) {
        const sentAt = NOW - Math.floor(i * 0.5 * DAY) - i * 7919;
        await refs.insert(ref(`r${i}`, sentAt, i));
        if (i % 9 === 4) continue; // still open
        if (i % 7 === 3) await refs.close(`r${i}`, { status: 'declined', by: `dr-${i % 4}`, at: sentAt + MIN, reason: 'no_capacity' });
        else if (i % 11 === 5) await refs.close(`r${i}`, { status: 'cancelled', by: 'dr-req', at: sentAt + MIN });
        else {
          await accept(`r${i}`, i, sentAt + TOOK[i % TOOK.length]!);
          expect(await refs.close(`r${i}`, { status: 'accepted', by: `dr-${i % 4}`, at: sentAt + DAY, grantId: null })).toBe(false); // once
        }
      }
      const week = await fromReferrals(7);
      expect(week.reduce((a, f) => a + f.accepted, 0)).toBeGreaterThan(8);
      expect(await fromTotals(7)).toEqual(week);
      const month = await fromReferrals(30);
      expect(new Set(month.map((f) => f.severity)).size).toBe(3);
      expect(await fromTotals(30)).toEqual(month);
    });

    it('the period starts at Hong Kong midnight: a referral sent at that moment counts, one sent a millisecond before does not', async () => {
      const start = periodStart(7);
      await get().repo.refs.insert(ref('edge-in', start, 0, 'edge'));
      await get().repo.refs.insert(ref('edge-out', start - 1, 1, 'edge-before'));
      await accept('edge-in', 0, start + 5 * SEC);
      await accept('edge-out', 1, start + 6 * SEC);
      const week = await fromTotals(7);
      expect(week.filter((f) => f.specialty.startsWith('edge'))).toEqual([{ severity: 'emergency', specialty: 'edge', accepted: 1, medianMs: 5 * SEC, p90Ms: 5 * SEC }]);
      expect(week).toEqual(await fromReferrals(7));
      expect((await fromTotals(30)).filter((f) => f.specialty.startsWith('edge'))).toHaveLength(2);
    });

    it('the backfill, from no totals in small batches, counts what was accepted before the totals once; a later acceptance is left to the live count', async () => {
      const { store } = get();
      const { backfill, clock, jobs, refs } = get().repo;
      const before = { week: await fromTotals(7), month: await fromTotals(30) };
      await rawSql(store, "delete from daily_totals where metric = 'referral_accepted'");
      expect(await fromTotals(30)).toEqual([]);
      // The live counting began (at `boundary`) after every acceptance so far; 'late', open then, is accepted after it: counted live, not backfilled.
      await refs.insert(ref('late', NOW - 2 * HOUR, 2, 'late'));
      const boundary = Number((await rawSql<{ m: number }>(store, 'SELECT max(accepted_at) AS m FROM referrals'))[0]!.m) + 1;
      await accept('late', 2, boundary + 30 * MIN);
      let cursor: string | null = `${boundary}/`;
      let batches = 0;
      while (cursor !== null) (cursor = await backfill.acceptedBatch(cursor, 7, clock.now())), batches++;
      const accepted = Number((await rawSql<{ n: number }>(store, `SELECT count(*) AS n FROM referrals WHERE status = 'accepted' AND accepted_at < ${boundary}`))[0]!.n);
      expect(batches).toBe(Math.floor(accepted / 7) + 1);
      expect(await fromTotals(7)).toEqual(await fromReferrals(7));
      expect(await fromTotals(30)).toEqual(await fromReferrals(30));
      const withoutLate = (f: { specialty: string }) => f.specialty !== 'late';
      expect((await fromTotals(30)).filter(withoutLate)).toEqual(before.month);
      expect((await fromTotals(7)).find((f) => f.specialty === 'late')).toMatchObject({ accepted: 1, medianMs: acceptBucketMs(boundary + 30 * MIN - (NOW - 2 * HOUR)) });
      expect((await jobs.state(TOTALS_BACKFILL.referrals))?.doneAt).toBe(clock.now());
    });
  },
);

/**
 * P10: referral routing. One routing decision (who is on call at the institution, from the roster
 * repository → the open-referral counts of the chosen tier, one indexed query → the pure tiered choice)
 * among 500 on-call entries (roster shifts: first 100, second 150, shift 250 at one institution ×
 * specialty, all covering the moment asked) with 10k open referrals spread over 1000 clinicians, on a
 * file SQLite store. p50 / p99 over 2000 decisions after a warm-up.
 * Run: npx tsx bench/p10-routing.ts (or `npm run bench -- P10`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/client.js';
import { createFreeTextCipher } from '../src/domain/patients/free-text-cipher.js';
import { createReferralRepository } from '../src/domain/referrals/referral-repository.js';
import { referrals } from '../src/domain/referrals/referral-tables.js';
import { createRosterRepository } from '../src/domain/rosters/roster-repository.js';
import { chooseAssignee } from '../src/usecases/referrals/referral-routing-port.js';
import { percentile, round, type BenchRow } from './row.js';

const OPEN = 10_000;
const CLINICIANS = 1000;
const ON_CALL = { first: 100, second: 150, shift: 250 };
const DECISIONS = Number(process.env.P10_DECISIONS ?? 2000);
const WARMUP = 200;
const GOAL_MS = 5;

const clinician = (i: number) => `clin-${String(i).padStart(5, '0')}`;

export async function benchRouting(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-p10-'));
  const handle = openDatabase(`file:${join(dir, 'p10.db')}`);
  try {
    const statuses = ['sent', 'seen', 'escalated'] as const;
    handle.sqlite.transaction(() => {
      for (let i = 0; i < OPEN; i++) {
        handle.db.insert(referrals).values({
          id: `ref-${i}`, caseId: `case-${i % 3000}`, requesterId: clinician(CLINICIANS + (i % 50)), institutionId: 'PWH', specialty: 'cardiology',
          severity: 'urgent', purposeCode: 'referral', assigneeId: clinician((i * 7919) % CLINICIANS), status: statuses[i % 3]!, sentAt: i,
        }).run();
      }
    })();
    const onCall = createRosterRepository(handle.db, handle.store);
    let next = 0;
    const shifts = (['first', 'second', 'shift'] as const).flatMap((level) =>
      Array.from({ length: ON_CALL[level] }, () => {
        const n = next++;
        return { id: `shift-${n}`, institutionId: 'PWH', specialty: 'cardiology', clinicianId: clinician(n), level, startsAt: -3_600_000 + n, endsAt: 86_400_000 + n, createdBy: 'bench', createdAt: 0 };
      }),
    );
    await onCall.add(shifts);
    await onCall.putSettings({ institutionId: 'PWH', specialty: 'cardiology', ownerClinicianId: null, escalationContactId: clinician(999) });
    const repo = createReferralRepository(handle.db, handle.store, createFreeTextCipher(randomBytes(32)));
    const deps = { onCall, repo, directory: { institutionByCode: async () => undefined }, settings: { fallbackInstitutions: [] } };
    const decide = (i: number) => chooseAssignee(deps, { institutionId: 'PWH', specialty: 'cardiology', requesterId: clinician(i % 100), at: i });
    for (let i = 0; i < WARMUP; i++) await decide(i);
    const times: number[] = [];
    for (let i = 0; i < DECISIONS; i++) {
      const t0 = process.hrtime.bigint();
      const choice = await decide(i);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!choice) throw new Error('routing found nobody');
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    // The roster read alone (the rosters' repository), to see where the time goes.
    const reads: number[] = [];
    for (let i = 0; i < Math.min(DECISIONS, 500); i++) {
      const t0 = process.hrtime.bigint();
      await onCall.onCallAt({ institutionId: 'PWH', specialty: 'cardiology', at: i });
      reads.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    reads.sort((a, b) => a - b);
    return [
      { name: 'P10 of which the roster read (who is on call, 500 shifts) p50', value: round(percentile(reads, 50), 3), unit: 'ms' },
      { name: 'P10 routing decision p50 (500 on call, 10k open referrals)', value: round(percentile(times, 50), 3), unit: 'ms' },
      { name: 'P10 routing decision p99 (500 on call, 10k open referrals)', value: round(p99, 3), unit: 'ms', goal: `≤ ${GOAL_MS} ms`, ok: p99 <= GOAL_MS },
    ];
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchRouting()) process.stdout.write(`${r.name}: ${r.value} ${r.unit}${r.goal ? ` (goal ${r.goal}: ${r.ok ? 'met' : 'missed'})` : ''}\n`);
}

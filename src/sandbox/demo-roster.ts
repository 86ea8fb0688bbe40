import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { RosterRepository, RosterShift } from '../domain/rosters/roster-port.js';
import { DAY_MS, hkDayStart } from '../shared/hk-wall-clock.js';

/**
 * The demo on-call roster: cardiology at the private hospital (HPH), the other hospital from the demo
 * doctor (QMH), so `@ConsultBridge oncall cardiology HPH` answers at once and a referral from QMH has
 * someone to go to. 24-hour shifts 08:00 → 08:00 HKT (over midnight) from yesterday for four weeks:
 * first call Dr NG, second call Dr KWOK; Dr YEUNG owns the roster and is its escalation contact.
 */
export const DEMO_ROSTER = {
  institutionCode: 'HPH',
  specialty: 'cardiology',
  first: 'hph-ng-chiho',
  second: 'hph-kwok-wailun',
  owner: 'hph-yeung-sukyee',
  escalationContact: 'hph-yeung-sukyee',
  days: 28,
} as const;

/**
 * Seeds DEMO_ROSTER: the days not rostered yet (a restart keeps what was edited and tops up the four
 * weeks ahead), and the settings when none are set. The directory must be seeded first.
 */
export async function seedDemoRoster(rosters: RosterRepository, directory: Pick<DirectoryRepository, 'findByDingTalkId' | 'institutionByCode'>, now: number): Promise<void> {
  const r = DEMO_ROSTER;
  const institution = await directory.institutionByCode(r.institutionCode);
  const first = await directory.findByDingTalkId(r.first);
  const second = await directory.findByDingTalkId(r.second);
  const owner = await directory.findByDingTalkId(r.owner);
  if (!institution || !first || !second || !owner) return;
  const start = hkDayStart(now) - DAY_MS + 8 * 3600_000;
  const existing = await rosters.listRange({ institutionId: institution.id, specialty: r.specialty, from: start, to: start + r.days * DAY_MS });
  const taken = new Set(existing.map((s) => `${s.level}:${s.startsAt}`));
  const shifts: RosterShift[] = [];
  for (let d = 0; d < r.days; d++) {
    const startsAt = start + d * DAY_MS;
    for (const [level, who] of [['first', first], ['second', second]] as const) {
      if (taken.has(`${level}:${startsAt}`) || existing.some((s) => s.clinicianId === who.id && s.startsAt < startsAt + DAY_MS && startsAt < s.endsAt)) continue;
      shifts.push({ id: `demo-roster-${level}-${startsAt}`, institutionId: institution.id, specialty: r.specialty, clinicianId: who.id, level, startsAt, endsAt: startsAt + DAY_MS, createdBy: owner.id, createdAt: now });
    }
  }
  await rosters.add(shifts);
  if (await rosters.settings(institution.id, r.specialty)) return;
  await rosters.putSettings({ institutionId: institution.id, specialty: r.specialty, ownerClinicianId: owner.id, escalationContactId: owner.id });
}

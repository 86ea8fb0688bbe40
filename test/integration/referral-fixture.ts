import type { OnCallNow, OnCallPort, OnCallQuery } from '../../src/domain/rosters/on-call.js';
import { seedClinician, seededClinician } from '../helpers/directory-seed.js';
import type { Harness } from '../helpers/service-harness.js';

/** Two HPH cardiologists (the other hospital), added to the simulated org and the directory. */
export const YEUNG = 'hph-yeung-kinwah'; // first call
export const KO = 'hph-ko-wailun'; // second call
export const POON = 'hph-poon-head'; // the roster's escalation contact

const PEOPLE = [
  { userId: YEUNG, en: 'YEUNG Kin-wah', zh: '楊健華', lang: 'en' as const },
  { userId: KO, en: 'KO Wai-lun', zh: '高偉倫', lang: 'zh' as const },
  { userId: POON, en: 'POON Chi-keung', zh: '潘志強', lang: 'en' as const },
];

export function addHphCardiologists(h: Harness): void {
  for (const p of PEOPLE) {
    h.sim.org.addUser({ userId: p.userId, name: p.en, title: 'Consultant, Cardiology', dept: 'Cardiology · Harbourside Private Hospital', lang: p.lang === 'en' ? 'en_US' : 'zh_CN' });
    if (seededClinician(h.service.db.db, p.userId)) continue;
    seedClinician(
      h.service.db.db,
      {
        dingtalkUserId: p.userId, displayName: p.en, nameEn: `Dr ${p.en}`, nameZh: p.zh, title: 'Consultant, Cardiology', department: 'Cardiology',
        institutionId: 'HPH', role: 'doctor', specialty: 'Cardiology', registrationNo: `M9${p.userId.length}${p.en.length}`, verified: true, verifiedBy: null,
        verifiedAt: h.service.clock.now(), suspended: false, language: p.lang,
      },
      h.service.clock.now(),
    );
  }
}

/**
 * An in-memory roster (until the rosters' repository is wired): per institution id × specialty, who is
 * on call, as directory user ids turned into clinician ids at each look.
 */
export function fakeOnCall(h: () => Harness, table: Record<string, { first: string[]; second: string[]; shift?: string[]; contact?: string }>): OnCallPort & { asked: OnCallQuery[] } {
  const asked: OnCallQuery[] = [];
  const id = (userId: string) => seededClinician(h().service.db.db, userId)?.id ?? userId;
  return {
    asked,
    async onCallAt(q): Promise<OnCallNow> {
      asked.push(q);
      const row = table[`${q.institutionId}:${q.specialty}`];
      if (!row) return { first: [], second: [], shift: [], escalationContactId: null };
      return { first: row.first.map(id), second: row.second.map(id), shift: (row.shift ?? []).map(id), escalationContactId: row.contact ? id(row.contact) : null };
    },
  };
}

/** Real roster rows (the rosters' repository, which is the service's OnCallPort): HPH cardiology now ± 12 h. */
export async function rosterHphCardiology(h: Harness, who: { first: string[]; second: string[]; contact?: string }): Promise<void> {
  const now = h.service.clock.now();
  const id = (userId: string) => seededClinician(h.service.db.db, userId)!.id;
  const shift = (userId: string, level: 'first' | 'second', n: number) => ({
    id: `shift-${level}-${n}-${userId}`, institutionId: 'HPH', specialty: 'cardiology', clinicianId: id(userId), level,
    startsAt: now - 12 * 3_600_000, endsAt: now + 12 * 3_600_000, createdBy: 'test', createdAt: now,
  });
  await h.service.repos.rosters.add([...who.first.map((u, n) => shift(u, 'first', n)), ...who.second.map((u, n) => shift(u, 'second', n))]);
  await h.service.repos.rosters.putSettings({ institutionId: 'HPH', specialty: 'cardiology', ownerClinicianId: null, escalationContactId: who.contact ? id(who.contact) : null });
}

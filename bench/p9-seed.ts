import type { Config } from '../src/config/config.js';
import { openKeys } from '../src/compose/keys.js';
import type { Repositories } from '../src/compose/repositories.js';
import { openRepositories } from '../src/compose/storage.js';
import { createFieldCipher } from '../src/domain/patients/field-cipher.js';
import { createPatientRecords, storedNameTokenHashes } from '../src/domain/patients/patient-records.js';
import { ManualClock } from '../src/shared/clock.js';
import { silentLogger } from '../src/shared/logger.js';
import { AUDIT_ACTIONS } from '../src/shared/audit-sink.js';
import { sealAllFreeText } from '../src/domain/patients/free-text-repository.js';

/** How big the hospital is: what P9 seeds (issue 15: ~1k documents; 100k / 30k / 3k; 1M / 100k / 10k / 5.2M audit). */
export interface P9Size {
  name: string;
  clinicians: number;
  cases: number;
  documents: number;
  audit: number;
}

export const P9_SIZES: Record<string, P9Size> = {
  tiny: { name: 'tiny', clinicians: 12, cases: 20, documents: 120, audit: 300 },
  small: { name: 'small', clinicians: 100, cases: 300, documents: 1_000, audit: 7_500 },
  medium: { name: 'medium', clinicians: 3_000, cases: 30_000, documents: 100_000, audit: 650_000 },
  large: { name: 'large', clinicians: 10_000, cases: 100_000, documents: 1_000_000, audit: 5_200_000 },
};

const DAY = 86_400_000;
/** Rows per transaction while seeding. */
const BATCH = 2_000;
/** Documents on the busy case (the issue measured a 91-document case). */
export const BUSY_CASE_DOCS = 91;
/** Cases the busy clinician is on (the issue: a clinician on 200+ cases). */
export const BUSY_CLINICIAN_CASES = 250;

/** Who and what the bench asks about, by deterministic name. */
export const P9_PEOPLE = {
  /** On about as many cases as anyone: a typical clinician. */
  typical: 'p9-u-7',
  /** Consulting on 250 cases. */
  busy: 'p9-u-0',
  /** Privacy officer: the console's audit browser and the data access report. */
  officer: 'p9-u-1',
  /** Admin: the dashboard. */
  admin: 'p9-u-2',
} as const;

export const userId = (i: number) => `p9-u-${i}`;

const SURNAMES = [['CHAN', '陳'], ['LEE', '李'], ['WONG', '黃'], ['CHEUNG', '張'], ['HO', '何'], ['LAM', '林'], ['NG', '吳'], ['LAU', '劉'], ['TSANG', '曾'], ['LEUNG', '梁']] as const;
const GIVEN = [
  ['Tai', '大'], ['Man', '文'], ['Ka', '家'], ['Ming', '明'], ['Siu', '小'], ['Wai', '偉'], ['Mei', '美'], ['Ling', '玲'], ['Chi', '志'], ['Kwok', '國'],
  ['Hoi', '海'], ['Yan', '欣'], ['Wing', '詠'], ['Chun', '俊'], ['Fai', '輝'], ['Kin', '健'], ['Sze', '思'], ['Yee', '儀'], ['Hung', '雄'], ['Kit', '傑'],
] as const;
/** Clinician `i`'s names, HK style ("Dr LAU Ka-ming", 劉家明): 4,000 different ones, so a full name finds a few people at any size. */
export function clinicianNames(i: number): { nameEn: string; nameZh: string; given: string } {
  const [sEn, sZh] = SURNAMES[i % SURNAMES.length]!;
  const [g1En, g1Zh] = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
  const [g2En, g2Zh] = GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length]!;
  return { nameEn: `Dr ${sEn} ${g1En}-${g2En.toLowerCase()}`, nameZh: `${sZh}${g1Zh}${g2Zh}`, given: g1En };
}
const CODE_LETTERS = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Case `i`'s code, in the service's format (C- and five letters; case-code.ts). */
export function caseCode(i: number): string {
  let out = '';
  for (let n = i, k = 0; k < 5; k++, n = Math.floor(n / CODE_LETTERS.length)) out = CODE_LETTERS[n % CODE_LETTERS.length]! + out;
  return `C-${out}`;
}
const INSTITUTIONS = ['P9A', 'P9B', 'P9C', 'P9D'];

/** Which clinician index sits on case `c` as attending and consulting (deterministic, spread evenly). */
export function teamOf(c: number, clinicians: number): { attending: number; consulting: number[] } {
  // Indexes 0, 1 and 2 are the busy clinician, the privacy officer and the admin: never a case's ordinary team.
  const pick = (k: number) => 3 + ((c * k + k) % (clinicians - 3));
  const attending = pick(1);
  const consulting = [...new Set([pick(7), pick(13)])].filter((x) => x !== attending);
  return { attending, consulting };
}

/** The case (index) document `d` is on: the busy case first, then round the others. */
export function docCaseOf(d: number, cases: number): number {
  return d < BUSY_CASE_DOCS ? 0 : 1 + ((d - BUSY_CASE_DOCS) % (cases - 1));
}

/**
 * Seeds a hospital of `size` through the repositories (the same ones the service runs on), in batched
 * transactions, deterministically: the same size gives the same rows except ids and ciphertext. `now`
 * anchors times: documents spread over the year before it, audit entries over the last 60 days.
 */
export async function seedHospital(config: Readonly<Config>, size: P9Size, now: number, progress: (line: string) => void = () => undefined): Promise<void> {
  const clock = new ManualClock(now - 400 * DAY);
  const { storage, repos } = await openRepositories(config.databaseUrl);
  const keys = await openKeys(config, storage, clock);
  const audit = await repos.openAuditLog({ clock, signer: keys.signer, logger: silentLogger, region: config.residency.region });
  try {
    const cipher = createFieldCipher(keys.fieldKey);
    const sealed = repos.sealed(cipher.freeText);
    const patients = createPatientRecords({ repo: sealed.patients, cipher, nameIndex: repos.nameIndex });
    const batches = async (n: number, what: string, one: (i: number) => Promise<void>) => {
      for (let from = 0; from < n; from += BATCH) {
        await repos.transaction(async () => {
          for (let i = from; i < Math.min(n, from + BATCH); i++) await one(i);
        });
        if ((from / BATCH) % 25 === 0) progress(`  seeding ${what}: ${from}/${n}`);
      }
    };

    for (const code of INSTITUTIONS) {
      await repos.directory.upsertInstitution({ id: `inst-${code}`, code, nameEn: `${code} Hospital`, nameZh: null, sector: 'public' });
    }
    const clinicianIds: string[] = [];
    await batches(size.clinicians, 'clinicians', async (i) => {
      const row = await repos.directory.insert(
        {
          dingtalkUserId: userId(i),
          displayName: `Dr P9 ${i}`,
          nameEn: clinicianNames(i).nameEn,
          nameZh: clinicianNames(i).nameZh,
          institutionId: `inst-${INSTITUTIONS[i % INSTITUTIONS.length]}`,
          role: i === 1 ? 'privacy_officer' : i === 2 ? 'admin' : i % 50 === 49 ? 'nurse' : 'doctor',
          verified: true,
          registrationNo: `M${10000 + i}`,
        },
        now - 400 * DAY,
      );
      clinicianIds[i] = row.id;
    });

    const caseIds: string[] = [];
    await batches(size.cases, 'cases', async (c) => {
      const openedAt = now - 365 * DAY + Math.floor((c / size.cases) * 360 * DAY);
      const team = teamOf(c, size.clinicians);
      const hkid = `P${String(100000 + c).padStart(6, '0')}(${c % 10})`;
      const patient = await patients.create({ hkid, nameEn: `PATIENT ${c}`, dateOfBirth: '1950-01-02' }, openedAt);
      const id = `case-${c}`;
      caseIds[c] = id;
      await repos.cases.insertCase({ id, code: caseCode(c), patientId: patient.id, openedBy: clinicianIds[team.attending]!, openedAt, status: c % 10 === 9 ? 'closed' : 'open' });
      const add = (who: number, role: 'attending' | 'consulting') => repos.cases.addMember({ caseId: id, clinicianId: clinicianIds[who]!, role, addedBy: clinicianIds[team.attending]! }, openedAt);
      await add(team.attending, 'attending');
      for (const k of team.consulting) await add(k, 'consulting');
      if (c < BUSY_CLINICIAN_CASES) await add(0, 'consulting');
    });

    const docCase = (d: number) => docCaseOf(d, size.cases);
    await batches(size.documents, 'documents', async (d) => {
      const c = docCase(d);
      const team = teamOf(c, size.clinicians);
      const createdAt = now - 365 * DAY + Math.floor((d / size.documents) * 365 * DAY);
      const id = `doc-${d}`;
      await repos.documents.insert({
        id, caseId: caseIds[c]!, authorId: clinicianIds[team.attending]!, authorInstitutionId: `inst-${INSTITUTIONS[team.attending % INSTITUTIONS.length]}`,
        kind: d % 20 === 19 ? 'ephemeral' : 'report', mediaType: 'application/pdf', size: 40_000 + (d % 1000), createdAt,
        status: d % 20 === 19 ? 'destroyed' : 'active',
      });
      const reader = clinicianIds[team.consulting[0] ?? team.attending]!;
      await repos.documents.upsertNotified(id, reader, createdAt + 1000);
      if (d % 3 !== 0) await repos.documents.upsertViewed(id, reader, createdAt + 60_000);
      if (d % 25 === 0) {
        // A grant to someone off the team, most long expired (and recorded), one in five still live.
        const outsider = clinicianIds[3 + ((d * 31) % (size.clinicians - 3))]!;
        const live = d % 125 === 0;
        await sealed.grants.insert({ id: `grant-${d}`, kind: 'approval', documentId: id, caseId: caseIds[c]!, clinicianId: outsider, createdAt, expiresAt: live ? now + 7 * DAY : createdAt + DAY, requestId: null });
        if (!live) await sealed.grants.markExpiryRecorded(`grant-${d}`, createdAt + DAY);
      }
    });

    clock.set(now);
    // The audit log: decisions and views over the last 60 days, oldest first, through the real writer.
    const from = now - 60 * DAY;
    for (let i = 0; i < size.audit; i++) {
      clock.set(from + Math.floor((i / size.audit) * 60 * DAY));
      const d = (i * 7919) % size.documents;
      audit.append({ actor: clinicianIds[3 + (i % (size.clinicians - 3))]!, action: i % 4 === 0 ? AUDIT_ACTIONS.documentViewed : AUDIT_ACTIONS.accessDecision, target: `doc-${d}`, outcome: i % 9 === 0 ? 'denied' : 'success' });
      if (i % 20_000 === 19_999) {
        await audit.flush();
        if (i % 200_000 === 199_999) progress(`  seeding audit: ${i + 1}/${size.audit}`);
      }
    }
    await audit.flush();
    clock.set(now);
    await audit.checkpoint();
    // What the service's first start does on any database (once; marked done): nothing to do here.
    await sealAllFreeText(repos.freeTextSealing, cipher.freeText);
    // (The name-token backfill now runs after ready, in batches, once per database: background_jobs.)
    for (let after: string | null = null; ; ) if ((after = (await repos.backfillNameTokens((row) => storedNameTokenHashes(cipher, row), after, 500)).last) === null) break;
  } finally {
    await audit.close();
    await repos.close();
  }
}

import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createPgMedicationRepository } from '../../../src/domain/medications/medication-repository-pg.js';
import { createMedicationRepository } from '../../../src/domain/medications/medication-repository.js';
import type { MedicationEntry } from '../../../src/domain/medications/medication.js';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { newId } from '../../../src/shared/ids.js';
import { describeOnBothStores, type StoreUnderTest } from '../../helpers/both-stores.js';

const texts = createFreeTextCipher(randomBytes(32));

const entry = (caseId: string, over: Partial<MedicationEntry> = {}): MedicationEntry => ({
  id: newId(),
  caseId,
  source: 'clinician',
  ehrRef: null,
  text: '薄血丸',
  ingredients: ['drug.warfarin'],
  unresolved: [],
  dose: '5 mg',
  route: null,
  frequency: 'daily',
  prescriberId: 'dr-chan',
  prescriberName: null,
  institutionId: 'inst-qmh',
  startOn: '2026-12-01',
  stopOn: null,
  status: 'active',
  createdAt: 1000,
  createdBy: 'dr-chan',
  ...over,
});

/** Every stored row, as text: what a disk scan would see. */
async function rawRows(s: StoreUnderTest): Promise<string> {
  if (s.kind === 'sqlite') return JSON.stringify(s.sqlite.sqlite.prepare('SELECT * FROM case_medications').all());
  return JSON.stringify((await s.pg.db().execute(sql`select * from case_medications`)).rows);
}

describeOnBothStores(
  'medication repository contract',
  (s) => (s.kind === 'sqlite' ? createMedicationRepository(s.sqlite.db, s.sqlite.store, texts) : createPgMedicationRepository(s.pg, texts)),
  (get) => {
    it('an entry round-trips decrypted, and at rest the drug, dose and an EHR prescriber’s name are ciphertext', async () => {
      const { repo, store } = get();
      const a = entry('case-1');
      const b = entry('case-1', { source: 'ehr', ehrRef: 'MedicationRequest/7', text: 'Augmentin', ingredients: ['drug.amoxicillin', 'drug.clavulanic-acid'], dose: null, frequency: null, prescriberId: null, prescriberName: 'Dr Outside', createdAt: 1001 });
      expect(await repo.insert(a)).toBe(true);
      expect(await repo.insert(b)).toBe(true);
      expect(await repo.find('case-1', a.id)).toEqual(a);
      expect(await repo.find('case-1', b.id)).toEqual(b);
      expect(await repo.find('case-2', a.id)).toBeUndefined();
      const raw = await rawRows(store);
      for (const secret of ['薄血丸', 'warfarin', 'Augmentin', 'amoxicillin', '5 mg', 'Dr Outside']) expect(raw).not.toContain(secret);
      expect(raw).toContain('ft1.');
    });

    it('an EHR reference is stored once per case (the import is idempotent), and may repeat on another case', async () => {
      const { repo } = get();
      expect(await repo.insert(entry('case-1', { source: 'ehr', ehrRef: 'MedicationRequest/7', text: 'again' }))).toBe(false);
      expect(await repo.insert(entry('case-2', { source: 'ehr', ehrRef: 'MedicationRequest/7' }))).toBe(true);
      expect(await repo.ehrRefs('case-1')).toEqual(new Set(['MedicationRequest/7']));
      expect((await repo.forCase('case-1')).map((e) => e.text)).toEqual(['薄血丸', 'Augmentin']);
    });

    it('stop is once, on the entry’s own case; lists put active entries first, then oldest first', async () => {
      const { repo } = get();
      const c = entry('case-3', { text: 'first', createdAt: 5 });
      const d = entry('case-3', { text: 'second', createdAt: 6 });
      const e = entry('case-3', { text: 'third', createdAt: 7 });
      for (const x of [e, c, d]) await repo.insert(x);
      expect(await repo.stop('case-1', c.id, '2026-12-07')).toBe(false);
      const stops = await Promise.all([repo.stop('case-3', c.id, '2026-12-07'), repo.stop('case-3', c.id, '2026-12-08')]);
      expect(stops.filter(Boolean)).toHaveLength(1);
      expect(await repo.find('case-3', c.id)).toMatchObject({ status: 'stopped', stopOn: expect.stringMatching(/^2026-12-0[78]$/), text: 'first' });
      expect((await repo.forCase('case-3')).map((x) => x.text)).toEqual(['second', 'third', 'first']);
      expect((await repo.activeForCase('case-3')).map((x) => x.text)).toEqual(['second', 'third']);
      expect(await repo.forCase('case-none')).toEqual([]);
    });
  },
);

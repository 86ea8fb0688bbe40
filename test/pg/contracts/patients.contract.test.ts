import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { createPgPatientsRepository } from '../../../src/domain/patients/patients-repository-pg.js';
import { createPatientsRepository } from '../../../src/domain/patients/patients-repository.js';
import { createPgDirectoryRepository } from '../../../src/domain/directory/directory-repository-pg.js';
import { createDirectoryRepository } from '../../../src/domain/directory/directory-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

const texts = createFreeTextCipher(randomBytes(32));

describeOnBothStores(
  'patients repository contract',
  (s) =>
    s.kind === 'sqlite'
      ? { patients: createPatientsRepository(s.sqlite.db, s.sqlite.store, texts), directory: createDirectoryRepository(s.sqlite.db, s.sqlite.store) }
      : { patients: createPgPatientsRepository(s.pg, texts), directory: createPgDirectoryRepository(s.pg) },
  (get) => {
    const patient = (id: string, hkidHash: string) => ({ id, hkidHash, hkidCipher: 'c1', nameCipher: 'c2', dobCipher: 'c3', createdAt: 1, sexCipher: null, recordCipher: null });

    it('finds patients by id and by HKID hash; a second patient with the same hash is refused', async () => {
      const { patients } = get().repo;
      await patients.insert(patient('p1', 'hash-1'));
      expect(await patients.findByHkidHash('hash-1')).toEqual(patient('p1', 'hash-1'));
      expect(await patients.findById('p1')).toEqual(patient('p1', 'hash-1'));
      await expect(patients.insert(patient('p2', 'hash-1'))).rejects.toThrow();
      expect(await patients.findById('p2')).toBeUndefined();
    });

    it('sex and record number: absent until given; a later update sets only what it names', async () => {
      const { patients } = get().repo;
      await patients.insert({ id: 'd1', hkidHash: 'dh-1', hkidCipher: 'c1', nameCipher: 'c2', dobCipher: 'c3', createdAt: 1 });
      expect(await patients.findById('d1')).toMatchObject({ sexCipher: null, recordCipher: null });
      await patients.updateDetails('d1', { recordCipher: 'r1' });
      await patients.updateDetails('d1', { sexCipher: 's1' });
      await patients.updateDetails('d1', {});
      expect(await patients.findById('d1')).toMatchObject({ sexCipher: 's1', recordCipher: 'r1' });
    });

    it('a merged record: both HKID hashes find the survivor, also after the survivor is merged again', async () => {
      const { patients } = get().repo;
      for (const [id, hash] of [['m1', 'mh-1'], ['m2', 'mh-2'], ['m3', 'mh-3']] as const) await patients.insert(patient(id, hash));
      await patients.mergeInto(patient('m2', 'mh-2'), 'm1', 'officer', 10);
      expect((await patients.findByHkidHash('mh-2'))?.id).toBe('m1');
      expect((await patients.findByHkidHash('mh-1'))?.id).toBe('m1');
      await patients.mergeInto(patient('m1', 'mh-1'), 'm3', 'officer', 20);
      expect((await patients.findByHkidHash('mh-1'))?.id).toBe('m3');
      expect((await patients.findByHkidHash('mh-2'))?.id).toBe('m3');
      expect((await patients.findByHkidHash('mh-3'))?.id).toBe('m3');
    });

    it('the latest consent wins; within one millisecond the later insert wins; references sealed at rest', async () => {
      const { patients, directory } = get().repo;
      await directory.upsertInstitution({ id: 'hksh', code: 'HKSH', nameEn: 'HKSH', nameZh: null, sector: 'private' });
      await patients.insert(patient('p3', 'hash-3'));
      await patients.addConsent('p3', { institutionId: 'hksh', status: 'granted', reference: 'eHRSS seen' }, 'c1', 100);
      await patients.addConsent('p3', { institutionId: 'hksh', status: 'withdrawn' }, 'c1', 200);
      await patients.addConsent('p3', { institutionId: 'hksh', status: 'granted', reference: 'again' }, 'c1', 200);
      expect(await patients.latestConsent('p3', 'hksh')).toMatchObject({ status: 'granted', reference: 'again', recordedAt: 200 });
      expect((await patients.consentHistory('p3')).map((c) => [c.status, c.reference])).toEqual([
        ['granted', 'eHRSS seen'],
        ['withdrawn', null],
        ['granted', 'again'],
      ]);
      expect(await patients.latestConsent('p3', 'other')).toBeUndefined();
    });

    it('restricted consents per category, references sealed and opened', async () => {
      const { patients } = get().repo;
      await patients.insert(patient('p4', 'hash-4'));
      await patients.addRestrictedConsent('p4', 'mental_health', 'seen form R', 'c1', 10);
      expect(await patients.hasRestrictedConsent('p4', 'mental_health')).toBe(true);
      expect(await patients.hasRestrictedConsent('p4', 'sexual_health')).toBe(false);
      expect(await patients.restrictedConsentHistory('p4')).toMatchObject([{ category: 'mental_health', reference: 'seen form R', recordedAt: 10 }]);
    });
  },
);

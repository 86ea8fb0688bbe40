import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgGrantRepository } from '../../../src/domain/grants/grant-repository-pg.js';
import { createGrantRepository } from '../../../src/domain/grants/grant-repository.js';
import { createFreeTextCipher, SEALED_PREFIX } from '../../../src/domain/patients/free-text-cipher.js';
import { sealLegacyFreeTextPg } from '../../../src/domain/patients/free-text-repository-pg.js';
import { sealLegacyFreeText } from '../../../src/domain/patients/free-text-repository.js';
import { createPgPatientsRepository } from '../../../src/domain/patients/patients-repository-pg.js';
import { createPatientsRepository } from '../../../src/domain/patients/patients-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql, seedFor } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));

describeOnBothStores(
  'free-text store contract (sealing legacy plaintext)',
  (s) => ({
    store: s,
    seed: seedFor(s),
    patients: s.kind === 'sqlite' ? createPatientsRepository(s.sqlite.db, s.sqlite.store, texts) : createPgPatientsRepository(s.pg, texts),
    grants: s.kind === 'sqlite' ? createGrantRepository(s.sqlite.db, s.sqlite.store, texts) : createPgGrantRepository(s.pg, texts),
    seal: () => (s.kind === 'sqlite' ? Promise.resolve(sealLegacyFreeText(s.sqlite.db, texts)) : sealLegacyFreeTextPg(s.pg, texts)),
  }),
  (get) => {
    it('seals every plaintext value once, bound to its row; sealed values and nulls are left alone', async () => {
      const { store, seed, patients, grants, seal } = get().repo;
      await seed.directory.upsertInstitution({ id: 'hksh', code: 'HKSH', nameEn: 'HKSH', nameZh: null, sector: 'private' });
      await seed.patient('f1');
      await patients.addConsent('f1', { institutionId: 'hksh', status: 'granted', reference: 'already sealed' }, 'c1', 1);
      await rawSql(store, "insert into patient_consents (id, patient_id, institution_id, status, reference, attested_by, recorded_at) values ('pc-old', 'f1', 'hksh', 'granted', 'seen eHRSS form', 'c1', 2)");
      await rawSql(store, "insert into patient_consents (id, patient_id, institution_id, status, reference, attested_by, recorded_at) values ('pc-null', 'f1', 'hksh', 'withdrawn', null, 'c1', 3)");
      await rawSql(store, "insert into restricted_consents (id, patient_id, category, reference, attested_by, recorded_at) values ('rc-old', 'f1', 'mental_health', 'form R', 'c1', 4)");
      await grants.insert({ id: 'bg-old', kind: 'break_glass', documentId: null, caseId: 'case-f', clinicianId: 'c1', createdAt: 1, expiresAt: 9, requestId: null });
      await rawSql(store, "insert into break_glass_reviews (id, grant_id, case_id, clinician_id, reason, status, created_at) values ('rv-old', 'bg-old', 'case-f', 'c1', 'collapsed in ward', 'pending', 5)");

      expect(await seal()).toBe(3);
      const stored = await rawSql<{ reference: string | null }>(store, "select reference from patient_consents where patient_id = 'f1' order by recorded_at");
      expect(stored.map((r) => r.reference?.startsWith(SEALED_PREFIX) ?? null)).toEqual([true, true, null]);
      expect((await patients.consentHistory('f1')).map((c) => c.reference)).toEqual(['already sealed', 'seen eHRSS form', null]);
      expect(await patients.restrictedConsentHistory('f1')).toMatchObject([{ reference: 'form R' }]);
      expect(await grants.findReview('rv-old')).toMatchObject({ reason: 'collapsed in ward', note: null });
      const [review] = await rawSql<{ reason: string }>(store, "select reason from break_glass_reviews where id = 'rv-old'");
      expect(review!.reason.startsWith(SEALED_PREFIX)).toBe(true);
      expect(await seal()).toBe(0);
    });
  },
);

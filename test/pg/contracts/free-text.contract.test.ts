import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgGrantRepository } from '../../../src/domain/grants/grant-repository-pg.js';
import { createGrantRepository } from '../../../src/domain/grants/grant-repository.js';
import { createFreeTextCipher, SEALED_PREFIX } from '../../../src/domain/patients/free-text-cipher.js';
import { createPgFreeTextSealing } from '../../../src/domain/patients/free-text-repository-pg.js';
import { createFreeTextSealing, sealAllFreeText } from '../../../src/domain/patients/free-text-repository.js';
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
    sealing: s.kind === 'sqlite' ? createFreeTextSealing(s.sqlite.db, s.sqlite.store) : createPgFreeTextSealing(s.pg),
  }),
  (get) => {
    it('seals every plaintext value once, bound to its row; sealed values and nulls are left alone', async () => {
      const { store, seed, patients, grants, sealing } = get().repo;
      const seal = () => sealAllFreeText(sealing, texts, 2); // small batches: more rows than one batch
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

    it('in batches: each walks at most its limit of rows, a resumed walk seals the rest, and the last marks the database done', async () => {
      const { store, sealing } = get().repo;
      await rawSql(store, "delete from patient_data_upgrades where name = 'free_text_sealed'");
      for (let i = 0; i < 7; i++)
        await rawSql(store, `insert into patient_consents (id, patient_id, institution_id, status, reference, attested_by, recorded_at) values ('pb-${i}', 'f1', 'hksh', 'granted', 'note ${i}', 'c1', ${10 + i})`);
      const first = await sealing.sealBatch(texts, null, 3);
      expect(first.sealed).toBeLessThanOrEqual(3);
      expect(first.next).not.toBeNull();
      // A crash here: the next start resumes from the saved cursor; nothing is sealed twice.
      let cursor = first.next;
      let total = first.sealed;
      let batches = 1;
      while (cursor !== null) {
        const step = await sealing.sealBatch(texts, cursor, 3);
        expect(step.sealed).toBeLessThanOrEqual(3);
        total += step.sealed;
        cursor = step.next;
        batches++;
      }
      expect(total).toBe(7);
      expect(batches).toBeGreaterThanOrEqual(4); // 10 consent rows in batches of 3, then the other columns
      const plain = await rawSql<{ n: number | string }>(store, "select count(*) as n from patient_consents where reference is not null and reference not like 'ft1.%'");
      expect(Number(plain[0]!.n)).toBe(0);
      expect(await sealing.sealBatch(texts, null, 3)).toEqual({ next: null, sealed: 0 }); // marked done: one row read
    });
  },
);

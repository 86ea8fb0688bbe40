import { expect, it } from 'vitest';
import { backfillNameTokensPg, createPgNameIndexRepository } from '../../../src/domain/patients/name-index-repository-pg.js';
import { backfillNameTokens, createNameIndexRepository } from '../../../src/domain/patients/name-index-repository.js';
import type { PatientRow } from '../../../src/domain/patients/patients-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { seedFor } from '../../helpers/contract-seed.js';

describeOnBothStores(
  'patient name index contract',
  (s) => ({
    seed: seedFor(s),
    index: s.kind === 'sqlite' ? createNameIndexRepository(s.sqlite.db, s.sqlite.store) : createPgNameIndexRepository(s.pg),
    backfill: (tokensOf: (row: PatientRow) => string[]) =>
      s.kind === 'sqlite' ? Promise.resolve(backfillNameTokens(s.sqlite.db, tokensOf)) : backfillNameTokensPg(s.pg, tokensOf),
  }),
  (get) => {
    it('finds patients holding every hash; a replace drops the old hashes; an empty query matches nobody', async () => {
      const { index, seed } = get().repo;
      await seed.patient('n1');
      await seed.patient('n2');
      await index.replace('n1', ['chan', 'tai', 'man', 'chan']);
      await index.replace('n2', ['chan', 'siu']);
      expect((await index.patientsWithAll(['chan'])).sort()).toEqual(['n1', 'n2']);
      expect(await index.patientsWithAll(['chan', 'tai', 'tai'])).toEqual(['n1']);
      expect(await index.patientsWithAll(['chan', 'nobody'])).toEqual([]);
      expect(await index.patientsWithAll([])).toEqual([]);
      await index.replace('n1', ['wong']);
      expect(await index.patientsWithAll(['chan'])).toEqual(['n2']);
      expect(await index.patientsWithAll(['wong'])).toEqual(['n1']);
      await index.replace('n1', []);
      expect(await index.patientsWithAll(['wong'])).toEqual([]);
    });

    it('two replaces of one patient racing leave one of the two lists, never both', async () => {
      const { index, seed } = get().repo;
      await seed.patient('n3');
      for (let i = 0; i < 5; i++) {
        await Promise.all([index.replace('n3', ['a', 'b']), index.replace('n3', ['b', 'c'])]);
        const a = (await index.patientsWithAll(['a'])).includes('n3');
        const c = (await index.patientsWithAll(['c'])).includes('n3');
        expect(a !== c).toBe(true);
        expect(await index.patientsWithAll(['b'])).toContain('n3');
      }
    });

    it('tokens for an unknown patient are refused (foreign key)', async () => {
      await expect(get().repo.index.replace('no-such-patient', ['x'])).rejects.toThrow();
    });

    it('the backfill indexes patients without tokens, once per database: a later start reads no patient (issue 15)', async () => {
      const { index, seed, backfill } = get().repo;
      await seed.patient('b1');
      await seed.patient('b2');
      const seen: string[] = [];
      const tokensOf = (row: PatientRow) => {
        seen.push(row.id);
        return row.id === 'b1' ? ['lee', 'lee', 'ka'] : row.id === 'b2' ? [] : ['other'];
      };
      const first = await backfill(tokensOf);
      expect(seen).toContain('b1');
      expect(seen).toContain('b2');
      expect(await index.patientsWithAll(['lee', 'ka'])).toEqual(['b1']);
      seen.length = 0;
      await seed.patient('b3');
      expect(await backfill(tokensOf)).toBe(0);
      expect(seen).toEqual([]);
      expect(first).toBeGreaterThanOrEqual(1);
    });
  },
);

import { expect, it } from 'vitest';
import { createPgDirectoryRepository } from '../../../src/domain/directory/directory-repository-pg.js';
import { createDirectoryRepository } from '../../../src/domain/directory/directory-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'directory repository contract',
  (s) => (s.kind === 'sqlite' ? createDirectoryRepository(s.sqlite.db, s.sqlite.store) : createPgDirectoryRepository(s.pg)),
  (get) => {
    it('institutions: upsert by id, look up by id and code, list in code order (byte order)', async () => {
      const { repo } = get();
      await repo.upsertInstitution({ id: 'i2', code: 'QMH', nameEn: 'Queen Mary', nameZh: null, sector: 'public' });
      await repo.upsertInstitution({ id: 'i1', code: 'HKSH', nameEn: 'Sanatorium', nameZh: '養和', sector: 'private' });
      await repo.upsertInstitution({ id: 'i3', code: 'cmc', nameEn: 'Caritas', nameZh: null, sector: 'public' });
      await repo.upsertInstitution({ id: 'i2', code: 'QMH', nameEn: 'Queen Mary Hospital', nameZh: '瑪麗醫院', sector: 'public' });
      expect(await repo.institution('i2')).toEqual({ id: 'i2', code: 'QMH', nameEn: 'Queen Mary Hospital', nameZh: '瑪麗醫院', sector: 'public' });
      expect((await repo.institutionByCode('HKSH'))?.id).toBe('i1');
      expect(await repo.institution('none')).toBeUndefined();
      expect((await repo.listInstitutions()).map((i) => i.code)).toEqual(['HKSH', 'QMH', 'cmc']);
    });

    it('clinicians: two first messages racing store one row; booleans and times read back as written', async () => {
      const { repo } = get();
      const row = { dingtalkUserId: 'u-race', displayName: 'Dr Race' };
      const [a, b] = await Promise.all([repo.insert(row, 1_700_000_000_123), repo.insert(row, 1_700_000_000_456)]);
      expect(a.id).toBe(b.id);
      expect(a).toMatchObject({ verified: false, suspended: false, verifiedAt: null, institutionId: null });
      expect(typeof a.createdAt).toBe('number');
      await repo.update(a.id, { verified: true, verifiedAt: 1_700_000_001_000, role: 'doctor', language: 'zh' }, 1_700_000_002_000);
      expect(await repo.findById(a.id)).toMatchObject({ verified: true, verifiedAt: 1_700_000_001_000, role: 'doctor', language: 'zh', updatedAt: 1_700_000_002_000 });
      expect((await repo.findByDingTalkId('u-race'))?.id).toBe(a.id);
      expect(await repo.findByDingTalkId('nobody')).toBeUndefined();
    });

    it('lists clinicians by display name in byte order', async () => {
      const { repo } = get();
      for (const name of ['dr lower', 'Dr Zed', 'Dr Alpha', '陳醫生']) await repo.insert({ dingtalkUserId: `u-${name}`, displayName: name }, 1);
      const names = (await repo.list()).map((c) => c.displayName).filter((n) => n !== 'Dr Race');
      expect(names).toEqual(['Dr Alpha', 'Dr Zed', 'dr lower', '陳醫生']);
    });

    it('finds a DingTalk user with their institution in one lookup (none: null; unknown user: undefined)', async () => {
      const { repo } = get();
      await repo.upsertInstitution({ id: 'i-qmh', code: 'QMH2', nameEn: 'Queen Mary', nameZh: '瑪麗', sector: 'public' });
      await repo.insert({ dingtalkUserId: 'u-with', displayName: 'Dr With', institutionId: 'i-qmh' }, 1);
      await repo.insert({ dingtalkUserId: 'u-without', displayName: 'Dr Without' }, 1);
      const found = await repo.findWithInstitution('u-with');
      expect(found?.clinician).toEqual(await repo.findByDingTalkId('u-with'));
      expect(found?.institution).toEqual({ id: 'i-qmh', code: 'QMH2', nameEn: 'Queen Mary', nameZh: '瑪麗', sector: 'public' });
      expect(await repo.findWithInstitution('u-without')).toMatchObject({ clinician: { displayName: 'Dr Without' }, institution: null });
      expect(await repo.findWithInstitution('nobody')).toBeUndefined();
    });

    it('colleagues by department, by specialty (trimmed, any case) and by registration number (any case), in name order; nobody else', async () => {
      const { repo } = get();
      await repo.upsertInstitution({ id: 'i-a', code: 'COLA', nameEn: 'A', nameZh: null, sector: 'public' });
      await repo.upsertInstitution({ id: 'i-b', code: 'COLB', nameEn: 'B', nameZh: null, sector: 'public' });
      const add = (id: string, patch: Record<string, string>) => repo.insert({ dingtalkUserId: id, displayName: id, ...patch }, 1);
      await add('c-2', { institutionId: 'i-a', department: 'AED', specialty: 'Cardiology ', registrationNo: 'M10002' });
      await add('c-1', { institutionId: 'i-a', department: 'AED', specialty: 'cardiology', registrationNo: 'm10001' });
      await add('c-3', { institutionId: 'i-a', department: 'Medicine', specialty: 'Neurology', registrationNo: 'M10003' });
      await add('c-4', { institutionId: 'i-b', department: 'AED', specialty: 'Cardiology' });
      const ids = (rows: { dingtalkUserId: string }[]) => rows.map((c) => c.dingtalkUserId);
      expect(ids(await repo.inDepartment('i-a', 'AED'))).toEqual(['c-1', 'c-2']);
      expect(ids(await repo.inDepartment('i-a', 'aed'))).toEqual([]);
      expect(ids(await repo.inSpecialty('i-a', ' CARDIOLOGY'))).toEqual(['c-1', 'c-2']);
      expect(ids(await repo.inSpecialty('i-b', 'cardiology'))).toEqual(['c-4']);
      expect(ids(await repo.inSpecialty('i-a', 'cardio'))).toEqual([]);
      expect(ids(await repo.byRegistrationNos(['M10001', 'm10003', ' M10002 ', 'M10001', 'M99999'])).sort()).toEqual(['c-1', 'c-2', 'c-3']);
      expect(await repo.byRegistrationNos([])).toEqual([]);
      // DingTalk user ids as they are (case matters), each once.
      expect(ids(await repo.byDingTalkIds(['c-4', 'c-1', 'c-4', 'C-3', 'nobody'])).sort()).toEqual(['c-1', 'c-4']);
      expect(await repo.byDingTalkIds([])).toEqual([]);
    });

    it('a clinician referring to an unknown institution is refused (foreign key)', async () => {
      const { repo } = get();
      await expect(repo.insert({ dingtalkUserId: 'u-fk', displayName: 'FK', institutionId: 'missing' }, 1)).rejects.toThrow();
    });
  },
);

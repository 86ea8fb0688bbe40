import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPgYidaRepository } from '../../../src/domain/forms/yida-repository-pg.js';
import { createYidaRepository } from '../../../src/domain/forms/yida-repository.js';
import { createFreeTextCipher, SEALED_PREFIX } from '../../../src/domain/patients/free-text-cipher.js';
import type { FormMapping } from '../../../src/contract/yida.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));
const mapping: FormMapping = {
  formUuid: 'FORM-A1', name: 'Referral 轉介', recordType: 'referral', approval: 'none', readCategory: 'care_team',
  fields: { patientHkid: 'textField_h', medications: ['textareaField_m'], problems: [], freeText: [{ id: 'textareaField_n', label: 'Note' }], flags: [], results: [] },
  documentType: 'form', updatedAt: 5, updatedBy: 'admin-1',
};

describeOnBothStores(
  'Yida form archive contract',
  (s) => ({ store: s, yida: s.kind === 'sqlite' ? createYidaRepository(s.sqlite.db, s.sqlite.store, texts) : createPgYidaRepository(s.pg, texts) }),
  (get) => {
    it('stores a notification once per form instance, seals the form data, moves state only from the expected states', async () => {
      const { store, yida } = get().repo;
      expect(await yida.insertReceived({ id: 's1', instanceId: 'FINST-1', formUuid: 'FORM-A1', appType: 'APP_X', receivedAt: 10 })).toEqual({ id: 's1', created: true });
      expect(await yida.insertReceived({ id: 's2', instanceId: 'FINST-1', formUuid: 'FORM-A1', appType: 'APP_X', receivedAt: 11 })).toEqual({ id: 's1', created: false });
      expect(await yida.update('s1', ['received'], { formData: '{"textField_h":"A123456(3)"}', attempts: 1, updatedAt: 12 })).toBe(true);
      expect(await yida.update('s1', ['filed'], { state: 'discarded', updatedAt: 13 })).toBe(false);
      expect(await yida.update('s1', ['received', 'waiting'], { state: 'waiting', errorCode: 'yida.unmapped', updatedAt: 14 })).toBe(true);
      expect(await yida.find('s1')).toMatchObject({ state: 'waiting', errorCode: 'yida.unmapped', attempts: 1, formData: '{"textField_h":"A123456(3)"}', receivedAt: 10, updatedAt: 14 });
      const [row] = await rawSql<{ form_data: string }>(store, "select form_data from yida_submissions where id = 's1'");
      expect(row!.form_data.startsWith(SEALED_PREFIX) && !row!.form_data.includes('A123456')).toBe(true);
      await yida.insertReceived({ id: 's3', instanceId: 'FINST-3', formUuid: 'FORM-B2', appType: 'APP_X', receivedAt: 20 });
      expect((await yida.list({ state: 'waiting', limit: 10 })).map((s) => s.id)).toEqual(['s1']);
      expect((await yida.list({ state: 'waiting', limit: 10, after: { at: 10, id: 's1' } })).map((s) => s.id)).toEqual([]);
      expect((await yida.list({ state: 'waiting', limit: 10, after: { at: 10, id: 's2' } })).map((s) => s.id)).toEqual(['s1']);
      expect([await yida.countOf('waiting'), await yida.countOf('received'), await yida.countOf('filed')]).toEqual([1, 1, 0]);
      expect(await yida.update('s1', ['waiting'], { state: 'discarded', formData: null, updatedAt: 15 })).toBe(true);
      expect((await yida.find('s1'))!.formData).toBeNull();
    });

    it('keeps form mappings by form UUID (replace, list, remove)', async () => {
      const { yida } = get().repo;
      await yida.putMapping(mapping);
      await yida.putMapping({ ...mapping, name: 'Referral v2', updatedAt: 6 });
      expect(await yida.findMapping('FORM-A1')).toEqual({ ...mapping, name: 'Referral v2', updatedAt: 6 });
      expect((await yida.listMappings()).map((m) => m.formUuid)).toEqual(['FORM-A1']);
      expect(await yida.removeMapping('FORM-A1')).toBe(true);
      expect(await yida.removeMapping('FORM-A1')).toBe(false);
      expect(await yida.findMapping('FORM-A1')).toBeUndefined();
    });
  },
);

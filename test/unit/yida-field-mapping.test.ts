import { describe, expect, it } from 'vitest';
import { formMappingBody, yidaCallbackBody } from '../../src/contract/yida.js';
import { mapFormData, valueText } from '../../src/domain/forms/field-mapping.js';
import { sourceAllowed, yidaConfig, yidaEnvShape } from '../../src/config/yida-config.js';
import { z } from 'zod';
import { hkidCheckChar } from '../../src/shared/hkid.js';
import { isDomainError } from '../../src/shared/errors.js';

const hkid = (l: string, d: string) => `${l}${d}(${hkidCheckChar(l, d)})`;
const mapping = formMappingBody.parse({
  name: 'Referral', recordType: 'referral',
  fields: { patientHkid: 'textField_hkid', caseCode: 'textField_case', medications: ['textareaField_meds', 'checkboxField_meds'], problems: ['textareaField_dx'], freeText: [{ id: 'textareaField_note', label: 'Note' }] },
});
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isDomainError(e) ? e.code : 'not-coded';
  }
  return 'none';
};

describe('Yida field mapping', () => {
  it('maps the HKID (normalised, any spelling), the case code, list fields split by line or Chinese separators, and labelled free text', () => {
    const id = hkid('A', '123456');
    const out = mapFormData(mapping, {
      textField_hkid: ` ${id.toLowerCase().replace(/[()]/g, '')} `,
      textField_case: 'c-7kq2m',
      textareaField_meds: 'aspirin 80mg\nwarfarin；metformin',
      checkboxField_meds: ['薄血丸'],
      textareaField_dx: 'AF、高血壓',
      textareaField_note: '  seen today  ',
      unmappedField_x: { anything: true },
    });
    expect(out).toEqual({
      hkid: id, caseCode: 'C-7KQ2M',
      medications: ['aspirin 80mg', 'warfarin', 'metformin', '薄血丸'],
      problems: ['AF', '高血壓'],
      freeText: [{ label: 'Note', text: 'seen today' }],
      flags: [],
      results: [],
    });
  });

  it('flag fields give short codes only (a sentence is no flag) and result fields numbers only, for the consult rules', () => {
    const m = formMappingBody.parse({
      name: 'ECG', recordType: 'ecg_report', documentType: 'ecg',
      fields: { patientHkid: 'textField_hkid', flags: ['selectField_finding', 'checkboxField_more'], results: [{ id: 'numberField_trop', loinc: '6598-7', unit: 'ng/L' }, { id: 'numberField_k', loinc: '2823-3', unit: 'mmol/L' }] },
    });
    const out = mapFormData(m, { textField_hkid: hkid('A', '123456'), selectField_finding: 'STEMI?', checkboxField_more: ['ST elevation in II III aVF', 'STEMI?', 'LBBB'], numberField_trop: '80.5', numberField_k: 'haemolysed' });
    expect(out.flags).toEqual(['STEMI?', 'LBBB']);
    expect(out.results).toEqual([{ component: 'numberField_trop', loinc: '6598-7', unit: 'ng/L', value: 80.5 }]);
    expect(formMappingBody.safeParse({ ...m, documentType: 'mdt_summary' }).success).toBe(false);
    expect(formMappingBody.safeParse({ ...m, fields: { ...m.fields, results: [{ id: 'numberField_trop', loinc: 'troponin', unit: 'ng/L' }] } }).success).toBe(false);
  });

  it('an empty or check-digit-invalid patient field is yida.no_patient_id; an object value or a non-object form is yida.malformed; a bad case code is ignored', () => {
    expect(codeOf(() => mapFormData(mapping, { textField_hkid: '' }))).toBe('yida.no_patient_id');
    expect(codeOf(() => mapFormData(mapping, { textField_hkid: 'A123456(0)'.replace('0', hkidCheckChar('A', '123456') === '0' ? '1' : '0') }))).toBe('yida.no_patient_id');
    expect(codeOf(() => mapFormData(mapping, { textField_hkid: hkid('A', '123456'), textareaField_meds: { name: 'x' } }))).toBe('yida.malformed');
    expect(codeOf(() => mapFormData(mapping, 'not-an-object'))).toBe('yida.malformed');
    expect(codeOf(() => mapFormData(mapping, [1, 2]))).toBe('yida.malformed');
    expect(mapFormData(mapping, { textField_hkid: hkid('A', '123456'), textField_case: 'DROP TABLE' }).caseCode).toBeNull();
    expect(valueText(42)).toBe('42');
    expect(valueText(undefined)).toBe('');
  });

  it('the callback body needs a form UUID, an appType and an instance id (either spelling) in DingTalk’s shapes', () => {
    const ok = { formUuid: 'FORM-ABC123', appType: 'APP_XYZ', formInstanceId: 'FINST-0001' };
    expect(yidaCallbackBody.safeParse(ok).success).toBe(true);
    expect(yidaCallbackBody.safeParse({ ...ok, formInstanceId: undefined, formInstId: 'FINST-0002' }).success).toBe(true);
    expect(yidaCallbackBody.safeParse({ ...ok, formInstanceId: undefined }).success).toBe(false);
    expect(yidaCallbackBody.safeParse({ ...ok, formUuid: 'ABC' }).success).toBe(false);
    expect(yidaCallbackBody.safeParse({ ...ok, appType: 'APP_X; rm -rf' }).success).toBe(false);
  });

  it('a mapping refuses component ids that are not Yida’s and unknown categories', () => {
    expect(formMappingBody.safeParse({ name: 'x', recordType: 'rt', fields: { patientHkid: 'hkid' } }).success).toBe(false);
    expect(formMappingBody.safeParse({ name: 'x', recordType: 'rt', fields: { patientHkid: 'textField_a' }, readCategory: 'everyone' }).success).toBe(false);
    expect(formMappingBody.parse({ name: 'x', recordType: 'rt', fields: { patientHkid: 'textField_a' } })).toMatchObject({ approval: 'none', readCategory: 'care_team', documentType: 'form', fields: { flags: [], results: [] } });
  });
});

describe('Yida callback settings', () => {
  const parse = (env: Record<string, string>) => yidaConfig(z.object(yidaEnvShape).parse(env));

  it('off without a secret; a short secret or a bad source list is refused at start', () => {
    expect(parse({}).callbackSecret).toBeUndefined();
    expect(z.object(yidaEnvShape).safeParse({ YIDA_CALLBACK_SECRET: 'short' }).success).toBe(false);
    expect(z.object(yidaEnvShape).safeParse({ YIDA_CALLBACK_SOURCES: '10.0.0.0/8, example.com' }).success).toBe(false);
    expect(parse({ YIDA_CALLBACK_SOURCES: '10.0.0.0/8, 203.0.113.7' }).callbackSources).toEqual(['10.0.0.0/8', '203.0.113.7']);
  });

  it('the allowlist admits addresses in its ranges (IPv4-mapped too) and nothing else; empty admits all', () => {
    const list = ['10.0.0.0/8', '203.0.113.7', '2001:db8::/32'];
    expect(sourceAllowed(list, '10.1.2.3')).toBe(true);
    expect(sourceAllowed(list, '::ffff:10.1.2.3')).toBe(true);
    expect(sourceAllowed(list, '203.0.113.7')).toBe(true);
    expect(sourceAllowed(list, '203.0.113.8')).toBe(false);
    expect(sourceAllowed(list, '2001:db8::1')).toBe(true);
    expect(sourceAllowed(list, '127.0.0.1')).toBe(false);
    expect(sourceAllowed(list, 'not-an-ip')).toBe(false);
    expect(sourceAllowed([], '127.0.0.1')).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllergyInput, parseDocumentShareInput } from '../../src/ehr/ehr-input.js';
import { buildAllergyIntolerance, buildDocumentReference } from '../../src/ehr/fhir-resources.js';
import { allergyInput, documentInput, fhirErrors, HKID, SYSTEMS } from './ehr-fixtures.js';

const build = (over = {}) => buildAllergyIntolerance(parseAllergyInput(allergyInput(over)), '901', SYSTEMS);

describe('FHIR resources the adapter produces (checked with the independent `fhir` validator)', () => {
  it('When a full allergy record is built, then it is a valid R4 AllergyIntolerance with the expected fields', () => {
    const r = build();
    expect(fhirErrors(r)).toEqual([]);
    expect(r).toMatchObject({
      resourceType: 'AllergyIntolerance',
      identifier: [{ system: 'https://consultbridge.hk/fhir/sid/allergy-record', value: 'alert-7KQ2M-1' }],
      criticality: 'high',
      category: ['medication'],
      patient: { reference: 'Patient/901' },
      onsetDateTime: '2026-11-25T13:40:00+08:00',
      recordedDate: '2026-11-25T06:00:00.000Z',
      recorder: { identifier: { system: 'https://consultbridge.hk/fhir/sid/mchk-registration', value: 'M12345' } },
      reaction: [{ severity: 'severe', manifestation: [{ text: 'Urticaria' }] }],
      verificationStatus: { coding: [{ code: 'unconfirmed' }] },
    });
  });

  it('When only the required fields are given, then the minimal resource is still valid and has no empty parts', () => {
    const r = build({ reaction: undefined, severity: undefined, category: undefined, onset: undefined, note: undefined, substance: { text: 'Peanut' } });
    expect(fhirErrors(r)).toEqual([]);
    expect(Object.keys(r)).not.toEqual(expect.arrayContaining(['reaction', 'note', 'onsetDateTime', 'category']));
    expect(r.code).toEqual({ text: 'Peanut' });
  });

  it('When any valid combination of options is built, then the validator accepts it', () => {
    const arb = fc.record({
      severity: fc.constantFrom('mild', 'moderate', 'severe', undefined),
      criticality: fc.constantFrom('low', 'high', 'unable-to-assess'),
      category: fc.constantFrom('food', 'medication', 'environment', 'biologic', undefined),
      onset: fc.constantFrom('2026', '2026-11', '2026-11-25', '2026-11-25T13:40:00Z', '2026-11-25T13:40:00.5+08:00', undefined),
      verification: fc.constantFrom('unconfirmed', 'confirmed', undefined),
      note: fc.option(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''), { nil: undefined }),
      coded: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ coded, ...o }) => {
        const over = { ...o, ...(coded ? {} : { substance: { text: 'Latex' }, reaction: { text: 'Wheeze' } }) };
        expect(fhirErrors(build(over as never))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('When a shared report is built, then it is a valid DocumentReference holding a link, not the file', () => {
    const r = buildDocumentReference(parseDocumentShareInput(documentInput()), '901', SYSTEMS);
    expect(fhirErrors(r)).toEqual([]);
    expect(r).toMatchObject({
      resourceType: 'DocumentReference',
      status: 'current',
      masterIdentifier: { system: 'https://consultbridge.hk/fhir/sid/shared-report', value: 'doc-1b2c3d' },
      subject: { reference: 'Patient/901' },
      content: [{ attachment: { url: 'https://consultbridge.hk/view/doc-1b2c3d', contentType: 'application/pdf', size: 48213 } }],
    });
    expect(JSON.stringify(r)).not.toContain('"data"');
    const minimal = buildDocumentReference(parseDocumentShareInput(documentInput({ size: undefined, sha1Base64: undefined, loincType: undefined })), '9', SYSTEMS);
    expect(fhirErrors(minimal)).toEqual([]);
  });

  it('When resources are built, then the HKID is not in them (the patient is referenced by server id)', () => {
    const all = JSON.stringify([build(), buildDocumentReference(parseDocumentShareInput(documentInput()), '901', SYSTEMS)]);
    expect(all).not.toContain(HKID);
    expect(all).not.toContain('123456');
  });

  it('When the validator sees a broken resource, then it reports it (so the checks above can fail)', () => {
    const r = build();
    expect(fhirErrors({ ...r, criticality: 'very-high' }).join()).toContain('criticality');
    expect(fhirErrors({ ...r, reaction: [{ severity: 'severe' }] }).join()).toContain('manifestation');
    expect(fhirErrors({ ...r, hkid: HKID }).join()).toContain('Unexpected property');
  });
});

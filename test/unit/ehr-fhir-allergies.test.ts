import { describe, expect, it } from 'vitest';
import { allergyOf } from '../../src/ehr/fhir-allergies.js';

const status = (system: string, code: string) => ({ coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }] });

describe('FHIR AllergyIntolerance → EhrAllergy', () => {
  it('reads substance text and coding, criticality, clinical and verification status, and category', () => {
    expect(allergyOf({
      resourceType: 'AllergyIntolerance', id: '31', criticality: 'high', category: ['medication'],
      clinicalStatus: status('allergyintolerance-clinical', 'active'),
      verificationStatus: status('allergyintolerance-verification', 'confirmed'),
      code: { text: 'Penicillin V', coding: [{ system: 'http://snomed.info/sct', code: '764146007', display: 'Penicillin' }] },
    })).toEqual({
      ref: 'AllergyIntolerance/31', text: 'Penicillin V', code: { system: 'http://snomed.info/sct', code: '764146007', display: 'Penicillin' },
      criticality: 'high', clinicalStatus: 'active', verification: 'confirmed', category: 'medication',
    });
  });

  it('falls back to the coding display and leaves out unknown values', () => {
    expect(allergyOf({ id: '32', criticality: 'extreme', category: ['plant'], code: { coding: [{ display: 'Aspirin' }] }, clinicalStatus: status('x', 'weird') }))
      .toEqual({ ref: 'AllergyIntolerance/32', text: 'Aspirin' });
  });

  it('leaves out entered-in-error, refuted and nameless or id-less records', () => {
    const code = { text: 'Peanut' };
    expect(allergyOf({ id: '1', code, verificationStatus: status('v', 'entered-in-error') })).toBeUndefined();
    expect(allergyOf({ id: '2', code, verificationStatus: status('v', 'refuted') })).toBeUndefined();
    expect(allergyOf({ id: '3', code: { coding: [{ code: '123' }] } })).toBeUndefined();
    expect(allergyOf({ code })).toBeUndefined();
    expect(allergyOf({ id: '4', code, verificationStatus: status('v', 'unconfirmed'), clinicalStatus: status('c', 'resolved') }))
      .toEqual({ ref: 'AllergyIntolerance/4', text: 'Peanut', verification: 'unconfirmed', clinicalStatus: 'resolved' });
  });
});

import { describe, expect, it } from 'vitest';
import { summariseOutcome } from '../../src/ehr/ehr-error.js';
import { parseAllergyInput, parseDocumentShareInput } from '../../src/ehr/ehr-input.js';
import { DomainError } from '../../src/shared/errors.js';
import { allergyInput, documentInput } from './ehr-fixtures.js';

function invalidFields(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('request.invalid');
    expect((e as Error).message).not.toContain('A123456');
    return (e as DomainError).details?.fields as string[];
  }
  throw new Error('expected request.invalid');
}

describe('EHR input checks', () => {
  it('When the HKID is lower case or without parentheses, then it is normalised', () => {
    expect(parseAllergyInput(allergyInput({ patientHkid: 'a1234563' })).patientHkid).toBe('A123456(3)');
  });

  it('When values are out of range, then request.invalid names the fields and not the values', () => {
    expect(invalidFields(() => parseAllergyInput(allergyInput({ patientHkid: 'A123456(4)' })))).toEqual(['patientHkid']);
    expect(invalidFields(() => parseAllergyInput(allergyInput({ severity: 'fatal' as never })))).toEqual(['severity']);
    expect(invalidFields(() => parseAllergyInput(allergyInput({ criticality: 'medium' as never })))).toEqual(['criticality']);
    expect(invalidFields(() => parseAllergyInput(allergyInput({ onset: 'last Tuesday' })))).toEqual(['onset']);
    expect(invalidFields(() => parseAllergyInput(allergyInput({ recordId: 'has space' })))).toEqual(['recordId']);
    expect(invalidFields(() => parseAllergyInput(allergyInput({ substance: { text: '  ' } })))).toEqual(['substance.text']);
    expect(invalidFields(() => parseAllergyInput({ ...allergyInput(), extra: 1 }))).toEqual(['']);
  });

  it('When a severity comes without a reaction, then it is refused (FHIR puts severity on a reaction)', () => {
    expect(invalidFields(() => parseAllergyInput(allergyInput({ reaction: undefined })))).toEqual(['reaction']);
    expect(parseAllergyInput(allergyInput({ reaction: undefined, severity: undefined })).reaction).toBeUndefined();
  });

  it('When a shared report link is not http(s) or the hash is malformed, then it is refused', () => {
    expect(invalidFields(() => parseDocumentShareInput(documentInput({ url: 'javascript:alert(1)' })))).toEqual(['url']);
    expect(invalidFields(() => parseDocumentShareInput(documentInput({ sha1Base64: 'abc' })))).toEqual(['sha1Base64']);
  });
});

describe('OperationOutcome summary', () => {
  it('When the server explains a rejection, then codes and paths are kept and free text and values are dropped', () => {
    const issues = summariseOutcome({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'invalid',
          details: { coding: [{ system: 'http://hl7.org/fhir/operation-outcome', code: 'MSG_PARAM_INVALID' }], text: 'CHAN Tai-man' },
          diagnostics: 'Patient CHAN Tai-man A123456(3) has no consent',
          expression: ["Patient.identifier.where(value='A123456(3)')", 'AllergyIntolerance.reaction[0].severity'],
          location: ['Patient.identifier.where(value = A1234563)'],
        },
        { severity: 'warning', code: 'business-rule' },
      ],
    });
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'invalid',
        details: ['MSG_PARAM_INVALID'],
        expression: ["Patient.identifier.where(value='…')", 'AllergyIntolerance.reaction[0].severity', 'Patient.identifier.where(value = …)'],
      },
      { severity: 'warning', code: 'business-rule' },
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/CHAN|123456/);
  });

  it('When the body is not an OperationOutcome, then there are no issues', () => {
    expect(summariseOutcome('<html>bad gateway</html>')).toEqual([]);
    expect(summariseOutcome({ resourceType: 'Patient' })).toEqual([]);
    expect(summariseOutcome(null)).toEqual([]);
  });
});

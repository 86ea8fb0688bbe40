import { describe, expect, it } from 'vitest';
import { bundleResources, medicationOf } from '../../src/ehr/fhir-medications.js';
import { fhirSystems } from '../../src/ehr/fhir-systems.js';

const systems = fhirSystems({ hkidSystem: 'http://ehealth.gov.hk/fhir/hkid', idSystemBase: 'https://cb.example/sid' });

describe('FHIR MedicationRequest / MedicationStatement → EhrMedication', () => {
  it('reads name, status, dose, route, timing, dates and a registered prescriber', () => {
    const m = medicationOf('MedicationRequest', {
      resourceType: 'MedicationRequest', id: '12', status: 'on-hold',
      medicationCodeableConcept: { coding: [{ display: 'Warfarin 1 mg tablet' }] },
      authoredOn: '2026-11-20T09:00:00+08:00',
      dispenseRequest: { validityPeriod: { end: '2027-01-31' } },
      dosageInstruction: [{ route: { coding: [{ display: 'Oral' }] }, timing: { code: { text: 'BD' } }, doseAndRate: [{ doseQuantity: { value: 1.5, unit: 'mg' } }] }],
      requester: { identifier: { system: systems.registration, value: 'M23456' }, display: 'Dr Lam' },
    }, systems);
    expect(m).toEqual({
      ref: 'MedicationRequest/12', text: 'Warfarin 1 mg tablet', status: 'active', dose: '1.5 mg', route: 'Oral', frequency: 'BD',
      startOn: '2026-11-20', stopOn: '2027-01-31', prescriber: { registrationNo: 'M23456', display: 'Dr Lam' },
    });
  });

  it('maps finished statements to stopped, keeps a prescriber of another system by name only, and leaves out entered-in-error or nameless resources', () => {
    expect(medicationOf('MedicationStatement', {
      id: '5', status: 'not-taken', medicationReference: { display: 'Aspirin' }, effectiveDateTime: '2026-10-01', informationSource: { identifier: { system: 'other', value: 'X1' }, display: 'Dr X' },
    }, systems)).toEqual({ ref: 'MedicationStatement/5', text: 'Aspirin', status: 'stopped', startOn: '2026-10-01', prescriber: { display: 'Dr X' } });
    expect(medicationOf('MedicationStatement', { id: '6', status: 'entered-in-error', medicationCodeableConcept: { text: 'Aspirin' } }, systems)).toBeUndefined();
    expect(medicationOf('MedicationRequest', { id: '7', status: 'active', medicationCodeableConcept: { coding: [{ code: '123' }] } }, systems)).toBeUndefined();
    expect(medicationOf('MedicationRequest', { status: 'active', medicationCodeableConcept: { text: 'Aspirin' } }, systems)).toBeUndefined();
  });

  it('takes only the matching resources of a searchset, and refuses what is not a Bundle', () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'MedicationRequest', id: '1' }, search: { mode: 'match' } },
        { resource: { resourceType: 'Medication', id: '2' }, search: { mode: 'include' } },
        { resource: { resourceType: 'MedicationRequest', id: '3' }, search: { mode: 'include' } },
      ],
    };
    expect(bundleResources(bundle, 'MedicationRequest').map((r) => r.id)).toEqual(['1']);
    expect(() => bundleResources({ resourceType: 'OperationOutcome' }, 'MedicationRequest')).toThrow(expect.objectContaining({ code: 'ehr.rejected' }));
  });
});

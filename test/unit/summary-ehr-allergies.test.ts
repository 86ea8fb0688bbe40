import { describe, expect, it, vi } from 'vitest';
import { EhrError } from '../../src/ehr/ehr-error.js';
import { DomainError } from '../../src/shared/errors.js';
import { ehrAllergies } from '../../src/usecases/summary/summary-ehr-allergies.js';

const normaliser = { resolveDrug: (name: string) => (name === 'Aspirn' ? { entry: 'drug.aspirin', canonical: 'aspirin', ingredients: ['aspirin'], how: 'sound-alike' as const, score: 0.8 } : undefined) };
const reveal = () => ({ revealPatient: vi.fn(async () => ({ hkid: 'A1234563' }) as never) });

describe('the key points’ EHR allergies state', () => {
  it('does not reveal the HKID or ask an unconfigured EHR', async () => {
    const r = reveal();
    const ehr = { configured: false, patientAllergies: vi.fn() };
    expect(await ehrAllergies({ ehr, reveal: r }, normaliser, 'c1', 'u1')).toEqual({ state: 'unavailable', reason: 'ehr.not_configured' });
    expect(r.revealPatient).not.toHaveBeenCalled();
    expect(ehr.patientAllergies).not.toHaveBeenCalled();
  });

  it('turns an EHR error into the unavailable state with its code, and rethrows anything else', async () => {
    const fail = (e: Error) => ({ configured: true, patientAllergies: () => Promise.reject(e) });
    expect(await ehrAllergies({ ehr: fail(new EhrError({ kind: 'patient_not_found', op: 'x' })), reveal: reveal() }, normaliser, 'c1', 'u1'))
      .toEqual({ state: 'unavailable', reason: 'ehr.patient_not_found' });
    await expect(ehrAllergies({ ehr: fail(new DomainError('case.not_found')), reveal: reveal() }, normaliser, 'c1', 'u1')).rejects.toThrow();
  });

  it('keeps a sound-alike substance unnormalised, and reveals with the audit reason', async () => {
    const r = reveal();
    const ehr = { configured: true, patientAllergies: async () => [{ ref: 'AllergyIntolerance/1', text: 'Aspirn', code: { system: 's', code: '1' } }] };
    expect(await ehrAllergies({ ehr, reveal: r }, normaliser, 'c1', 'u1')).toEqual({ state: 'listed', items: [{ ref: 'AllergyIntolerance/1', text: 'Aspirn', drug: null }] });
    expect(r.revealPatient).toHaveBeenCalledWith('c1', 'u1', 'ehr_allergy_read');
  });
});

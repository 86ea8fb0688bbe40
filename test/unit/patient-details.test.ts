import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../src/domain/patients/field-cipher.js';
import { createPatientRecords } from '../../src/domain/patients/patient-records.js';
import type { PatientRow, PatientsRepository } from '../../src/domain/patients/patients-repository.js';

/** Just the rows, in memory: what the records module seals is what it stores. */
function memoryRepo() {
  const rows = new Map<string, PatientRow>();
  const repo = {
    insert: async (row: Partial<PatientRow> & Pick<PatientRow, 'id'>) => void rows.set(row.id, { sexCipher: null, recordCipher: null, ...row } as PatientRow),
    findById: async (id: string) => rows.get(id),
    updateDetails: async (id: string, d: Partial<PatientRow>) => void rows.set(id, { ...rows.get(id)!, ...d }),
  } as unknown as PatientsRepository;
  return { rows, repo };
}

describe('patient sex and record number (issue 12 item 1)', () => {
  const cipher = createFieldCipher(randomBytes(32));
  const identity = { hkid: 'A123456(3)', nameEn: 'TEST Patient', dateOfBirth: '1950-01-02' };

  it('When a patient is created with sex and a record number, then both are sealed (bound to the patient) and revealed again', async () => {
    const { rows, repo } = memoryRepo();
    const records = createPatientRecords({ repo, cipher, nameIndex: { replace: async () => undefined } });
    const row = await records.create({ ...identity, sex: 'x', record: { institution: 'QMH', number: 'HN1' } }, 1);
    const stored = rows.get(row.id)!;
    expect(stored.sexCipher).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toMatch(/HN1|QMH/);
    expect(() => cipher.open('sex', 'another-patient', stored.sexCipher!)).toThrow();
    expect(await records.reveal(row.id)).toMatchObject({ sex: 'x', record: { institution: 'QMH', number: 'HN1' } });
  });

  it('When none were given, then the reveal has neither; a later form fills in what it gives and keeps the rest', async () => {
    const { repo } = memoryRepo();
    const records = createPatientRecords({ repo, cipher, nameIndex: { replace: async () => undefined } });
    const row = await records.create(identity, 1);
    const bare = await records.reveal(row.id);
    expect(bare).not.toHaveProperty('sex');
    expect(bare).not.toHaveProperty('record');
    await records.updateDetails(row.id, { record: { institution: 'HPH', number: 'MRN-77' } });
    await records.updateDetails(row.id, { sex: 'male' });
    expect(await records.reveal(row.id)).toMatchObject({ sex: 'male', record: { institution: 'HPH', number: 'MRN-77' } });
  });
});

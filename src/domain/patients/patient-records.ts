import { isPatientSex, type PatientSex } from '../../contract/patient-sex.js';
import { newId } from '../../shared/ids.js';
import type { FieldCipher } from './field-cipher.js';
import type { NameIndexRepository } from './name-index-repository.js';
import { nameTokens } from './name-tokens.js';
import type { NewPatientRow, PatientDetailsUpdate, PatientRow, PatientsRepository } from './patients-repository.js';

export interface PatientIdentity {
  /** Normalised, check-digit-valid HKID, e.g. `A123456(3)`. */
  hkid: string;
  nameEn?: string;
  nameZh?: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  /** Optional on the case-open form. */
  sex?: PatientSex;
  /** The institution's own record number, with the code of the institution it belongs to. */
  record?: PatientRecordNumber;
}

export interface PatientRecordNumber {
  institution: string;
  number: string;
}

/** The optional details as sealed columns; a detail not given is left out (kept as it is on update). */
function sealDetails(cipher: FieldCipher, id: string, d: Pick<PatientIdentity, 'sex' | 'record'>): PatientDetailsUpdate {
  return {
    ...(d.sex ? { sexCipher: cipher.seal('sex', id, d.sex) } : {}),
    ...(d.record ? { recordCipher: cipher.seal('record', id, JSON.stringify(d.record)) } : {}),
  };
}

/** The optional details opened again; a value that does not read as one is left out. */
function openDetails(cipher: FieldCipher, row: PatientRow): Pick<PatientIdentity, 'sex' | 'record'> {
  const sex = row.sexCipher ? cipher.open('sex', row.id, row.sexCipher) : undefined;
  const record = row.recordCipher ? (JSON.parse(cipher.open('record', row.id, row.recordCipher)) as PatientRecordNumber) : undefined;
  return { ...(sex && isPatientSex(sex) ? { sex } : {}), ...(record ? { record } : {}) };
}

/**
 * The only place patient identity is sealed and unsealed. Lookups go through the keyed HKID hash,
 * so finding a patient never needs a decrypt.
 */
export function createPatientRecords(deps: { repo: PatientsRepository; cipher: FieldCipher; nameIndex: Pick<NameIndexRepository, 'replace'> }) {
  const { repo, cipher, nameIndex } = deps;
  return {
    findByHkid(normalisedHkid: string): Promise<PatientRow | undefined> {
      return repo.findByHkidHash(cipher.hkidHash(normalisedHkid));
    },
    /** Seals and stores a new patient; call inside the caller's transaction. */
    async create(identity: PatientIdentity, now: number): Promise<PatientRow> {
      const id = newId();
      const names = JSON.stringify({ en: identity.nameEn ?? null, zh: identity.nameZh ?? null });
      const row: NewPatientRow = {
        id,
        hkidHash: cipher.hkidHash(identity.hkid),
        hkidCipher: cipher.seal('hkid', id, identity.hkid),
        nameCipher: cipher.seal('name', id, names),
        dobCipher: cipher.seal('dob', id, identity.dateOfBirth),
        createdAt: now,
        ...sealDetails(cipher, id, identity),
      };
      await repo.insert(row);
      await nameIndex.replace(id, nameTokenHashes(cipher, identity));
      return { sexCipher: null, recordCipher: null, ...row };
    },
    /** A later case-open form's sex and record number for a known patient: given ones replace the stored ones. */
    async updateDetails(patientId: string, details: Pick<PatientIdentity, 'sex' | 'record'>): Promise<void> {
      await repo.updateDetails(patientId, sealDetails(cipher, patientId, details));
    },
    /** Decrypts a stored patient. For the secure viewer and upload form only — never for chat. */
    async reveal(patientId: string): Promise<PatientIdentity | undefined> {
      const row = await repo.findById(patientId);
      if (!row) return undefined;
      const names = JSON.parse(cipher.open('name', row.id, row.nameCipher)) as { en: string | null; zh: string | null };
      return {
        hkid: cipher.open('hkid', row.id, row.hkidCipher),
        nameEn: names.en ?? undefined,
        nameZh: names.zh ?? undefined,
        dateOfBirth: cipher.open('dob', row.id, row.dobCipher),
        ...openDetails(cipher, row),
      };
    },
  };
}

export type PatientRecords = ReturnType<typeof createPatientRecords>;

/** The blind-index hashes of a patient's names (English and Chinese), for create, update and the backfill. */
export function nameTokenHashes(cipher: Pick<FieldCipher, 'nameTokenHash'>, names: { nameEn?: string | null; nameZh?: string | null }): string[] {
  return [...new Set([...nameTokens(names.nameEn), ...nameTokens(names.nameZh)])].map((t) => cipher.nameTokenHash(t));
}

/** The backfill's view of a stored row: its names decrypted, then hashed (never kept). */
export function storedNameTokenHashes(cipher: FieldCipher, row: Pick<PatientRow, 'id' | 'nameCipher'>): string[] {
  const names = JSON.parse(cipher.open('name', row.id, row.nameCipher)) as { en: string | null; zh: string | null };
  return nameTokenHashes(cipher, { nameEn: names.en, nameZh: names.zh });
}

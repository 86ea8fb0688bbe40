import { randomBytes } from 'node:crypto';
import { createPgCasesRepository } from '../../src/domain/cases/cases-repository-pg.js';
import { createCasesRepository, type CasesRepository } from '../../src/domain/cases/cases-repository.js';
import { createPgDirectoryRepository } from '../../src/domain/directory/directory-repository-pg.js';
import { createDirectoryRepository, type DirectoryRepository } from '../../src/domain/directory/directory-repository.js';
import { createFreeTextCipher } from '../../src/domain/patients/free-text-cipher.js';
import { createPgPatientsRepository } from '../../src/domain/patients/patients-repository-pg.js';
import { createPatientsRepository, type PatientsRepository } from '../../src/domain/patients/patients-repository.js';
import type { StoreUnderTest } from './both-stores.js';

/**
 * The rows other tables refer to (clinicians, patients, cases), written through the already ported
 * repositories of the store under test, so a contract suite can satisfy foreign keys on both stores.
 */
export interface Seed {
  directory: DirectoryRepository;
  patients: PatientsRepository;
  cases: CasesRepository;
  /** A clinician with this DingTalk id (created once); answers its id. */
  clinician(userId: string): Promise<string>;
  /** A patient (created once, HKID hash derived from the id). */
  patient(id: string): Promise<string>;
  /** An open case of a new patient, opened by `openedBy`'s clinician, at `openedAt`. */
  openCase(id: string, openedBy: string, openedAt?: number): Promise<string>;
}

const texts = createFreeTextCipher(randomBytes(32));

export function seedFor(s: StoreUnderTest): Seed {
  const directory = s.kind === 'sqlite' ? createDirectoryRepository(s.sqlite.db, s.sqlite.store) : createPgDirectoryRepository(s.pg);
  const patients = s.kind === 'sqlite' ? createPatientsRepository(s.sqlite.db, s.sqlite.store, texts) : createPgPatientsRepository(s.pg, texts);
  const cases = s.kind === 'sqlite' ? createCasesRepository(s.sqlite.db, s.sqlite.store) : createPgCasesRepository(s.pg);
  const clinician = async (userId: string) => (await directory.insert({ dingtalkUserId: userId, displayName: `Dr ${userId}` }, 1)).id;
  const patient = async (id: string) => {
    if (!(await patients.findById(id))) await patients.insert({ id, hkidHash: `hash-${id}`, hkidCipher: 'c1', nameCipher: 'c2', dobCipher: 'c3', createdAt: 1 });
    return id;
  };
  const openCase = async (id: string, openedBy: string, openedAt = 1) => {
    const patientId = await patient(`patient-of-${id}`);
    await cases.insertCase({ id, code: `C-${id}`, patientId, openedBy: await clinician(openedBy), openedAt, status: 'open' });
    return id;
  };
  return { directory, patients, cases, clinician, patient, openCase };
}

/** Runs one plain SQL statement on the store under test (both dialects must accept it); answers its rows. */
export async function rawSql<T = Record<string, unknown>>(s: StoreUnderTest, text: string): Promise<T[]> {
  if (s.kind === 'postgres') return (await s.pg.pool.query(text)).rows as T[];
  const stmt = s.sqlite.sqlite.prepare(text);
  if (stmt.reader) return stmt.all() as T[];
  stmt.run();
  return [];
}

import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '../../src/db/client.js';
import { createFieldCipher } from '../../src/domain/patients/field-cipher.js';
import { backfillNameTokens, createNameIndexRepository } from '../../src/domain/patients/name-index-repository.js';
import { nameTokens } from '../../src/domain/patients/name-tokens.js';
import { createPatientRecords, storedNameTokenHashes } from '../../src/domain/patients/patient-records.js';
import { createPatientsRepository } from '../../src/domain/patients/patients-repository.js';
import { createPatientSearch } from '../../src/domain/patients/patient-search.js';
import { pageLimit } from '../../src/usecases/cases/cases-cursor.js';
import { readCaseSearch } from '../../src/usecases/cases/case-search-query.js';

describe('name tokens (the blind index’s words)', () => {
  it('case-folds, splits on whitespace and punctuation, folds full-width forms, and makes each Chinese character a token', () => {
    expect(nameTokens('CHAN Tai-man')).toEqual(['chan', 'tai', 'man']);
    expect(nameTokens('  O’Brien,  Mary ')).toEqual(['o', 'brien', 'mary']);
    expect(nameTokens('ＣＨＡＮ')).toEqual(['chan']);
    expect(nameTokens('陳大文')).toEqual(['陳', '大', '文']);
    expect(nameTokens('陳大文 Peter')).toEqual(['陳', '大', '文', 'peter']);
    expect(nameTokens('')).toEqual([]);
    expect(nameTokens(null)).toEqual([]);
  });

  it('reads the search box: a case code in any case, a check-digit-valid HKID, else name tokens', () => {
    expect(readCaseSearch('c-7kq2m')).toEqual({ kind: 'code', code: 'C-7KQ2M' });
    expect(readCaseSearch('a123456(3)')).toEqual({ kind: 'hkid', hkid: 'A123456(3)' });
    expect(() => readCaseSearch('A1234564')).toThrow(expect.objectContaining({ code: 'hkid.invalid' }));
    expect(readCaseSearch('chan tai man')).toEqual({ kind: 'name', text: 'chan tai man' });
    expect(() => readCaseSearch('-- ,')).toThrow(expect.objectContaining({ code: 'search.invalid' }));
  });

  it('caps page sizes at 50, defaults to 20', () => {
    expect(pageLimit(undefined)).toBe(20);
    expect(pageLimit(500)).toBe(50);
    expect(pageLimit(0)).toBe(1);
    expect(pageLimit(7)).toBe(7);
  });
});

describe('name-token blind index', () => {
  let dbh: DbHandle | undefined;
  afterEach(() => dbh?.close());

  it('indexes a patient on create, finds whole tokens only, and the start-up backfill restores rows for patients from before the index', async () => {
    dbh = openDatabase(':memory:');
    const cipher = createFieldCipher(randomBytes(32));
    const patients = createPatientsRepository(dbh.db, dbh.store, cipher.freeText);
    const nameIndex = createNameIndexRepository(dbh.db, dbh.store);
    const records = createPatientRecords({ repo: patients, cipher, nameIndex });
    const search = createPatientSearch({ cipher, patients, nameIndex });
    const p = await records.create({ hkid: 'A123456(3)', nameEn: 'CHAN Tai Man', nameZh: '陳大文', dateOfBirth: '1950-01-02' }, 1);
    expect((await search.byName('tai chan')).patientIds).toEqual([p.id]);
    expect((await search.byName('大文')).patientIds).toEqual([p.id]);
    expect((await search.byName('ta')).patientIds).toEqual([]);
    expect((await search.byName('chan wong')).patientIds).toEqual([]);
    expect((await search.byHkid('A123456(3)')).patientIds).toEqual([p.id]);
    expect((await search.byName('Chan Tai')).queryHash).toBe((await search.byName('tai, CHAN')).queryHash);

    dbh.sqlite.exec('DELETE FROM patient_name_tokens');
    expect((await search.byName('chan')).patientIds).toEqual([]);
    expect(backfillNameTokens(dbh.db, (row) => storedNameTokenHashes(cipher, row))).toBe(1);
    expect((await search.byName('chan')).patientIds).toEqual([p.id]);
    expect(backfillNameTokens(dbh.db, (row) => storedNameTokenHashes(cipher, row))).toBe(0);
  });
});

import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { newId } from '../../shared/ids.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from './free-text-cipher.js';
import { patientConsents, patientHkidAliases, patientNameTokens, patients, restrictedConsents, type ConsentStatus } from './patients-tables.js';

export type PatientRow = typeof patients.$inferSelect;
/** A new patient row: the optional sealed fields (sex, record number) may be left out. */
export type NewPatientRow = typeof patients.$inferInsert;
/** The sealed optional details a later case-open form may fill in or correct (a field left out stays as it is). */
export type PatientDetailsUpdate = Partial<Pick<PatientRow, 'sexCipher' | 'recordCipher'>>;
export type ConsentRow = typeof patientConsents.$inferSelect;
export type RestrictedConsentRow = typeof restrictedConsents.$inferSelect;

export interface ConsentInput {
  institutionId: string;
  status: ConsentStatus;
  reference?: string | null;
}

/**
 * Named queries over patients and their consents. Rows hold ciphertext only: patient fields through
 * the FieldCipher (sealed by the caller), consent references (free text) sealed here with `texts`.
 */
export function createPatientsRepository(db: Db, store: SqliteStore, texts: FreeTextCipher) {
  return store.wrap(patientsStatements(db, texts));
}

export type PatientsRepository = ReturnType<typeof createPatientsRepository>;

/** The statements themselves, synchronous; wrapped above. */
function patientsStatements(db: Db, texts: FreeTextCipher) {
  const openConsent = (r: ConsentRow | undefined): ConsentRow | undefined =>
    r && { ...r, reference: openOrNull(texts, 'patient_consents.reference', r.id, r.reference) };
  const openRestricted = (r: RestrictedConsentRow): RestrictedConsentRow => ({ ...r, reference: texts.open('restricted_consents.reference', r.id, r.reference) });
  return {
    insert(row: NewPatientRow): void {
      db.insert(patients).values(row).run();
    },
    updateDetails(id: string, details: PatientDetailsUpdate): void {
      if (Object.keys(details).length > 0) db.update(patients).set(details).where(eq(patients.id, id)).run();
    },
    findById(id: string): PatientRow | undefined {
      return db.select().from(patients).where(eq(patients.id, id)).get();
    },
    /** The patient an HKID hash names: a merged-away record's hash resolves to the surviving record. */
    findByHkidHash(hash: string): PatientRow | undefined {
      const alias = db.select({ patientId: patientHkidAliases.patientId }).from(patientHkidAliases).where(eq(patientHkidAliases.hkidHash, hash)).get();
      if (alias) return db.select().from(patients).where(eq(patients.id, alias.patientId)).get();
      return db.select().from(patients).where(eq(patients.hkidHash, hash)).get();
    },
    /**
     * Folds a duplicate record into the survivor: the duplicate's HKID hash (and any hash merged into
     * it before) now resolves to the survivor, and its consent history moves with it. Cases move in
     * the cases repository; call both inside one transaction.
     */
    mergeInto(duplicate: PatientRow, survivorId: string, by: string, now: number): void {
      db.update(patientHkidAliases).set({ patientId: survivorId }).where(eq(patientHkidAliases.patientId, duplicate.id)).run();
      db.insert(patientHkidAliases).values({ hkidHash: duplicate.hkidHash, patientId: survivorId, mergedFrom: duplicate.id, mergedBy: by, mergedAt: now }).run();
      db.update(patientConsents).set({ patientId: survivorId }).where(eq(patientConsents.patientId, duplicate.id)).run();
      db.update(restrictedConsents).set({ patientId: survivorId }).where(eq(restrictedConsents.patientId, duplicate.id)).run();
      // Name search: the duplicate's name tokens now find the survivor (tokens both share are kept once).
      db.run(sql`UPDATE OR IGNORE ${patientNameTokens} SET patient_id = ${survivorId} WHERE patient_id = ${duplicate.id}`);
      db.delete(patientNameTokens).where(eq(patientNameTokens.patientId, duplicate.id)).run();
    },
    addConsent(patientId: string, c: ConsentInput, attestedBy: string, now: number): void {
      const id = newId();
      const reference = sealOrNull(texts, 'patient_consents.reference', id, c.reference);
      db.insert(patientConsents).values({ id, patientId, ...c, reference, attestedBy, recordedAt: now }).run();
    },
    /** The newest consent row for the pair; ties on time are broken by insertion order (rowid). */
    latestConsent(patientId: string, institutionId: string): ConsentRow | undefined {
      return openConsent(
        db
          .select()
          .from(patientConsents)
          .where(and(eq(patientConsents.patientId, patientId), eq(patientConsents.institutionId, institutionId)))
          .orderBy(desc(patientConsents.recordedAt), sql`rowid desc`)
          .limit(1)
          .get(),
      );
    },
    consentHistory(patientId: string): ConsentRow[] {
      return db.select().from(patientConsents).where(eq(patientConsents.patientId, patientId)).orderBy(patientConsents.recordedAt).all().map((r) => openConsent(r)!);
    },
    addRestrictedConsent(patientId: string, category: string, reference: string, attestedBy: string, now: number): void {
      const id = newId();
      const sealed = texts.seal('restricted_consents.reference', id, reference);
      db.insert(restrictedConsents).values({ id, patientId, category, reference: sealed, attestedBy, recordedAt: now }).run();
    },
    restrictedConsentHistory(patientId: string): RestrictedConsentRow[] {
      return db.select().from(restrictedConsents).where(eq(restrictedConsents.patientId, patientId)).orderBy(restrictedConsents.recordedAt).all().map(openRestricted);
    },
    hasRestrictedConsent(patientId: string, category: string): boolean {
      const row = db
        .select({ id: restrictedConsents.id })
        .from(restrictedConsents)
        .where(and(eq(restrictedConsents.patientId, patientId), eq(restrictedConsents.category, category)))
        .get();
      return row !== undefined;
    },
  };
}

import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { newId } from '../../shared/ids.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from './free-text-cipher.js';
import { patientConsents, patients, restrictedConsents, type ConsentStatus } from './patients-tables.js';

export type PatientRow = typeof patients.$inferSelect;
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

/**
 * The statements themselves, synchronous. Outside this file only for the temporary read bridge
 * (cases/case-reads-sync.ts) used by contexts whose services are not async yet.
 */
export function patientsStatements(db: Db, texts: FreeTextCipher) {
  const openConsent = (r: ConsentRow | undefined): ConsentRow | undefined =>
    r && { ...r, reference: openOrNull(texts, 'patient_consents.reference', r.id, r.reference) };
  const openRestricted = (r: RestrictedConsentRow): RestrictedConsentRow => ({ ...r, reference: texts.open('restricted_consents.reference', r.id, r.reference) });
  return {
    insert(row: PatientRow): void {
      db.insert(patients).values(row).run();
    },
    findById(id: string): PatientRow | undefined {
      return db.select().from(patients).where(eq(patients.id, id)).get();
    },
    findByHkidHash(hash: string): PatientRow | undefined {
      return db.select().from(patients).where(eq(patients.hkidHash, hash)).get();
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

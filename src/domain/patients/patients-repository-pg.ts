import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { patientConsents, patientHkidAliases, patientNameTokens, patients, restrictedConsents } from '../../db/pg/patients-tables.js';
import { insertionOrder } from '../../db/pg/pg-columns.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { newId } from '../../shared/ids.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from './free-text-cipher.js';
import type { ConsentRow, PatientsRepository, RestrictedConsentRow } from './patients-repository.js';

/**
 * Patients and consents on PostgreSQL: the same port as patients-repository.ts (ciphertext only).
 * What differs in SQL: SQLite breaks a tie on `recordedAt` by rowid (insertion order); PostgreSQL has
 * no rowid, so the hidden `insert_seq` stands in (see insertionOrder).
 */
export function createPgPatientsRepository(store: PgStore, texts: FreeTextCipher): PatientsRepository {
  const db = () => store.db();
  const openConsent = (r: ConsentRow): ConsentRow => ({ ...r, reference: openOrNull(texts, 'patient_consents.reference', r.id, r.reference) });
  const openRestricted = (r: RestrictedConsentRow): RestrictedConsentRow => ({ ...r, reference: texts.open('restricted_consents.reference', r.id, r.reference) });
  return {
    async insert(row) {
      await db().insert(patients).values(row);
    },
    async updateDetails(id, details) {
      if (Object.keys(details).length > 0) await db().update(patients).set(details).where(eq(patients.id, id));
    },
    async findById(id) {
      const [row] = await db().select().from(patients).where(eq(patients.id, id));
      return row;
    },
    async findByHkidHash(hash) {
      const [alias] = await db().select({ patientId: patientHkidAliases.patientId }).from(patientHkidAliases).where(eq(patientHkidAliases.hkidHash, hash));
      const [row] = await db().select().from(patients).where(alias ? eq(patients.id, alias.patientId) : eq(patients.hkidHash, hash));
      return row;
    },
    /** As on SQLite (see patients-repository.ts); shared name tokens are kept once (ON CONFLICT DO NOTHING). */
    async mergeInto(duplicate, survivorId, by, now) {
      await db().update(patientHkidAliases).set({ patientId: survivorId }).where(eq(patientHkidAliases.patientId, duplicate.id));
      await db().insert(patientHkidAliases).values({ hkidHash: duplicate.hkidHash, patientId: survivorId, mergedFrom: duplicate.id, mergedBy: by, mergedAt: now });
      await db().update(patientConsents).set({ patientId: survivorId }).where(eq(patientConsents.patientId, duplicate.id));
      await db().update(restrictedConsents).set({ patientId: survivorId }).where(eq(restrictedConsents.patientId, duplicate.id));
      await db().execute(
        sql`INSERT INTO ${patientNameTokens} (patient_id, token_hash) SELECT ${survivorId}, token_hash FROM ${patientNameTokens} WHERE patient_id = ${duplicate.id} ON CONFLICT DO NOTHING`,
      );
      await db().delete(patientNameTokens).where(eq(patientNameTokens.patientId, duplicate.id));
    },
    async addConsent(patientId, c, attestedBy, now) {
      const id = newId();
      const reference = sealOrNull(texts, 'patient_consents.reference', id, c.reference);
      await db().insert(patientConsents).values({ id, patientId, ...c, reference, attestedBy, recordedAt: now });
    },
    async latestConsent(patientId, institutionId) {
      const [row] = await db()
        .select()
        .from(patientConsents)
        .where(and(eq(patientConsents.patientId, patientId), eq(patientConsents.institutionId, institutionId)))
        .orderBy(desc(patientConsents.recordedAt), insertionOrder(patientConsents, 'desc'))
        .limit(1);
      return row && openConsent(row);
    },
    async consentHistory(patientId) {
      const rows = await db().select().from(patientConsents).where(eq(patientConsents.patientId, patientId)).orderBy(asc(patientConsents.recordedAt), insertionOrder(patientConsents));
      return rows.map(openConsent);
    },
    async addRestrictedConsent(patientId, category, reference, attestedBy, now) {
      const id = newId();
      const sealed = texts.seal('restricted_consents.reference', id, reference);
      await db().insert(restrictedConsents).values({ id, patientId, category, reference: sealed, attestedBy, recordedAt: now });
    },
    async restrictedConsentHistory(patientId) {
      const rows = await db()
        .select()
        .from(restrictedConsents)
        .where(eq(restrictedConsents.patientId, patientId))
        .orderBy(asc(restrictedConsents.recordedAt), insertionOrder(restrictedConsents));
      return rows.map(openRestricted);
    },
    async hasRestrictedConsent(patientId, category) {
      const [row] = await db()
        .select({ id: restrictedConsents.id })
        .from(restrictedConsents)
        .where(and(eq(restrictedConsents.patientId, patientId), eq(restrictedConsents.category, category)))
        .limit(1);
      return row !== undefined;
    },
  };
}

import { and, desc, eq } from 'drizzle-orm';
import { olderThan } from '../../db/keyset.js';
import { caseMedications } from '../../db/pg/medications-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { byStatusThenAge } from './medication.js';
import type { MedicationRepository } from './medication-repository.js';
import { openMedication, sealMedication, type MedicationRow } from './medication-seal.js';

/** The medication entries on PostgreSQL: the same port and the same sealing as medication-repository.ts. */
export function createPgMedicationRepository(store: PgStore, cipher: FreeTextCipher): MedicationRepository {
  const db = () => store.db();
  const open = (rows: MedicationRow[]) => rows.map((r) => openMedication(cipher, r)).sort(byStatusThenAge);
  const onCase = (caseId: string, id: string) => and(eq(caseMedications.caseId, caseId), eq(caseMedications.id, id));
  return {
    async insert(entry) {
      const res = await db().insert(caseMedications).values(sealMedication(cipher, entry)).onConflictDoNothing();
      return (res.rowCount ?? 0) > 0;
    },
    async find(caseId, id) {
      const [row] = await db().select().from(caseMedications).where(onCase(caseId, id));
      return row ? openMedication(cipher, row) : undefined;
    },
    async forCase(caseId) {
      return open(await db().select().from(caseMedications).where(eq(caseMedications.caseId, caseId)));
    },
    async pageForCase(caseId, status, page) {
      const where = and(eq(caseMedications.caseId, caseId), eq(caseMedications.status, status), olderThan(caseMedications, page.after));
      return (await db().select().from(caseMedications).where(where).orderBy(desc(caseMedications.createdAt), desc(caseMedications.id)).limit(page.limit)).map((r) => openMedication(cipher, r));
    },
    async activeForCase(caseId) {
      return open(await db().select().from(caseMedications).where(and(eq(caseMedications.caseId, caseId), eq(caseMedications.status, 'active'))));
    },
    async ehrRefs(caseId) {
      const rows = await db().select({ ref: caseMedications.ehrRef }).from(caseMedications).where(eq(caseMedications.caseId, caseId));
      return new Set(rows.flatMap((r) => (r.ref === null ? [] : [r.ref])));
    },
    async stop(caseId, id, stopOn) {
      const res = await db().update(caseMedications).set({ status: 'stopped', stopOn }).where(and(onCase(caseId, id), eq(caseMedications.status, 'active')));
      return (res.rowCount ?? 0) > 0;
    },
  };
}

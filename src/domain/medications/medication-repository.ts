import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { olderThan, type PageOf } from '../../db/keyset.js';
import type { SqliteStore } from '../../db/store.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { byStatusThenAge, type MedicationEntry } from './medication.js';
import { openMedication, sealMedication } from './medication-seal.js';
import { caseMedications } from './medications-tables.js';

/**
 * The medication entries of cases, decrypted on the way out and sealed on the way in (the SQL sees
 * ciphertext only). One port, two stores: this one on SQLite and medication-repository-pg.ts, kept in
 * step by test/pg/contracts/medications.contract.test.ts.
 */
export interface MedicationRepository {
  /** Stores a new entry; false (nothing written) when the case already has an entry with its `ehrRef`. */
  insert(entry: MedicationEntry): Promise<boolean>;
  find(caseId: string, id: string): Promise<MedicationEntry | undefined>;
  /** Every entry of the case: active first, then oldest first. */
  forCase(caseId: string): Promise<MedicationEntry[]>;
  /** One keyset page of the case's active or stopped entries, newest first by (createdAt, id): a seek on case_medications_case_idx. */
  pageForCase(caseId: string, status: MedicationEntry['status'], page: PageOf): Promise<MedicationEntry[]>;
  /** The case's active entries, oldest first (what a new entry is checked against). */
  activeForCase(caseId: string): Promise<MedicationEntry[]>;
  /** The EHR references already on the case (an import skips these). */
  ehrRefs(caseId: string): Promise<Set<string>>;
  /** Stops an active entry on `stopOn`; false when it was not active (already stopped, or not on this case). */
  stop(caseId: string, id: string, stopOn: string): Promise<boolean>;
}

export function createMedicationRepository(db: Db, store: SqliteStore, cipher: FreeTextCipher): MedicationRepository {
  const open = (rows: (typeof caseMedications.$inferSelect)[]) => rows.map((r) => openMedication(cipher, r)).sort(byStatusThenAge);
  return store.wrap({
    insert(entry: MedicationEntry): boolean {
      return db.insert(caseMedications).values(sealMedication(cipher, entry)).onConflictDoNothing().run().changes > 0;
    },
    find(caseId: string, id: string): MedicationEntry | undefined {
      const row = db.select().from(caseMedications).where(and(eq(caseMedications.caseId, caseId), eq(caseMedications.id, id))).get();
      return row ? openMedication(cipher, row) : undefined;
    },
    forCase(caseId: string): MedicationEntry[] {
      return open(db.select().from(caseMedications).where(eq(caseMedications.caseId, caseId)).all());
    },
    pageForCase(caseId: string, status: MedicationEntry['status'], page: PageOf): MedicationEntry[] {
      const where = and(eq(caseMedications.caseId, caseId), eq(caseMedications.status, status), olderThan(caseMedications, page.after));
      return db.select().from(caseMedications).where(where).orderBy(desc(caseMedications.createdAt), desc(caseMedications.id)).limit(page.limit).all().map((r) => openMedication(cipher, r));
    },
    activeForCase(caseId: string): MedicationEntry[] {
      return open(db.select().from(caseMedications).where(and(eq(caseMedications.caseId, caseId), eq(caseMedications.status, 'active'))).all());
    },
    ehrRefs(caseId: string): Set<string> {
      const rows = db.select({ ref: caseMedications.ehrRef }).from(caseMedications).where(eq(caseMedications.caseId, caseId)).all();
      return new Set(rows.flatMap((r) => (r.ref === null ? [] : [r.ref])));
    },
    stop(caseId: string, id: string, stopOn: string): boolean {
      return (
        db
          .update(caseMedications)
          .set({ status: 'stopped', stopOn })
          .where(and(eq(caseMedications.caseId, caseId), eq(caseMedications.id, id), eq(caseMedications.status, 'active')))
          .run().changes > 0
      );
    },
  });
}

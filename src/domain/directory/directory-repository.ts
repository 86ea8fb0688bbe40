import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { newId } from '../../shared/ids.js';
import type { DirectoryPage, DirectoryPageQuery } from './clinician-tokens.js';
import { backfillClinicianTokens, directoryPage, writeClinicianTokens } from './directory-search.js';
import { clinicians, institutions, type ClinicianRole } from './directory-tables.js';
import { chunks, registrationKey, registrationKeys, specialtyKey } from './colleague-keys.js';

export type ClinicianRow = typeof clinicians.$inferSelect;
export type InstitutionRow = typeof institutions.$inferSelect;
export interface ClinicianWithInstitution {
  clinician: ClinicianRow;
  institution: InstitutionRow | null;
}
export type NewClinician = Omit<typeof clinicians.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** The fields the name search index is made of: changing one rewrites the clinician's tokens. */
export const TOKEN_FIELDS = ['nameEn', 'nameZh', 'displayName', 'dingtalkUserId', 'registrationNo'] as const;
export const touchesTokens = (patch: Partial<NewClinician>): boolean => TOKEN_FIELDS.some((k) => k in patch);

/** Named queries over the clinician directory and institutions (synchronous: the SQLite adapter's inside; wrapped below). */
function directoryStatements(db: Db) {
  // Prepared once: looked up for every message the bot handles.
  const byDingTalkId = db.select().from(clinicians).where(eq(clinicians.dingtalkUserId, sql.placeholder('id'))).prepare();
  const byId = db.select().from(clinicians).where(eq(clinicians.id, sql.placeholder('id'))).prepare();
  const institutionById = db.select().from(institutions).where(eq(institutions.id, sql.placeholder('id'))).prepare();
  const withInstitution = db
    .select({ clinician: getTableColumns(clinicians), institution: getTableColumns(institutions) })
    .from(clinicians)
    .leftJoin(institutions, eq(institutions.id, clinicians.institutionId))
    .where(eq(clinicians.dingtalkUserId, sql.placeholder('id')))
    .prepare();
  const repo = {
    findByDingTalkId(userId: string): ClinicianRow | undefined {
      return byDingTalkId.get({ id: userId });
    },
    /** A DingTalk user's entry with its institution, in one lookup (every message the bot handles needs both). */
    findWithInstitution(userId: string): ClinicianWithInstitution | undefined {
      return withInstitution.get({ id: userId }) ?? undefined;
    },
    findById(id: string): ClinicianRow | undefined {
      return byId.get({ id });
    },
    /** The clinicians with these ids, in one query per 500 (a console page names its people at once). */
    byIds(ids: Iterable<string>): ClinicianRow[] {
      return chunks(ids).flatMap((chunk) => db.select().from(clinicians).where(inArray(clinicians.id, chunk)).all());
    },
    /** The clinicians with these DingTalk user ids, in one query per 500 (an import names its people at once). */
    byDingTalkIds(userIds: Iterable<string>): ClinicianRow[] {
      return chunks(userIds).flatMap((chunk) => db.select().from(clinicians).where(inArray(clinicians.dingtalkUserId, chunk)).all());
    },
    /** Inserts unless the DingTalk user is already there (two first messages racing); returns the stored row. */
    insert(row: NewClinician, now: number): ClinicianRow {
      const { changes } = db
        .insert(clinicians)
        .values({ ...row, id: newId(), createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: clinicians.dingtalkUserId })
        .run();
      const stored = repo.findByDingTalkId(row.dingtalkUserId)!;
      if (changes > 0) writeClinicianTokens(db, stored);
      return stored;
    },
    update(id: string, patch: Partial<NewClinician>, now: number): void {
      db.update(clinicians).set({ ...patch, updatedAt: now }).where(eq(clinicians.id, id)).run();
      const row = touchesTokens(patch) ? repo.findById(id) : undefined;
      if (row) writeClinicianTokens(db, row);
    },
    /** One page of the directory by name (console lists and pickers): searched through the token index, never read whole. */
    page(q: DirectoryPageQuery): DirectoryPage<ClinicianRow> {
      return directoryPage(db, q);
    },
    /** After ready, one batch: name search tokens for clinicians from before the index (idempotent). */
    backfillNameTokens(after: string | null, limit: number): string | null {
      return backfillClinicianTokens(db, after, limit);
    },
    /** Every clinician (the CLI and a few internal jobs; the console pages through `page`). */
    list(): ClinicianRow[] {
      return db.select().from(clinicians).orderBy(clinicians.displayName).all();
    },
    /** The clinicians holding a role (privacy officers, auditors): a few, found by index, not by reading the directory. */
    withRole(role: ClinicianRole): ClinicianRow[] {
      return db.select().from(clinicians).where(eq(clinicians.role, role)).orderBy(clinicians.id).all();
    },
    /** The clinicians of one department at one institution (an allergy alert's ER team): clinicians_department_idx. */
    inDepartment(institutionId: string, department: string): ClinicianRow[] {
      return db.select().from(clinicians).where(and(eq(clinicians.institutionId, institutionId), eq(clinicians.department, department))).orderBy(clinicians.displayName, clinicians.id).all();
    },
    /** The clinicians of one specialty at one institution, compared trimmed and in lower case: clinicians_specialty_idx. */
    inSpecialty(institutionId: string, specialty: string): ClinicianRow[] {
      return db.select().from(clinicians).where(and(eq(clinicians.institutionId, institutionId), eq(specialtyKey(clinicians.specialty), specialtyKey(specialty)))).orderBy(clinicians.displayName, clinicians.id).all();
    },
    /** The clinicians with these registration numbers, in any case (imports): clinicians_registration_idx. */
    byRegistrationNos(nos: readonly string[]): ClinicianRow[] {
      return chunks(registrationKeys(nos)).flatMap((chunk) => db.select().from(clinicians).where(inArray(registrationKey(clinicians.registrationNo), chunk)).all());
    },
    institution(id: string): InstitutionRow | undefined {
      return institutionById.get({ id });
    },
    institutionByCode(code: string): InstitutionRow | undefined {
      return db.select().from(institutions).where(eq(institutions.code, code)).get();
    },
    upsertInstitution(row: InstitutionRow): void {
      db.insert(institutions)
        .values(row)
        .onConflictDoUpdate({ target: institutions.id, set: { nameEn: row.nameEn, nameZh: row.nameZh, sector: row.sector } })
        .run();
    },
    listInstitutions(): InstitutionRow[] {
      return db.select().from(institutions).orderBy(institutions.code).all();
    },
  };
  return repo;
}

/** The directory store: every method answers with a Promise. */
export function createDirectoryRepository(db: Db, store: SqliteStore) {
  return store.wrap(directoryStatements(db));
}

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;

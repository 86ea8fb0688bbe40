import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { clinicians, institutions } from '../../db/pg/directory-tables.js';
import { sqlCollateC } from '../../db/pg/pg-columns.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { newId } from '../../shared/ids.js';
import { chunks, registrationKey, registrationKeys, specialtyKey } from './colleague-keys.js';
import { touchesTokens, type DirectoryRepository } from './directory-repository.js';
import { backfillClinicianTokensPg, directoryPagePg, writeClinicianTokensPg } from './directory-search-pg.js';

/** The clinician directory on PostgreSQL: the same port as directory-repository.ts. */
export function createPgDirectoryRepository(store: PgStore): DirectoryRepository {
  const db = () => store.db();
  const userId = sql.placeholder('userId');
  // Every inbound message looks its sender up: built once, a named statement per connection.
  const byUser = store.prepared('directory_clinician_by_user', (d, name) => d.select().from(clinicians).where(eq(clinicians.dingtalkUserId, userId)).prepare(name));
  const withInstitution = store.prepared('directory_clinician_with_institution', (d, name) =>
    d
      .select({ clinician: getTableColumns(clinicians), institution: getTableColumns(institutions) })
      .from(clinicians)
      .leftJoin(institutions, eq(institutions.id, clinicians.institutionId))
      .where(eq(clinicians.dingtalkUserId, userId))
      .prepare(name),
  );
  const findByDingTalkId: DirectoryRepository['findByDingTalkId'] = async (id) => (await byUser().execute({ userId: id }))[0];
  return {
    findByDingTalkId,
    async findWithInstitution(id) {
      return (await withInstitution().execute({ userId: id }))[0];
    },
    async findById(id) {
      const [row] = await db().select().from(clinicians).where(eq(clinicians.id, id));
      return row;
    },
    async byIds(ids) {
      const out = [];
      for (const chunk of chunks(ids)) out.push(...(await db().select().from(clinicians).where(inArray(clinicians.id, chunk))));
      return out;
    },
    async byDingTalkIds(userIds) {
      const out = [];
      for (const chunk of chunks(userIds)) out.push(...(await db().select().from(clinicians).where(inArray(clinicians.dingtalkUserId, chunk))));
      return out;
    },
    async insert(row, now) {
      const [added] = await db()
        .insert(clinicians)
        .values({ ...row, id: newId(), createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: clinicians.dingtalkUserId })
        .returning();
      if (added) await writeClinicianTokensPg(store, added);
      return added ?? (await findByDingTalkId(row.dingtalkUserId))!;
    },
    async update(id, patch, now) {
      const [row] = await db().update(clinicians).set({ ...patch, updatedAt: now }).where(eq(clinicians.id, id)).returning();
      if (row && touchesTokens(patch)) await writeClinicianTokensPg(store, row);
    },
    page: (q) => directoryPagePg(store, q),
    backfillNameTokens: (after, limit) => backfillClinicianTokensPg(store, after, limit),
    async list() {
      // SQLite sorts text by bytes (BINARY); "C" makes PostgreSQL do the same whatever the database locale.
      return db().select().from(clinicians).orderBy(sqlCollateC(clinicians.displayName), clinicians.id);
    },
    async withRole(role) {
      return db().select().from(clinicians).where(eq(clinicians.role, role)).orderBy(clinicians.id);
    },
    async inDepartment(institutionId, department) {
      return db().select().from(clinicians).where(and(eq(clinicians.institutionId, institutionId), eq(clinicians.department, department))).orderBy(sqlCollateC(clinicians.displayName), clinicians.id);
    },
    async inSpecialty(institutionId, specialty) {
      return db().select().from(clinicians).where(and(eq(clinicians.institutionId, institutionId), eq(specialtyKey(clinicians.specialty), specialtyKey(specialty)))).orderBy(sqlCollateC(clinicians.displayName), clinicians.id);
    },
    async byRegistrationNos(nos) {
      const out = [];
      for (const chunk of chunks(registrationKeys(nos))) out.push(...(await db().select().from(clinicians).where(inArray(registrationKey(clinicians.registrationNo), chunk))));
      return out;
    },
    async institution(id) {
      const [row] = await db().select().from(institutions).where(eq(institutions.id, id));
      return row;
    },
    async institutionByCode(code) {
      const [row] = await db().select().from(institutions).where(eq(institutions.code, code));
      return row;
    },
    async upsertInstitution(row) {
      await db()
        .insert(institutions)
        .values(row)
        .onConflictDoUpdate({ target: institutions.id, set: { nameEn: row.nameEn, nameZh: row.nameZh, sector: row.sector } });
    },
    async listInstitutions() {
      return db().select().from(institutions).orderBy(sqlCollateC(institutions.code));
    },
  };
}

import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { olderThan } from '../../db/keyset.js';
import { yidaFormMappings, yidaSubmissions } from '../../db/pg/yida-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { mappingOf, mappingRow, openSubmission } from './yida-repository.js';
import { FORM_DATA_COLUMN, type YidaRepository } from './yida-repository-port.js';

/** The Yida form archive on PostgreSQL: the same port as yida-repository.ts. */
export function createPgYidaRepository(store: PgStore, texts: FreeTextCipher): YidaRepository {
  const db = () => store.db();
  return {
    async insertReceived(row) {
      const made = await db().insert(yidaSubmissions).values({ ...row, state: 'received', updatedAt: row.receivedAt }).onConflictDoNothing({ target: yidaSubmissions.instanceId }).returning({ id: yidaSubmissions.id });
      if (made.length > 0) return { id: row.id, created: true };
      const [found] = await db().select({ id: yidaSubmissions.id }).from(yidaSubmissions).where(eq(yidaSubmissions.instanceId, row.instanceId));
      return { id: found!.id, created: false };
    },
    async find(id) {
      const [r] = await db().select().from(yidaSubmissions).where(eq(yidaSubmissions.id, id));
      return r && openSubmission(texts, r);
    },
    async update(id, from, patch) {
      const set = { ...patch, formData: patch.formData === undefined || patch.formData === null ? patch.formData : texts.seal(FORM_DATA_COLUMN, id, patch.formData) };
      const done = await db().update(yidaSubmissions).set(set).where(and(eq(yidaSubmissions.id, id), inArray(yidaSubmissions.state, [...from]))).returning({ id: yidaSubmissions.id });
      return done.length > 0;
    },
    async list(q) {
      const where = and(eq(yidaSubmissions.state, q.state), olderThan({ createdAt: yidaSubmissions.receivedAt, id: yidaSubmissions.id }, q.after));
      const rows = await db().select().from(yidaSubmissions).where(where).orderBy(desc(yidaSubmissions.receivedAt), desc(yidaSubmissions.id)).limit(q.limit);
      return rows.map((r) => openSubmission(texts, r));
    },
    async countOf(state) {
      const [r] = await db().select({ n: count() }).from(yidaSubmissions).where(eq(yidaSubmissions.state, state));
      return r?.n ?? 0;
    },
    async findMapping(formUuid) {
      const [r] = await db().select().from(yidaFormMappings).where(eq(yidaFormMappings.formUuid, formUuid));
      return r && mappingOf(r);
    },
    async listMappings() {
      return (await db().select().from(yidaFormMappings).orderBy(asc(yidaFormMappings.formUuid))).map(mappingOf);
    },
    async putMapping(m) {
      const row = mappingRow(m);
      await db().insert(yidaFormMappings).values(row).onConflictDoUpdate({ target: yidaFormMappings.formUuid, set: row });
    },
    async removeMapping(formUuid) {
      return (await db().delete(yidaFormMappings).where(eq(yidaFormMappings.formUuid, formUuid)).returning({ f: yidaFormMappings.formUuid })).length > 0;
    },
  };
}

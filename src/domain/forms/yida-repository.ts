import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import type { FormMapping, SubmissionState } from '../../contract/yida.js';
import { olderThan } from '../../db/keyset.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { FORM_DATA_COLUMN, type SubmissionRecord, type YidaRepository } from './yida-repository-port.js';
import { yidaFormMappings, yidaSubmissions } from './yida-tables.js';

type Row = typeof yidaSubmissions.$inferSelect;

/** Opens a stored row (shared with the PostgreSQL twin). */
export function openSubmission(texts: FreeTextCipher, r: Row): SubmissionRecord {
  return { ...r, formData: r.formData === null ? null : texts.open(FORM_DATA_COLUMN, r.id, r.formData) };
}

/** A stored mapping; one saved before flags, results and document types read as having none (a plain `form`). */
export function mappingOf(r: typeof yidaFormMappings.$inferSelect): FormMapping {
  const m = JSON.parse(r.mapping) as Omit<FormMapping, 'formUuid' | 'updatedAt' | 'updatedBy'>;
  const fields = { ...m.fields, flags: m.fields.flags ?? [], results: m.fields.results ?? [] };
  return { ...m, fields, documentType: m.documentType ?? 'form', formUuid: r.formUuid, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
}

export function mappingRow(m: FormMapping) {
  const { formUuid, updatedAt, updatedBy, ...rest } = m;
  return { formUuid, updatedAt, updatedBy, mapping: JSON.stringify(rest) };
}

/** The Yida form archive on SQLite. */
export function createYidaRepository(db: Db, store: SqliteStore, texts: FreeTextCipher): YidaRepository {
  return store.wrap({
    insertReceived(row: Parameters<YidaRepository['insertReceived']>[0]) {
      const made = db.insert(yidaSubmissions).values({ ...row, state: 'received', updatedAt: row.receivedAt }).onConflictDoNothing({ target: yidaSubmissions.instanceId }).run().changes > 0;
      if (made) return { id: row.id, created: true };
      const found = db.select({ id: yidaSubmissions.id }).from(yidaSubmissions).where(eq(yidaSubmissions.instanceId, row.instanceId)).get();
      return { id: found!.id, created: false };
    },
    find(id: string) {
      const r = db.select().from(yidaSubmissions).where(eq(yidaSubmissions.id, id)).get();
      return r && openSubmission(texts, r);
    },
    update(id: string, from: Parameters<YidaRepository['update']>[1], patch: Parameters<YidaRepository['update']>[2]) {
      const set = { ...patch, formData: patch.formData === undefined || patch.formData === null ? patch.formData : texts.seal(FORM_DATA_COLUMN, id, patch.formData) };
      return db.update(yidaSubmissions).set(set).where(and(eq(yidaSubmissions.id, id), inArray(yidaSubmissions.state, [...from]))).run().changes > 0;
    },
    list(q: Parameters<YidaRepository['list']>[0]) {
      const where = and(eq(yidaSubmissions.state, q.state), olderThan({ createdAt: yidaSubmissions.receivedAt, id: yidaSubmissions.id }, q.after));
      return db.select().from(yidaSubmissions).where(where).orderBy(desc(yidaSubmissions.receivedAt), desc(yidaSubmissions.id)).limit(q.limit).all().map((r) => openSubmission(texts, r));
    },
    countOf(state: SubmissionState) {
      return db.select({ n: count() }).from(yidaSubmissions).where(eq(yidaSubmissions.state, state)).get()?.n ?? 0;
    },
    findMapping(formUuid: string) {
      const r = db.select().from(yidaFormMappings).where(eq(yidaFormMappings.formUuid, formUuid)).get();
      return r && mappingOf(r);
    },
    listMappings() {
      return db.select().from(yidaFormMappings).orderBy(asc(yidaFormMappings.formUuid)).all().map(mappingOf);
    },
    putMapping(m: FormMapping) {
      const row = mappingRow(m);
      db.insert(yidaFormMappings).values(row).onConflictDoUpdate({ target: yidaFormMappings.formUuid, set: row }).run();
    },
    removeMapping(formUuid: string) {
      return db.delete(yidaFormMappings).where(eq(yidaFormMappings.formUuid, formUuid)).run().changes > 0;
    },
  });
}

import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { olderThan } from '../../db/keyset.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { documentReceipts, documents } from '../../db/pg/sharing-tables.js';
import type { DocumentRepository } from './document-repository.js';
import { addTotalsPg } from '../reports/daily-totals-repository-pg.js';
import { firstViewTotal, sharedTotal, tally } from '../reports/daily-totals.js';

/**
 * Document metadata and receipts on PostgreSQL: the same port as document-repository.ts. What differs
 * in SQL: SQLite's two-argument scalar `max(a, b)` is `greatest(a, b)` here.
 */
export function createPgDocumentRepository(store: PgStore): DocumentRepository {
  const db = () => store.db();
  const changed = (r: { rowCount: number | null }) => (r.rowCount ?? 0) > 0;
  const receiptKey = [documentReceipts.documentId, documentReceipts.clinicianId];
  /** A report's first view by someone other than its author (none yet opened it): the share time. */
  async function firstViewOf(documentId: string, clinicianId: string): Promise<{ sharedAt: number } | undefined> {
    const [doc] = await db().select({ authorId: documents.authorId, kind: documents.kind, createdAt: documents.createdAt }).from(documents).where(eq(documents.id, documentId));
    if (!doc || doc.kind !== 'report' || doc.authorId === clinicianId) return undefined;
    const seen = await db()
      .select({ id: documentReceipts.clinicianId })
      .from(documentReceipts)
      .where(and(eq(documentReceipts.documentId, documentId), ne(documentReceipts.clinicianId, doc.authorId), isNotNull(documentReceipts.firstOpenedAt)))
      .limit(1);
    return seen.length ? undefined : { sharedAt: doc.createdAt };
  }
  async function upsertReceipt(documentId: string, clinicianId: string, at: number) {
    const [row] = await db()
      .insert(documentReceipts)
      .values({ documentId, clinicianId, firstOpenedAt: at, lastViewedAt: at, viewCount: 1 })
      .onConflictDoUpdate({
        target: receiptKey,
        set: {
          firstOpenedAt: sql`coalesce(${documentReceipts.firstOpenedAt}, excluded.first_opened_at)`,
          lastViewedAt: sql`greatest(coalesce(${documentReceipts.lastViewedAt}, 0), excluded.last_viewed_at)`,
          viewCount: sql`${documentReceipts.viewCount} + 1`,
        },
      })
      .returning();
    return row!;
  }
  return {
    async find(id) {
      const [row] = await db().select().from(documents).where(eq(documents.id, id));
      return row;
    },
    insert: (row) =>
      store.transaction(async () => {
        const written = changed(await db().insert(documents).values(row).onConflictDoNothing({ target: documents.id }));
        if (written && row.kind === 'report') await addTotalsPg(store, tally([sharedTotal(row.createdAt)]));
        return written;
      }),
    async listByCase(caseId) {
      return db().select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.createdAt), asc(documents.id));
    },
    async setCardOutTrackId(id, outTrackId) {
      return changed(await db().update(documents).set({ cardOutTrackId: outTrackId }).where(eq(documents.id, id)));
    },
    async markDestroyed(id) {
      return changed(await db().update(documents).set({ status: 'destroyed' }).where(and(eq(documents.id, id), eq(documents.status, 'active'))));
    },
    async markRetracted(id) {
      return changed(await db().update(documents).set({ status: 'retracted' }).where(and(eq(documents.id, id), eq(documents.status, 'active'))));
    },
    async upsertNotified(documentId, clinicianId, at) {
      await db()
        .insert(documentReceipts)
        .values({ documentId, clinicianId, notifiedAt: at })
        .onConflictDoUpdate({ target: receiptKey, set: { notifiedAt: sql`coalesce(${documentReceipts.notifiedAt}, excluded.notified_at)` } });
    },
    upsertViewed: (documentId, clinicianId, at) =>
      store.transaction(async () => {
        const first = await firstViewOf(documentId, clinicianId);
        const row = await upsertReceipt(documentId, clinicianId, at);
        if (first) await addTotalsPg(store, tally([firstViewTotal(first.sharedAt, at)]));
        return row;
      }),
    async firstViewsOfShared(from, to) {
      return db()
        .select({ documentId: documents.id, sharedAt: documents.createdAt, firstViewAt: sql<number | null>`MIN(${documentReceipts.firstOpenedAt})`.mapWith(Number) })
        .from(documents)
        .leftJoin(
          documentReceipts,
          and(eq(documentReceipts.documentId, documents.id), ne(documentReceipts.clinicianId, documents.authorId), isNotNull(documentReceipts.firstOpenedAt)),
        )
        .where(and(eq(documents.kind, 'report'), gte(documents.createdAt, from), lt(documents.createdAt, to)))
        .groupBy(documents.id);
    },
    async pageByCase(caseId, page) {
      return db().select().from(documents).where(and(eq(documents.caseId, caseId), olderThan(documents, page.after))).orderBy(desc(documents.createdAt), desc(documents.id)).limit(page.limit);
    },
    async countByCase(caseId) {
      return (await db().select({ n: count() }).from(documents).where(eq(documents.caseId, caseId)))[0]?.n ?? 0;
    },
    async receiptsOf(documentIds) {
      return documentIds.length ? db().select().from(documentReceipts).where(inArray(documentReceipts.documentId, [...documentIds])) : [];
    },
    async receiptsForCase(caseId) {
      const rows = await db()
        .select({ receipt: documentReceipts })
        .from(documentReceipts)
        .innerJoin(documents, eq(documents.id, documentReceipts.documentId))
        .where(eq(documents.caseId, caseId));
      return rows.map((r) => r.receipt);
    },
  };
}

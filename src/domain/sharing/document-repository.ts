import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { olderThan, type PageOf } from '../../db/keyset.js';
import { addTotals } from '../reports/daily-totals-repository.js';
import { firstViewTotal, sharedTotal, tally } from '../reports/daily-totals.js';
import { documentReceipts, documents } from './sharing-tables.js';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocumentRow = typeof documents.$inferInsert;
export type ReceiptRow = typeof documentReceipts.$inferSelect;

/** Named queries over document metadata and receipts; every method answers with a Promise (store.wrap). */
export function createDocumentRepository(db: Db, store: SqliteStore) {
  return store.wrap(documentQueries(db));
}

/** A report's first view by someone other than its author (none yet opened it): the share time, else undefined. */
function firstViewOf(db: Db, documentId: string, clinicianId: string): { sharedAt: number } | undefined {
  const doc = db.select({ authorId: documents.authorId, kind: documents.kind, createdAt: documents.createdAt }).from(documents).where(eq(documents.id, documentId)).get();
  if (!doc || doc.kind !== 'report' || doc.authorId === clinicianId) return undefined;
  const seen = db
    .select({ id: documentReceipts.clinicianId })
    .from(documentReceipts)
    .where(and(eq(documentReceipts.documentId, documentId), ne(documentReceipts.clinicianId, doc.authorId), isNotNull(documentReceipts.firstOpenedAt)))
    .limit(1)
    .get();
  return seen ? undefined : { sharedAt: doc.createdAt };
}

/** One view: first_opened_at is set once, last_viewed_at and view_count move every time. */
function upsertReceipt(db: Db, documentId: string, clinicianId: string, at: number): ReceiptRow {
  return db
    .insert(documentReceipts)
    .values({ documentId, clinicianId, firstOpenedAt: at, lastViewedAt: at, viewCount: 1 })
    .onConflictDoUpdate({
      target: [documentReceipts.documentId, documentReceipts.clinicianId],
      set: {
        firstOpenedAt: sql`coalesce(${documentReceipts.firstOpenedAt}, excluded.first_opened_at)`,
        lastViewedAt: sql`max(coalesce(${documentReceipts.lastViewedAt}, 0), excluded.last_viewed_at)`,
        viewCount: sql`${documentReceipts.viewCount} + 1`,
      },
    })
    .returning()
    .get();
}

function documentQueries(db: Db) {
  return {
    find(id: string): DocumentRow | undefined {
      return db.select().from(documents).where(eq(documents.id, id)).get();
    },

    /** Inserts unless the id exists; returns whether a row was written. */
    insert(row: NewDocumentRow): boolean {
      return db.transaction((tx) => {
        const written = tx.insert(documents).values(row).onConflictDoNothing({ target: documents.id }).run().changes > 0;
        // The dashboard's running totals move with the share they count.
        if (written && row.kind === 'report') addTotals(tx as unknown as Db, tally([sharedTotal(row.createdAt)]));
        return written;
      });
    },

    listByCase(caseId: string): DocumentRow[] {
      return db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.createdAt)).all();
    },

    /** One keyset page of a case's documents, newest first (documents_case_idx). */
    pageByCase(caseId: string, page: PageOf): DocumentRow[] {
      return db.select().from(documents).where(and(eq(documents.caseId, caseId), olderThan(documents, page.after))).orderBy(desc(documents.createdAt), desc(documents.id)).limit(page.limit).all();
    },

    /** How many documents a case has (the case screen's figure), counted on documents_case_idx. */
    countByCase(caseId: string): number {
      return db.select({ n: count() }).from(documents).where(eq(documents.caseId, caseId)).get()?.n ?? 0;
    },

    /** The receipts of these documents only (a page of them). */
    receiptsOf(documentIds: readonly string[]): ReceiptRow[] {
      return documentIds.length ? db.select().from(documentReceipts).where(inArray(documentReceipts.documentId, [...documentIds])).all() : [];
    },

    setCardOutTrackId(id: string, outTrackId: string): boolean {
      return db.update(documents).set({ cardOutTrackId: outTrackId }).where(eq(documents.id, id)).run().changes > 0;
    },

    markDestroyed(id: string): boolean {
      return (
        db
          .update(documents)
          .set({ status: 'destroyed' })
          .where(and(eq(documents.id, id), eq(documents.status, 'active')))
          .run().changes > 0
      );
    },

    /** Active → retracted (shared to the wrong case); returns whether it changed now. */
    markRetracted(id: string): boolean {
      return (
        db
          .update(documents)
          .set({ status: 'retracted' })
          .where(and(eq(documents.id, id), eq(documents.status, 'active')))
          .run().changes > 0
      );
    },

    /** Records delivery; an earlier notified_at is kept (a re-sent card is not a new delivery). */
    upsertNotified(documentId: string, clinicianId: string, at: number): void {
      db.insert(documentReceipts)
        .values({ documentId, clinicianId, notifiedAt: at })
        .onConflictDoUpdate({
          target: [documentReceipts.documentId, documentReceipts.clinicianId],
          set: { notifiedAt: sql`coalesce(${documentReceipts.notifiedAt}, excluded.notified_at)` },
        })
        .run();
    },

    /** One view, and a report's first view by someone but its author added to the running totals. */
    upsertViewed(documentId: string, clinicianId: string, at: number): ReceiptRow {
      return db.transaction((tx) => {
        const first = firstViewOf(tx as unknown as Db, documentId, clinicianId);
        const row = upsertReceipt(tx as unknown as Db, documentId, clinicianId, at);
        if (first) addTotals(tx as unknown as Db, tally([firstViewTotal(first.sharedAt, at)]));
        return row;
      });
    },

    /**
     * Reports shared in [from, to) with the first time anyone but the author opened each (null when
     * nobody has yet): the "share → first view" chart.
     */
    firstViewsOfShared(from: number, to: number): { documentId: string; sharedAt: number; firstViewAt: number | null }[] {
      return db
        .select({ documentId: documents.id, sharedAt: documents.createdAt, firstViewAt: sql<number | null>`MIN(${documentReceipts.firstOpenedAt})` })
        .from(documents)
        .leftJoin(
          documentReceipts,
          and(eq(documentReceipts.documentId, documents.id), ne(documentReceipts.clinicianId, documents.authorId), isNotNull(documentReceipts.firstOpenedAt)),
        )
        .where(and(eq(documents.kind, 'report'), gte(documents.createdAt, from), lt(documents.createdAt, to)))
        .groupBy(documents.id)
        .all();
    },

    receiptsForCase(caseId: string): ReceiptRow[] {
      return db
        .select({ receipt: documentReceipts })
        .from(documentReceipts)
        .innerJoin(documents, eq(documents.id, documentReceipts.documentId))
        .where(eq(documents.caseId, caseId))
        .all()
        .map((r) => r.receipt);
    },
  };
}

export type DocumentRepository = ReturnType<typeof createDocumentRepository>;

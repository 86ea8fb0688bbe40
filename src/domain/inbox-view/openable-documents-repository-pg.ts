import { and, desc, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import { careTeam, cases } from '../../db/pg/cases-tables.js';
import { documents } from '../../db/pg/sharing-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { olderThan, type PageOf } from '../../db/keyset.js';
import { OPENING_ROLES, mergeNewestFirst, type OpenableCandidateRow, type OpenableDocumentsRepository } from './openable-documents-repository.js';

/** "Documents I may open" candidates on PostgreSQL: the same port and statements as openable-documents-repository.ts. */
export function createPgOpenableDocumentsRepository(store: PgStore): OpenableDocumentsRepository {
  const db = () => store.db();
  const openingCases = (clinicianId: string, now: number) =>
    db()
      .select({ caseId: careTeam.caseId })
      .from(careTeam)
      .where(
        and(
          eq(careTeam.clinicianId, clinicianId),
          lte(careTeam.effectiveFrom, now),
          or(isNull(careTeam.effectiveTo), gt(careTeam.effectiveTo, now)),
          inArray(careTeam.role, [...OPENING_ROLES]),
        ),
      );
  const page = async (where: SQL | undefined, p: PageOf): Promise<OpenableCandidateRow[]> =>
    db()
      .select({
        id: documents.id, caseId: documents.caseId, caseCode: cases.code, caseStatus: cases.status, patientId: cases.patientId,
        docType: documents.docType, authorId: documents.authorId, authorInstitutionId: documents.authorInstitutionId,
        restrictedCategory: documents.restrictedCategory, createdAt: documents.createdAt,
      })
      .from(documents)
      .innerJoin(cases, eq(cases.id, documents.caseId))
      .where(and(where, eq(documents.status, 'active'), olderThan(documents, p.after)))
      .orderBy(desc(documents.createdAt), desc(documents.id))
      .limit(p.limit);
  return {
    async candidatesPage(clinicianId, now, reach, p) {
      const runs = [page(inArray(documents.caseId, openingCases(clinicianId, now)), p)];
      if (reach.caseIds.length > 0) runs.push(page(inArray(documents.caseId, [...reach.caseIds]), p));
      if (reach.documentIds.length > 0) runs.push(page(inArray(documents.id, [...reach.documentIds]), p));
      return mergeNewestFirst(await Promise.all(runs), p.limit);
    },
  };
}

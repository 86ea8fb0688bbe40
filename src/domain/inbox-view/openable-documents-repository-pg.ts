import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { careTeam, cases } from '../../db/pg/cases-tables.js';
import { documents } from '../../db/pg/sharing-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { olderThan, type PageOf } from '../../db/keyset.js';
import { mergeNewestFirst, myRolesOn, openingRoles, type OpenableCandidateRow, type OpenableDocumentsRepository } from './openable-documents-repository.js';

/** "Documents I may open" candidates on PostgreSQL: the same port and statements as openable-documents-repository.ts. */
export function createPgOpenableDocumentsRepository(store: PgStore): OpenableDocumentsRepository {
  const db = () => store.db();
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
    async candidatesPage(me, now, reach, p) {
      const mine = db().select({ caseId: careTeam.caseId }).from(careTeam).where(openingRoles(careTeam, me, now));
      const runs = [page(inArray(documents.caseId, mine), p)];
      if (reach.caseIds.length > 0) runs.push(page(inArray(documents.caseId, [...reach.caseIds]), p));
      if (reach.documentIds.length > 0) runs.push(page(inArray(documents.id, [...reach.documentIds]), p));
      return mergeNewestFirst(await Promise.all(runs), p.limit);
    },
    async myRolesOn(me, now, caseIds) {
      if (caseIds.length === 0) return [];
      return db().select({ caseId: careTeam.caseId, role: careTeam.role }).from(careTeam).where(myRolesOn(careTeam, me, now, caseIds));
    },
  };
}

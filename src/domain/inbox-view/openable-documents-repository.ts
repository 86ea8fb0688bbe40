import { and, desc, eq, gt, inArray, isNull, lte, or, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { olderThan, type PageOf } from '../../db/keyset.js';
import { equalsNoIndex } from '../../db/no-index.js';
import { careTeam, cases, type CareRole } from '../cases/cases-tables.js';
import { documents } from '../sharing/sharing-tables.js';
import type { DocumentType } from '../../contract/document-types.js';
import { OPENING_CARE_ROLES } from '../access/visible-documents.js';
import { newestFirst } from '../../shared/newest-first.js';

/** Where a clinician's live grants reach: whole cases (consult, break-glass) and single documents (approvals). */
export interface GrantReach {
  caseIds: readonly string[];
  documentIds: readonly string[];
}

/** One live document a clinician may be able to open, with what the policy needs about it and its case. */
export interface OpenableCandidateRow {
  id: string;
  caseId: string;
  caseCode: string;
  caseStatus: string;
  patientId: string;
  docType: DocumentType;
  authorId: string;
  authorInstitutionId: string | null;
  restrictedCategory: string | null;
  createdAt: number;
}

type TeamColumns = { caseId: AnyColumn; clinicianId: AnyColumn; role: AnyColumn; effectiveFrom: AnyColumn; effectiveTo: AnyColumn };

/** My care roles in force at `now`, over either dialect's care_team. */
const inForce = (t: TeamColumns, clinicianId: string, now: number) =>
  and(eq(t.clinicianId, clinicianId), lte(t.effectiveFrom, now), or(isNull(t.effectiveTo), gt(t.effectiveTo, now)));

/** Where the cases come from that open their documents to me now. */
export const openingRoles = (t: TeamColumns, clinicianId: string, now: number) => and(inForce(t, clinicianId, now), inArray(t.role, [...OPENING_CARE_ROLES]));

/** My care roles in force now on these cases (one statement for a page's cases): the caller keeps the strongest per case. */
export const myRolesOn = (t: TeamColumns, clinicianId: string, now: number, caseIds: readonly string[]) => and(inForce(t, clinicianId, now), inArray(t.caseId, [...caseIds]));

/** Newest first by (createdAt, id), deduplicated (a document can be reached two ways), at most `limit`. */
export function mergeNewestFirst(runs: readonly OpenableCandidateRow[][], limit: number): OpenableCandidateRow[] {
  const byId = new Map<string, OpenableCandidateRow>();
  for (const run of runs) for (const r of run) byId.set(r.id, r);
  return [...byId.values()].sort(newestFirst).slice(0, limit);
}

/**
 * The candidates of "documents I may open", one keyset page, newest first: live documents on cases
 * where the clinician holds an opening role now, on the cases and documents their live grants reach.
 * Each source is its own indexed statement with the page's limit (an OR of semi-joins defeats both
 * planners); the merge keeps the page. The policy decides each candidate afterwards.
 */
export function createOpenableDocumentsRepository(db: Db, store: SqliteStore) {
  const page = (where: SQL | undefined, p: PageOf): OpenableCandidateRow[] =>
    db
      .select({
        id: documents.id, caseId: documents.caseId, caseCode: cases.code, caseStatus: cases.status, patientId: cases.patientId,
        docType: documents.docType, authorId: documents.authorId, authorInstitutionId: documents.authorInstitutionId,
        restrictedCategory: documents.restrictedCategory, createdAt: documents.createdAt,
      })
      .from(documents)
      .innerJoin(cases, eq(cases.id, documents.caseId))
      // The selective part is the source (a case or a document id); never the (status, created_at) index.
      .where(and(where, equalsNoIndex(documents.status, 'active'), olderThan(documents, p.after)))
      .orderBy(desc(documents.createdAt), desc(documents.id))
      .limit(p.limit)
      .all();
  return store.wrap({
    candidatesPage(me: string, now: number, reach: GrantReach, p: PageOf): OpenableCandidateRow[] {
      const mine = db.select({ caseId: careTeam.caseId }).from(careTeam).where(openingRoles(careTeam, me, now));
      const runs = [page(inArray(documents.caseId, mine), p)];
      if (reach.caseIds.length > 0) runs.push(page(inArray(documents.caseId, [...reach.caseIds]), p));
      if (reach.documentIds.length > 0) runs.push(page(inArray(documents.id, [...reach.documentIds]), p));
      return mergeNewestFirst(runs, p.limit);
    },
    /** My care roles in force now on these cases (every role: the caller keeps the strongest). */
    myRolesOn(me: string, now: number, caseIds: readonly string[]): { caseId: string; role: CareRole }[] {
      if (caseIds.length === 0) return [];
      return db.select({ caseId: careTeam.caseId, role: careTeam.role }).from(careTeam).where(myRolesOn(careTeam, me, now, caseIds)).all();
    },
  });
}

export type OpenableDocumentsRepository = ReturnType<typeof createOpenableDocumentsRepository>;

import { and, count, desc, eq, inArray, isNotNull, isNull, ne, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { olderThan, type PageOf } from '../../db/keyset.js';
import { equalsNoIndex } from '../../db/no-index.js';
import { allergyAlerts } from '../alerts/alerts-tables.js';
import { accessRequests } from '../approvals/approvals-tables.js';
import { careTeam, cases } from '../cases/cases-tables.js';
import { documentReceipts, documents } from '../sharing/sharing-tables.js';
import { burnItems, burnRecipients } from '../burn/burn-tables.js';
import { escalations } from '../escalation/escalation-tables.js';
import { yidaSubmissions } from '../forms/yida-tables.js';
import { NEW_DOCUMENTS_COUNT_CAP } from '../../contract/inbox-badge.js';

const LIMIT = 50;

/** A list's first page when the caller names none. */
export const FIRST_PAGE: PageOf = { limit: LIMIT };

/** Burn items that are an allergy alert's chat copy still out: the inbox lists them once, under alerts. */
export const ALERT_STATUSES_OUT = ['group_pending', 'sent'] as const;

/** One live document on my cases that someone else shared and I have not opened, with its case code. */
export interface NewDocumentRow {
  id: string;
  caseCode: string;
  docType: string;
  authorId: string;
  createdAt: number;
}

/** The Yida forms whose mapping asks an approver: the attending's, and (for a privacy officer) the officer's. */
export interface ApproverForms {
  attending: readonly string[];
  officer: readonly string[];
}

/** One Yida submission waiting for my approval, keyed for the inbox's pages by when it arrived. */
export interface PendingFormRow {
  id: string;
  formUuid: string;
  caseCode: string;
  createdAt: number;
}

/**
 * Read-only lookups the doctor inbox needs that no domain service offers (by clinician rather than by
 * case or document). Ids, codes, statuses and times only; nothing here touches patient fields.
 * Every method answers with a Promise.
 */
export function createDoctorInboxRepository(db: Db, store: SqliteStore) {
  const myCaseIds = (clinicianId: string) =>
    db.select({ caseId: careTeam.caseId }).from(careTeam).where(and(eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo)));
  const unopened = (clinicianId: string) =>
    and(
      inArray(documents.caseId, myCaseIds(clinicianId)),
      // Selective part: my cases (documents_case_idx); never the (status, created_at) index.
      equalsNoIndex(documents.status, 'active'),
      ne(documents.authorId, clinicianId),
      notExists(
        db
          .select({ x: sql`1` })
          .from(documentReceipts)
          .where(and(eq(documentReceipts.documentId, documents.id), eq(documentReceipts.clinicianId, clinicianId), isNotNull(documentReceipts.firstOpenedAt))),
      ),
    );
  const attendingOf = (clinicianId: string) =>
    db.select({ caseId: careTeam.caseId }).from(careTeam).where(and(eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo), eq(careTeam.role, 'attending')));
  const notAlertCopy = () =>
    notExists(db.select({ x: sql`1` }).from(allergyAlerts).where(and(inArray(allergyAlerts.status, [...ALERT_STATUSES_OUT]), eq(allergyAlerts.ephemeralItemId, burnItems.id))));
  return store.wrap({
    /** Documents on my cases I have not opened (not mine, live), newest first, one keyset page. */
    newDocumentsPage(clinicianId: string, page: PageOf): NewDocumentRow[] {
      return db
        .select({ id: documents.id, caseCode: cases.code, docType: documents.docType, authorId: documents.authorId, createdAt: documents.createdAt })
        .from(documents)
        .innerJoin(cases, eq(cases.id, documents.caseId))
        .where(and(unopened(clinicianId), olderThan(documents, page.after)))
        .orderBy(desc(documents.createdAt), desc(documents.id))
        .limit(page.limit)
        .all();
    },
    /** How many such documents there are (the badge), counted in the database up to NEW_DOCUMENTS_COUNT_CAP. */
    newDocumentsCount(clinicianId: string): number {
      const upToCap = db.select({ x: sql`1` }).from(documents).where(unopened(clinicianId)).limit(NEW_DOCUMENTS_COUNT_CAP).as('up_to_cap');
      return db.select({ n: count() }).from(upToCap).get()?.n ?? 0;
    },
    /** Documents with a pending access request on my cases (pending requests expire, so this stays small). */
    pendingRequestDocuments(clinicianId: string): string[] {
      return db
        .selectDistinct({ id: accessRequests.documentId })
        .from(accessRequests)
        .where(and(eq(accessRequests.status, 'pending'), inArray(accessRequests.caseId, myCaseIds(clinicianId))))
        .all()
        .map((r) => r.id);
    },
    /** Cases where the clinician holds an open care-team role. */
    caseIdsOf(clinicianId: string): string[] {
      const rows = db.selectDistinct({ caseId: careTeam.caseId }).from(careTeam).where(and(eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo))).all();
      return rows.map((r) => r.caseId);
    },
    /** The clinician's own access requests, newest first, one keyset page. */
    requestsBy(clinicianId: string, page: PageOf = FIRST_PAGE) {
      return db
        .select()
        .from(accessRequests)
        .where(and(eq(accessRequests.requesterId, clinicianId), olderThan(accessRequests, page.after)))
        .orderBy(desc(accessRequests.createdAt), desc(accessRequests.id))
        .limit(page.limit)
        .all();
    },
    /** Burn-after-reading items addressed to the clinician that can still be opened (not an alert's copy), newest first, one keyset page. */
    burnItemsFor(clinicianId: string, page: PageOf = FIRST_PAGE) {
      return db
        .select({ id: burnItems.id, caseId: burnItems.caseId, authorId: burnItems.authorId, kind: burnItems.kind, createdAt: burnItems.createdAt, expiresAt: burnItems.expiresAt, openedAt: burnRecipients.openedAt, burnAt: burnRecipients.burnAt })
        .from(burnRecipients)
        .innerJoin(burnItems, eq(burnItems.id, burnRecipients.itemId))
        .where(and(eq(burnRecipients.clinicianId, clinicianId), eq(burnItems.status, 'active'), notAlertCopy(), olderThan(burnItems, page.after)))
        .orderBy(desc(burnItems.createdAt), desc(burnItems.id))
        .limit(page.limit)
        .all();
    },
    /** Allergy alerts still out (not archived or failed) that the clinician raised or was sent, newest first, one keyset page. */
    alertsFor(clinicianId: string, page: PageOf = FIRST_PAGE) {
      return db
        .select({ id: allergyAlerts.id, caseId: allergyAlerts.caseId, raisedBy: allergyAlerts.raisedBy, status: allergyAlerts.status, itemId: allergyAlerts.ephemeralItemId, createdAt: allergyAlerts.createdAt })
        .from(allergyAlerts)
        .where(
          and(
            inArray(allergyAlerts.status, [...ALERT_STATUSES_OUT]),
            or(eq(allergyAlerts.raisedBy, clinicianId), sql`exists (select 1 from json_each(${allergyAlerts.recipientIds}) where value = ${clinicianId})`),
            olderThan(allergyAlerts, page.after),
          ),
        )
        .orderBy(desc(allergyAlerts.createdAt), desc(allergyAlerts.id))
        .limit(page.limit)
        .all();
    },
    /**
     * Yida submissions waiting for my approval, newest first, one keyset page: on the officer's forms,
     * or on the attending's forms for cases I am the attending of now (yida_submissions_state_idx).
     */
    pendingFormsFor(clinicianId: string, forms: ApproverForms, page: PageOf): PendingFormRow[] {
      const s = yidaSubmissions;
      const mine = or(
        forms.officer.length > 0 ? inArray(s.formUuid, [...forms.officer]) : undefined,
        forms.attending.length > 0 ? and(inArray(s.formUuid, [...forms.attending]), inArray(s.caseId, attendingOf(clinicianId))) : undefined,
      );
      if (!mine) return [];
      return db
        .select({ id: s.id, formUuid: s.formUuid, caseCode: cases.code, createdAt: s.receivedAt })
        .from(s)
        .innerJoin(cases, eq(cases.id, s.caseId))
        .where(and(eq(s.state, 'awaiting_approval'), mine, olderThan({ createdAt: s.receivedAt, id: s.id }, page.after)))
        .orderBy(desc(s.receivedAt), desc(s.id))
        .limit(page.limit)
        .all();
    },
    /** Unread urgent items still being chased for the clinician, newest first, one keyset page (an item is chased once per recipient). */
    escalationsFor(clinicianId: string, page: PageOf = FIRST_PAGE) {
      return db
        .select()
        .from(escalations)
        .where(and(eq(escalations.recipientId, clinicianId), eq(escalations.status, 'active'), olderThan({ createdAt: escalations.createdAt, id: escalations.itemId }, page.after)))
        .orderBy(desc(escalations.createdAt), desc(escalations.itemId))
        .limit(page.limit)
        .all();
    },
  });
}

export type DoctorInboxRepository = ReturnType<typeof createDoctorInboxRepository>;

import { and, count, desc, eq, inArray, isNotNull, isNull, ne, notExists, or, sql } from 'drizzle-orm';
import { allergyAlerts } from '../../db/pg/alerts-tables.js';
import { accessRequests } from '../../db/pg/approvals-tables.js';
import { burnItems, burnRecipients } from '../../db/pg/burn-tables.js';
import { careTeam, cases } from '../../db/pg/cases-tables.js';
import { documentReceipts, documents } from '../../db/pg/sharing-tables.js';
import { escalations } from '../../db/pg/escalation-tables.js';
import { yidaSubmissions } from '../../db/pg/yida-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { NEW_DOCUMENTS_COUNT_CAP } from '../../contract/inbox-badge.js';
import { olderThan } from '../../db/keyset.js';
import { ALERT_STATUSES_OUT, FIRST_PAGE, type ApproverForms, type DoctorInboxRepository, type PendingFormRow } from './doctor-inbox-repository.js';

/**
 * The doctor inbox lookups on PostgreSQL: the same port as doctor-inbox-repository.ts. What differs
 * in SQL: the recipient list is JSON text; SQLite searches it with json_each, PostgreSQL with jsonb `?`.
 */
export function createPgDoctorInboxRepository(store: PgStore): DoctorInboxRepository {
  const db = () => store.db();
  const myCaseIds = (clinicianId: string) =>
    db().select({ caseId: careTeam.caseId }).from(careTeam).where(and(eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo)));
  const unopened = (clinicianId: string) =>
    and(
      inArray(documents.caseId, myCaseIds(clinicianId)),
      eq(documents.status, 'active'),
      ne(documents.authorId, clinicianId),
      notExists(
        db()
          .select({ x: sql`1` })
          .from(documentReceipts)
          .where(and(eq(documentReceipts.documentId, documents.id), eq(documentReceipts.clinicianId, clinicianId), isNotNull(documentReceipts.firstOpenedAt))),
      ),
    );
  const attendingOf = (clinicianId: string) =>
    db().select({ caseId: careTeam.caseId }).from(careTeam).where(and(eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo), eq(careTeam.role, 'attending')));
  const notAlertCopy = () =>
    notExists(db().select({ x: sql`1` }).from(allergyAlerts).where(and(inArray(allergyAlerts.status, [...ALERT_STATUSES_OUT]), eq(allergyAlerts.ephemeralItemId, burnItems.id))));
  return {
    newDocumentsPage: (clinicianId, page) =>
      db()
        .select({ id: documents.id, caseCode: cases.code, docType: documents.docType, authorId: documents.authorId, createdAt: documents.createdAt })
        .from(documents)
        .innerJoin(cases, eq(cases.id, documents.caseId))
        .where(and(unopened(clinicianId), olderThan(documents, page.after)))
        .orderBy(desc(documents.createdAt), desc(documents.id))
        .limit(page.limit),
    async newDocumentsCount(clinicianId) {
      const upToCap = db().select({ x: sql`1` }).from(documents).where(unopened(clinicianId)).limit(NEW_DOCUMENTS_COUNT_CAP).as('up_to_cap');
      return (await db().select({ n: count() }).from(upToCap))[0]?.n ?? 0;
    },
    async pendingRequestDocuments(clinicianId) {
      const rows = await db()
        .selectDistinct({ id: accessRequests.documentId })
        .from(accessRequests)
        .where(and(eq(accessRequests.status, 'pending'), inArray(accessRequests.caseId, myCaseIds(clinicianId))));
      return rows.map((r) => r.id);
    },
    async caseIdsOf(clinicianId) {
      const rows = await db().selectDistinct({ caseId: careTeam.caseId }).from(careTeam).where(and(eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo)));
      return rows.map((r) => r.caseId);
    },
    async requestsBy(clinicianId, page = FIRST_PAGE) {
      return db()
        .select()
        .from(accessRequests)
        .where(and(eq(accessRequests.requesterId, clinicianId), olderThan(accessRequests, page.after)))
        .orderBy(desc(accessRequests.createdAt), desc(accessRequests.id))
        .limit(page.limit);
    },
    async burnItemsFor(clinicianId, page = FIRST_PAGE) {
      return db()
        .select({ id: burnItems.id, caseId: burnItems.caseId, authorId: burnItems.authorId, kind: burnItems.kind, createdAt: burnItems.createdAt, expiresAt: burnItems.expiresAt, openedAt: burnRecipients.openedAt, burnAt: burnRecipients.burnAt })
        .from(burnRecipients)
        .innerJoin(burnItems, eq(burnItems.id, burnRecipients.itemId))
        .where(and(eq(burnRecipients.clinicianId, clinicianId), eq(burnItems.status, 'active'), notAlertCopy(), olderThan(burnItems, page.after)))
        .orderBy(desc(burnItems.createdAt), desc(burnItems.id))
        .limit(page.limit);
    },
    async alertsFor(clinicianId, page = FIRST_PAGE) {
      return db()
        .select({ id: allergyAlerts.id, caseId: allergyAlerts.caseId, raisedBy: allergyAlerts.raisedBy, status: allergyAlerts.status, itemId: allergyAlerts.ephemeralItemId, createdAt: allergyAlerts.createdAt })
        .from(allergyAlerts)
        .where(
          and(
            inArray(allergyAlerts.status, [...ALERT_STATUSES_OUT]),
            or(eq(allergyAlerts.raisedBy, clinicianId), sql`${allergyAlerts.recipientIds}::jsonb ? ${clinicianId}`),
            olderThan(allergyAlerts, page.after),
          ),
        )
        .orderBy(desc(allergyAlerts.createdAt), desc(allergyAlerts.id))
        .limit(page.limit);
    },
    async pendingFormsFor(clinicianId: string, forms: ApproverForms, page): Promise<PendingFormRow[]> {
      const s = yidaSubmissions;
      const mine = or(
        forms.officer.length > 0 ? inArray(s.formUuid, [...forms.officer]) : undefined,
        forms.attending.length > 0 ? and(inArray(s.formUuid, [...forms.attending]), inArray(s.caseId, attendingOf(clinicianId))) : undefined,
      );
      if (!mine) return [];
      return db()
        .select({ id: s.id, formUuid: s.formUuid, caseCode: cases.code, createdAt: s.receivedAt })
        .from(s)
        .innerJoin(cases, eq(cases.id, s.caseId))
        .where(and(eq(s.state, 'awaiting_approval'), mine, olderThan({ createdAt: s.receivedAt, id: s.id }, page.after)))
        .orderBy(desc(s.receivedAt), desc(s.id))
        .limit(page.limit);
    },
    async escalationsFor(clinicianId, page = FIRST_PAGE) {
      return db()
        .select()
        .from(escalations)
        .where(and(eq(escalations.recipientId, clinicianId), eq(escalations.status, 'active'), olderThan({ createdAt: escalations.createdAt, id: escalations.itemId }, page.after)))
        .orderBy(desc(escalations.createdAt), desc(escalations.itemId))
        .limit(page.limit);
    },
  };
}

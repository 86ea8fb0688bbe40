import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { allergyAlerts } from '../alerts/alerts-tables.js';
import { accessRequests } from '../approvals/approvals-tables.js';
import { careTeam } from '../cases/cases-tables.js';
import { burnItems, burnRecipients } from '../burn/burn-tables.js';
import { escalations } from '../escalation/escalation-tables.js';

const LIMIT = 50;

/**
 * Read-only lookups the doctor inbox needs that no domain service offers (by clinician rather than by
 * case or document). Ids, codes, statuses and times only; nothing here touches patient fields.
 * Every method answers with a Promise.
 */
export function createDoctorInboxRepository(db: Db, store: SqliteStore) {
  return store.wrap({
    /** Cases where the clinician holds an open care-team role. */
    caseIdsOf(clinicianId: string): string[] {
      const rows = db.selectDistinct({ caseId: careTeam.caseId }).from(careTeam).where(and(eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo))).all();
      return rows.map((r) => r.caseId);
    },
    /** The clinician's own access requests, newest first. */
    requestsBy(clinicianId: string) {
      return db.select().from(accessRequests).where(eq(accessRequests.requesterId, clinicianId)).orderBy(desc(accessRequests.createdAt)).limit(LIMIT).all();
    },
    /** Burn-after-reading items addressed to the clinician that can still be opened. */
    burnItemsFor(clinicianId: string) {
      return db
        .select({ id: burnItems.id, caseId: burnItems.caseId, authorId: burnItems.authorId, kind: burnItems.kind, createdAt: burnItems.createdAt, expiresAt: burnItems.expiresAt, openedAt: burnRecipients.openedAt, burnAt: burnRecipients.burnAt })
        .from(burnRecipients)
        .innerJoin(burnItems, eq(burnItems.id, burnRecipients.itemId))
        .where(and(eq(burnRecipients.clinicianId, clinicianId), eq(burnItems.status, 'active')))
        .orderBy(desc(burnItems.createdAt))
        .limit(LIMIT)
        .all();
    },
    /** Allergy alerts still out (not archived or failed) that the clinician raised or was sent, newest first. */
    alertsFor(clinicianId: string) {
      return db
        .select({ id: allergyAlerts.id, caseId: allergyAlerts.caseId, raisedBy: allergyAlerts.raisedBy, status: allergyAlerts.status, itemId: allergyAlerts.ephemeralItemId, createdAt: allergyAlerts.createdAt })
        .from(allergyAlerts)
        .where(
          and(
            inArray(allergyAlerts.status, ['group_pending', 'sent']),
            or(eq(allergyAlerts.raisedBy, clinicianId), sql`exists (select 1 from json_each(${allergyAlerts.recipientIds}) where value = ${clinicianId})`),
          ),
        )
        .orderBy(desc(allergyAlerts.createdAt))
        .limit(LIMIT)
        .all();
    },
    /** Unread urgent items still being chased for the clinician. */
    escalationsFor(clinicianId: string) {
      return db.select().from(escalations).where(and(eq(escalations.recipientId, clinicianId), eq(escalations.status, 'active'))).orderBy(desc(escalations.createdAt)).limit(LIMIT).all();
    },
  });
}

export type DoctorInboxRepository = ReturnType<typeof createDoctorInboxRepository>;

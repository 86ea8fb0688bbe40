import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { allergyAlerts } from '../../db/pg/alerts-tables.js';
import { accessRequests } from '../../db/pg/approvals-tables.js';
import { burnItems, burnRecipients } from '../../db/pg/burn-tables.js';
import { careTeam } from '../../db/pg/cases-tables.js';
import { escalations } from '../../db/pg/escalation-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { DoctorInboxRepository } from './doctor-inbox-repository.js';

const LIMIT = 50;

/**
 * The doctor inbox lookups on PostgreSQL: the same port as doctor-inbox-repository.ts. What differs
 * in SQL: the recipient list is JSON text; SQLite searches it with json_each, PostgreSQL with jsonb `?`.
 */
export function createPgDoctorInboxRepository(store: PgStore): DoctorInboxRepository {
  const db = () => store.db();
  return {
    async caseIdsOf(clinicianId) {
      const rows = await db().selectDistinct({ caseId: careTeam.caseId }).from(careTeam).where(and(eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo)));
      return rows.map((r) => r.caseId);
    },
    async requestsBy(clinicianId) {
      return db().select().from(accessRequests).where(eq(accessRequests.requesterId, clinicianId)).orderBy(desc(accessRequests.createdAt)).limit(LIMIT);
    },
    async burnItemsFor(clinicianId) {
      return db()
        .select({ id: burnItems.id, caseId: burnItems.caseId, authorId: burnItems.authorId, kind: burnItems.kind, createdAt: burnItems.createdAt, expiresAt: burnItems.expiresAt, openedAt: burnRecipients.openedAt, burnAt: burnRecipients.burnAt })
        .from(burnRecipients)
        .innerJoin(burnItems, eq(burnItems.id, burnRecipients.itemId))
        .where(and(eq(burnRecipients.clinicianId, clinicianId), eq(burnItems.status, 'active')))
        .orderBy(desc(burnItems.createdAt))
        .limit(LIMIT);
    },
    async alertsFor(clinicianId) {
      return db()
        .select({ id: allergyAlerts.id, caseId: allergyAlerts.caseId, raisedBy: allergyAlerts.raisedBy, status: allergyAlerts.status, itemId: allergyAlerts.ephemeralItemId, createdAt: allergyAlerts.createdAt })
        .from(allergyAlerts)
        .where(and(inArray(allergyAlerts.status, ['group_pending', 'sent']), or(eq(allergyAlerts.raisedBy, clinicianId), sql`${allergyAlerts.recipientIds}::jsonb ? ${clinicianId}`)))
        .orderBy(desc(allergyAlerts.createdAt))
        .limit(LIMIT);
    },
    async escalationsFor(clinicianId) {
      return db()
        .select()
        .from(escalations)
        .where(and(eq(escalations.recipientId, clinicianId), eq(escalations.status, 'active')))
        .orderBy(desc(escalations.createdAt))
        .limit(LIMIT);
    },
  };
}

import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { interactionAlertRecipients, interactionAlerts } from '../../db/pg/interaction-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { sqlCollateC } from '../../db/pg/pg-columns.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { alertRunWhere, openReason, sealReason, type InteractionRepository } from './interaction-repository.js';

/** Interaction alerts on PostgreSQL: the same port as interaction-repository.ts. */
export function createPgInteractionRepository(store: PgStore, texts: FreeTextCipher): InteractionRepository {
  const db = () => store.db();
  const open = openReason(texts);
  const changed = (r: { rowCount: number | null }) => (r.rowCount ?? 0) > 0;
  return {
    insert(alert, recipients) {
      return store.transaction(async () => {
        if (!changed(await db().insert(interactionAlerts).values({ ...alert, state: 'open' }).onConflictDoNothing())) return false;
        for (const r of recipients) await db().insert(interactionAlertRecipients).values({ alertId: alert.id, ...r }).onConflictDoNothing();
        return true;
      });
    },
    async find(id) {
      const [row] = await db().select().from(interactionAlerts).where(eq(interactionAlerts.id, id));
      return row && open(row);
    },
    async forCase(caseId) {
      return (await db().select().from(interactionAlerts).where(eq(interactionAlerts.caseId, caseId)).orderBy(asc(interactionAlerts.createdAt), sqlCollateC(interactionAlerts.id))).map(open);
    },
    async pageForCase(caseId, run, page) {
      const where = alertRunWhere(interactionAlerts, caseId, run, page);
      return (await db().select().from(interactionAlerts).where(where).orderBy(desc(interactionAlerts.createdAt), desc(interactionAlerts.id)).limit(page.limit)).map(open);
    },
    async recipients(alertId) {
      return db().select().from(interactionAlertRecipients).where(eq(interactionAlertRecipients.alertId, alertId)).orderBy(sqlCollateC(interactionAlertRecipients.clinicianId));
    },
    async markRead(alertId, clinicianId, at) {
      const key = and(eq(interactionAlertRecipients.alertId, alertId), eq(interactionAlertRecipients.clinicianId, clinicianId), isNull(interactionAlertRecipients.readAt));
      return changed(await db().update(interactionAlertRecipients).set({ readAt: at }).where(key));
    },
    async decide(id, d) {
      const set = { state: d.state, decidedBy: d.by, decidedAt: d.at, reason: sealReason(texts, id, d.reason) };
      return changed(await db().update(interactionAlerts).set(set).where(and(eq(interactionAlerts.id, id), eq(interactionAlerts.state, 'open'))));
    },
  };
}

import { and, asc, eq, gt, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import { careTeam, caseGroups, cases } from '../../db/pg/cases-tables.js';
import { insertionOrder } from '../../db/pg/pg-columns.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { newId } from '../../shared/ids.js';
import type { CareTeamRow, CasesRepository } from './cases-repository.js';

/**
 * Cases, bound groups and care teams on PostgreSQL: the same port as cases-repository.ts. What
 * differs in SQL: SQLite breaks ties on a time by rowid; here the hidden `insert_seq` stands in.
 */
export function createPgCasesRepository(store: PgStore): CasesRepository {
  const db = () => store.db();
  const changed = (r: { rowCount: number | null }) => r.rowCount ?? 0;
  const byStart = [asc(careTeam.effectiveFrom), insertionOrder(careTeam)] as const;
  const openAt = (at: number) => or(isNull(careTeam.effectiveTo), gt(careTeam.effectiveTo, at));
  return {
    async insertCase(row) {
      await db().insert(cases).values(row);
    },
    async caseByCode(code) {
      const [row] = await db().select().from(cases).where(eq(cases.code, code));
      return row;
    },
    async caseById(id) {
      const [row] = await db().select().from(cases).where(eq(cases.id, id));
      return row;
    },
    async casesOfPatient(patientId) {
      return db().select().from(cases).where(eq(cases.patientId, patientId)).orderBy(asc(cases.openedAt), insertionOrder(cases));
    },
    async moveCasesToPatient(fromPatientId, toPatientId) {
      return changed(await db().update(cases).set({ patientId: toPatientId }).where(eq(cases.patientId, fromPatientId)));
    },
    async teamHistory(caseId) {
      return db().select().from(careTeam).where(eq(careTeam.caseId, caseId)).orderBy(...byStart);
    },
    async setStatus(id, status) {
      return changed(await db().update(cases).set({ status }).where(and(eq(cases.id, id), ne(cases.status, status)))) > 0;
    },
    async openCaseOfPatient(patientId) {
      const [row] = await db().select().from(cases).where(and(eq(cases.patientId, patientId), eq(cases.status, 'open'))).limit(1);
      return row;
    },
    async bindGroup(caseId, conversationId, boundBy, now) {
      await db().insert(caseGroups).values({ caseId, conversationId, boundBy, boundAt: now });
    },
    async unbindGroup(caseId, conversationId) {
      return changed(await db().delete(caseGroups).where(and(eq(caseGroups.caseId, caseId), eq(caseGroups.conversationId, conversationId)))) > 0;
    },
    async groupsOfCase(caseId) {
      return db().select().from(caseGroups).where(eq(caseGroups.caseId, caseId));
    },
    async groupBinding(conversationId) {
      const [row] = await db().select().from(caseGroups).where(eq(caseGroups.conversationId, conversationId));
      return row;
    },
    async addMember(m, now, window = {}) {
      const row: CareTeamRow = {
        id: newId(),
        ...m,
        viaConversationId: m.viaConversationId ?? null,
        effectiveFrom: window.from ?? now,
        effectiveTo: window.to ?? null,
        removedBy: null,
        removedReason: null,
      };
      await db().insert(careTeam).values(row);
      return row;
    },
    async activeRoles(caseId, clinicianId) {
      return db()
        .select()
        .from(careTeam)
        .where(and(eq(careTeam.caseId, caseId), eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo)));
    },
    async teamInForce(caseId, at, clinicianId) {
      const who = clinicianId === undefined ? undefined : eq(careTeam.clinicianId, clinicianId);
      return db()
        .select()
        .from(careTeam)
        .where(and(eq(careTeam.caseId, caseId), who, lte(careTeam.effectiveFrom, at), openAt(at)))
        .orderBy(...byStart);
    },
    async openRolesAt(caseId, clinicianId, at) {
      return db()
        .select()
        .from(careTeam)
        .where(and(eq(careTeam.caseId, caseId), eq(careTeam.clinicianId, clinicianId), openAt(at)));
    },
    async openRolesOfClinician(clinicianId, at) {
      return db().select().from(careTeam).where(and(eq(careTeam.clinicianId, clinicianId), openAt(at)));
    },
    async activeTeam(caseId) {
      return db()
        .select()
        .from(careTeam)
        .where(and(eq(careTeam.caseId, caseId), isNull(careTeam.effectiveTo)))
        .orderBy(...byStart);
    },
    async activeRolesVia(conversationId, clinicianIds) {
      if (clinicianIds.length === 0) return [];
      return db()
        .select()
        .from(careTeam)
        .where(and(eq(careTeam.viaConversationId, conversationId), inArray(careTeam.clinicianId, clinicianIds), isNull(careTeam.effectiveTo)));
    },
    async endRole(id, removedBy, reason, now) {
      await db()
        .update(careTeam)
        .set({ effectiveTo: now, removedBy, removedReason: reason })
        .where(and(eq(careTeam.id, id), isNull(careTeam.effectiveTo)));
    },
    async endRoleAt(id, removedBy, reason, at, now) {
      await db()
        .update(careTeam)
        .set({ effectiveTo: at, removedBy, removedReason: reason })
        .where(and(eq(careTeam.id, id), openAt(now)));
    },
  };
}

import { and, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { newId } from '../../shared/ids.js';
import { careTeam, caseGroups, cases, type CareRole, type CaseStatus } from './cases-tables.js';

export type CaseRow = typeof cases.$inferSelect;
export type CareTeamRow = typeof careTeam.$inferSelect;
export type CaseGroupRow = typeof caseGroups.$inferSelect;

export interface NewMember {
  caseId: string;
  clinicianId: string;
  role: CareRole;
  viaConversationId?: string | null;
  addedBy: string;
}

/** Named queries over cases, their bound groups and care teams (SQLite adapter; every method answers with a Promise). */
export function createCasesRepository(db: Db, store: SqliteStore) {
  return store.wrap(casesStatements(db));
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;

/** The statements themselves, synchronous; wrapped above. */
function casesStatements(db: Db) {
  return {
    insertCase(row: CaseRow): void {
      db.insert(cases).values(row).run();
    },
    caseByCode(code: string): CaseRow | undefined {
      return db.select().from(cases).where(eq(cases.code, code)).get();
    },
    caseById(id: string): CaseRow | undefined {
      return db.select().from(cases).where(eq(cases.id, id)).get();
    },
    /** Every case of a patient, open or closed, oldest first (the PDPO data access report). */
    casesOfPatient(patientId: string): CaseRow[] {
      return db.select().from(cases).where(eq(cases.patientId, patientId)).orderBy(cases.openedAt, sql`rowid`).all();
    },
    /** Moves every case of a merged-away patient record to the surviving one; returns how many moved. */
    moveCasesToPatient(fromPatientId: string, toPatientId: string): number {
      return db.update(cases).set({ patientId: toPatientId }).where(eq(cases.patientId, fromPatientId)).run().changes;
    },
    /** Every role row of a case, ended ones included, oldest first: who could see it, and when. */
    teamHistory(caseId: string): CareTeamRow[] {
      return db.select().from(careTeam).where(eq(careTeam.caseId, caseId)).orderBy(careTeam.effectiveFrom, sql`rowid`).all();
    },
    /** Closes or re-opens a case; false when it already had that status (a concurrent press won). */
    setStatus(id: string, status: CaseStatus): boolean {
      return db.update(cases).set({ status }).where(and(eq(cases.id, id), ne(cases.status, status))).run().changes > 0;
    },
    openCaseOfPatient(patientId: string): CaseRow | undefined {
      return db.select().from(cases).where(and(eq(cases.patientId, patientId), eq(cases.status, 'open'))).get();
    },
    bindGroup(caseId: string, conversationId: string, boundBy: string, now: number): void {
      db.insert(caseGroups).values({ caseId, conversationId, boundBy, boundAt: now }).run();
    },
    unbindGroup(caseId: string, conversationId: string): boolean {
      const r = db.delete(caseGroups).where(and(eq(caseGroups.caseId, caseId), eq(caseGroups.conversationId, conversationId))).run();
      return r.changes > 0;
    },
    groupsOfCase(caseId: string): CaseGroupRow[] {
      return db.select().from(caseGroups).where(eq(caseGroups.caseId, caseId)).all();
    },
    groupBinding(conversationId: string): CaseGroupRow | undefined {
      return db.select().from(caseGroups).where(eq(caseGroups.conversationId, conversationId)).get();
    },
    /** `window` dates a role ahead (an admin booking a locum); by default it starts now and stays open. */
    addMember(m: NewMember, now: number, window: { from?: number; to?: number | null } = {}): CareTeamRow {
      const row: CareTeamRow = {
        id: newId(),
        ...m,
        viaConversationId: m.viaConversationId ?? null,
        effectiveFrom: window.from ?? now,
        effectiveTo: window.to ?? null,
        removedBy: null,
        removedReason: null,
      };
      db.insert(careTeam).values(row).run();
      return row;
    },
    /** The clinician's open role rows on the case (normally at most one). */
    activeRoles(caseId: string, clinicianId: string): CareTeamRow[] {
      return db
        .select()
        .from(careTeam)
        .where(and(eq(careTeam.caseId, caseId), eq(careTeam.clinicianId, clinicianId), isNull(careTeam.effectiveTo)))
        .all();
    },
    /** Role rows in force at `at`: started by then and not ended yet. What the policy sees. */
    teamInForce(caseId: string, at: number, clinicianId?: string): CareTeamRow[] {
      return db
        .select()
        .from(careTeam)
        .where(
          and(
            eq(careTeam.caseId, caseId),
            clinicianId === undefined ? undefined : eq(careTeam.clinicianId, clinicianId),
            lte(careTeam.effectiveFrom, at),
            or(isNull(careTeam.effectiveTo), gt(careTeam.effectiveTo, at)),
          ),
        )
        .orderBy(careTeam.effectiveFrom, sql`rowid`)
        .all();
    },
    /** Rows not ended by `at`: in force now, or booked to start later. */
    openRolesAt(caseId: string, clinicianId: string, at: number): CareTeamRow[] {
      return db
        .select()
        .from(careTeam)
        .where(and(eq(careTeam.caseId, caseId), eq(careTeam.clinicianId, clinicianId), or(isNull(careTeam.effectiveTo), gt(careTeam.effectiveTo, at))))
        .all();
    },
    /** Every role row of a clinician not ended by `at`, on any case (in force or booked ahead). */
    openRolesOfClinician(clinicianId: string, at: number): CareTeamRow[] {
      return db
        .select()
        .from(careTeam)
        .where(and(eq(careTeam.clinicianId, clinicianId), or(isNull(careTeam.effectiveTo), gt(careTeam.effectiveTo, at))))
        .all();
    },
    activeTeam(caseId: string): CareTeamRow[] {
      return db
        .select()
        .from(careTeam)
        .where(and(eq(careTeam.caseId, caseId), isNull(careTeam.effectiveTo)))
        .orderBy(careTeam.effectiveFrom, sql`rowid`)
        .all();
    },
    /** Open roles given through a group, for the given members of it. */
    activeRolesVia(conversationId: string, clinicianIds: string[]): CareTeamRow[] {
      if (clinicianIds.length === 0) return [];
      return db
        .select()
        .from(careTeam)
        .where(
          and(
            eq(careTeam.viaConversationId, conversationId),
            inArray(careTeam.clinicianId, clinicianIds),
            isNull(careTeam.effectiveTo),
          ),
        )
        .all();
    },
    endRole(id: string, removedBy: string, reason: string, now: number): void {
      db.update(careTeam)
        .set({ effectiveTo: now, removedBy, removedReason: reason })
        .where(and(eq(careTeam.id, id), isNull(careTeam.effectiveTo)))
        .run();
    },
    /** Ends (or re-dates the end of) a row that is still open at `now`; `at` may lie ahead. */
    endRoleAt(id: string, removedBy: string, reason: string, at: number, now: number): void {
      db.update(careTeam)
        .set({ effectiveTo: at, removedBy, removedReason: reason })
        .where(and(eq(careTeam.id, id), or(isNull(careTeam.effectiveTo), gt(careTeam.effectiveTo, now))))
        .run();
    },
  };
}

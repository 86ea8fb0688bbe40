import { and, eq, gt, inArray, lt, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { byStartThenLevel, onCallFromShifts, type RosterRepository, type RosterShift } from './roster-port.js';
import { rosterSettings, rosterShifts } from './roster-tables.js';

/** The roster store on SQLite; also the OnCallPort referral routing reads. */
export function createRosterRepository(db: Db, store: SqliteStore): RosterRepository {
  const find = (id: string) => db.select().from(rosterShifts).where(eq(rosterShifts.id, id)).get();
  const settings = (institutionId: string, specialty: string) =>
    db.select().from(rosterSettings).where(and(eq(rosterSettings.institutionId, institutionId), eq(rosterSettings.specialty, specialty))).get();
  const repository = store.wrap({
    onCallAt(q: { institutionId: string; specialty: string; at: number }) {
      const rows = db
        .select()
        .from(rosterShifts)
        .where(and(eq(rosterShifts.institutionId, q.institutionId), eq(rosterShifts.specialty, q.specialty), gt(rosterShifts.endsAt, q.at), lte(rosterShifts.startsAt, q.at)))
        .all();
      return onCallFromShifts(rows, settings(q.institutionId, q.specialty)?.escalationContactId ?? null);
    },
    find,
    listRange(range: { institutionId: string; specialty?: string; from: number; to: number }): RosterShift[] {
      const where = [eq(rosterShifts.institutionId, range.institutionId), gt(rosterShifts.endsAt, range.from), lt(rosterShifts.startsAt, range.to)];
      if (range.specialty !== undefined) where.push(eq(rosterShifts.specialty, range.specialty));
      return db.select().from(rosterShifts).where(and(...where)).all().sort(byStartThenLevel);
    },
    clinicianShifts(clinicianId: string, from: number, to: number, except: string[] = []): RosterShift[] {
      const where = [eq(rosterShifts.clinicianId, clinicianId), gt(rosterShifts.endsAt, from), lt(rosterShifts.startsAt, to)];
      if (except.length > 0) where.push(notInArray(rosterShifts.id, except));
      return db.select().from(rosterShifts).where(and(...where)).all().sort(byStartThenLevel);
    },
    add(shifts: RosterShift[]): void {
      if (shifts.length > 0) db.insert(rosterShifts).values(shifts).run();
    },
    swap(aId: string, bId: string): boolean {
      return db.transaction((tx) => {
        const rows = tx.select().from(rosterShifts).where(inArray(rosterShifts.id, [aId, bId])).all();
        const a = rows.find((r) => r.id === aId);
        const b = rows.find((r) => r.id === bId);
        if (!a || !b || aId === bId) return false;
        tx.update(rosterShifts).set({ clinicianId: b.clinicianId }).where(eq(rosterShifts.id, aId)).run();
        tx.update(rosterShifts).set({ clinicianId: a.clinicianId }).where(eq(rosterShifts.id, bId)).run();
        return true;
      });
    },
    replace(id: string, pieces: RosterShift[]): boolean {
      return db.transaction((tx) => {
        if (tx.delete(rosterShifts).where(eq(rosterShifts.id, id)).run().changes !== 1) return false;
        if (pieces.length > 0) tx.insert(rosterShifts).values(pieces).run();
        return true;
      });
    },
    remove(id: string): boolean {
      return db.delete(rosterShifts).where(eq(rosterShifts.id, id)).run().changes === 1;
    },
    settings,
    putSettings(row: { institutionId: string; specialty: string; ownerClinicianId: string | null; escalationContactId: string | null }): void {
      db.insert(rosterSettings).values(row).onConflictDoUpdate({ target: [rosterSettings.institutionId, rosterSettings.specialty], set: row }).run();
    },
  });
  return repository;
}

import { and, eq, gt, inArray, lt, lte, notInArray } from 'drizzle-orm';
import type { PgStore } from '../../db/pg/pg-store.js';
import { rosterSettings, rosterShifts } from '../../db/pg/roster-tables.js';
import { byStartThenLevel, onCallFromShifts, type RosterRepository } from './roster-port.js';

/** The roster store on PostgreSQL: the same contract as the SQLite one (roster-repository.ts). */
export function createPgRosterRepository(store: PgStore): RosterRepository {
  const db = () => store.db();
  const settings = async (institutionId: string, specialty: string) => {
    const [row] = await db().select().from(rosterSettings).where(and(eq(rosterSettings.institutionId, institutionId), eq(rosterSettings.specialty, specialty)));
    return row;
  };
  return {
    async onCallAt(q) {
      const rows = await db()
        .select()
        .from(rosterShifts)
        .where(and(eq(rosterShifts.institutionId, q.institutionId), eq(rosterShifts.specialty, q.specialty), gt(rosterShifts.endsAt, q.at), lte(rosterShifts.startsAt, q.at)));
      return onCallFromShifts(rows, (await settings(q.institutionId, q.specialty))?.escalationContactId ?? null);
    },
    async find(id) {
      const [row] = await db().select().from(rosterShifts).where(eq(rosterShifts.id, id));
      return row;
    },
    async listRange(range) {
      const where = [eq(rosterShifts.institutionId, range.institutionId), gt(rosterShifts.endsAt, range.from), lt(rosterShifts.startsAt, range.to)];
      if (range.specialty !== undefined) where.push(eq(rosterShifts.specialty, range.specialty));
      return (await db().select().from(rosterShifts).where(and(...where))).sort(byStartThenLevel);
    },
    async clinicianShifts(clinicianId, from, to, except = []) {
      const where = [eq(rosterShifts.clinicianId, clinicianId), gt(rosterShifts.endsAt, from), lt(rosterShifts.startsAt, to)];
      if (except.length > 0) where.push(notInArray(rosterShifts.id, except));
      return (await db().select().from(rosterShifts).where(and(...where))).sort(byStartThenLevel);
    },
    async add(shifts) {
      if (shifts.length > 0) await db().insert(rosterShifts).values(shifts);
    },
    swap: (aId, bId) =>
      store.transaction(async () => {
        const rows = await db().select().from(rosterShifts).where(inArray(rosterShifts.id, [aId, bId])).for('update');
        const a = rows.find((r) => r.id === aId);
        const b = rows.find((r) => r.id === bId);
        if (!a || !b || aId === bId) return false;
        await db().update(rosterShifts).set({ clinicianId: b.clinicianId }).where(eq(rosterShifts.id, aId));
        await db().update(rosterShifts).set({ clinicianId: a.clinicianId }).where(eq(rosterShifts.id, bId));
        return true;
      }),
    replace: (id, pieces) =>
      store.transaction(async () => {
        const gone = await db().delete(rosterShifts).where(eq(rosterShifts.id, id)).returning({ id: rosterShifts.id });
        if (gone.length !== 1) return false;
        if (pieces.length > 0) await db().insert(rosterShifts).values(pieces);
        return true;
      }),
    async remove(id) {
      return (await db().delete(rosterShifts).where(eq(rosterShifts.id, id)).returning({ id: rosterShifts.id })).length === 1;
    },
    settings,
    async putSettings(row) {
      await db().insert(rosterSettings).values(row).onConflictDoUpdate({ target: [rosterSettings.institutionId, rosterSettings.specialty], set: row });
    },
  };
}

import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { actionRun, newestFirst } from './mdt-keyset.js';
import { mdtActions, mdtApprovalSteps, mdtMeetings, mdtMinutes, mdtParticipants } from '../../db/pg/mdt-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import type { MdtRepository } from './mdt-meeting.js';
import { openAction, openMinutes, openStep, sealAction, sealComment, sealMinutes } from './mdt-seal.js';

const one = (r: { rowCount: number | null }) => r.rowCount === 1;

/** MDT meetings on PostgreSQL: the same port as mdt-repository.ts. */
export function createPgMdtRepository(store: PgStore, texts: FreeTextCipher): MdtRepository {
  const db = () => store.db();
  return {
    async createMeeting(meeting, participants) {
      await db().insert(mdtMeetings).values(meeting);
      if (participants.length > 0) await db().insert(mdtParticipants).values(participants);
    },
    async findMeeting(id) {
      const [r] = await db().select().from(mdtMeetings).where(eq(mdtMeetings.id, id));
      return r;
    },
    meetingsOfCase(caseId, page) {
      const { before, order } = newestFirst(mdtMeetings, page);
      return db().select().from(mdtMeetings).where(and(eq(mdtMeetings.caseId, caseId), before)).orderBy(...order).limit(page.limit);
    },
    meetingsPage(status, page) {
      const { before, order } = newestFirst(mdtMeetings, page);
      return db().select().from(mdtMeetings).where(and(status ? eq(mdtMeetings.status, status) : undefined, before)).orderBy(...order).limit(page.limit);
    },
    async stepsOfMeetings(ids) {
      if (ids.length === 0) return [];
      const rows = await db().select().from(mdtApprovalSteps).where(inArray(mdtApprovalSteps.meetingId, [...ids]));
      return rows.map((r) => openStep(texts, r));
    },
    async takingPart(clinicianId, ids) {
      if (ids.length === 0) return [];
      const rows = await db().select({ id: mdtParticipants.meetingId }).from(mdtParticipants).where(and(inArray(mdtParticipants.meetingId, [...ids]), eq(mdtParticipants.clinicianId, clinicianId)));
      return rows.map((r) => r.id);
    },
    async takesPartInCase(clinicianId, caseId) {
      const rows = await db().select({ id: mdtMeetings.id }).from(mdtParticipants).innerJoin(mdtMeetings, eq(mdtMeetings.id, mdtParticipants.meetingId))
        .where(and(eq(mdtParticipants.clinicianId, clinicianId), eq(mdtMeetings.caseId, caseId))).limit(1);
      return rows.length > 0;
    },
    participants: (meetingId) => db().select().from(mdtParticipants).where(eq(mdtParticipants.meetingId, meetingId)).orderBy(asc(mdtParticipants.clinicianId)),
    async moveStatus(id, from, to, set) {
      return one(await db().update(mdtMeetings).set({ status: to, ...set }).where(and(eq(mdtMeetings.id, id), inArray(mdtMeetings.status, from))));
    },
    async saveMinutes(minutes) {
      const row = sealMinutes(texts, minutes);
      await db().insert(mdtMinutes).values(row).onConflictDoUpdate({ target: mdtMinutes.meetingId, set: row });
    },
    async findMinutes(meetingId) {
      const [r] = await db().select().from(mdtMinutes).where(eq(mdtMinutes.meetingId, meetingId));
      return r && openMinutes(texts, r);
    },
    async addSteps(steps) {
      if (steps.length > 0) await db().insert(mdtApprovalSteps).values(steps.map((s) => ({ ...s, comment: sealComment(texts, s.id, s.comment) })));
    },
    async steps(meetingId) {
      const rows = await db().select().from(mdtApprovalSteps).where(eq(mdtApprovalSteps.meetingId, meetingId)).orderBy(asc(mdtApprovalSteps.round), asc(mdtApprovalSteps.position));
      return rows.map((r) => openStep(texts, r));
    },
    async decideStep(id, decision, comment, at) {
      return one(await db().update(mdtApprovalSteps).set({ decision, comment: sealComment(texts, id, comment), decidedAt: at })
        .where(and(eq(mdtApprovalSteps.id, id), isNull(mdtApprovalSteps.decision))));
    },
    async addActions(actions) {
      if (actions.length > 0) await db().insert(mdtActions).values(actions.map((a) => sealAction(texts, a)));
    },
    async findAction(id) {
      const [r] = await db().select().from(mdtActions).where(eq(mdtActions.id, id));
      return r && openAction(texts, r);
    },
    async ownerActions(ownerId, run, page) {
      const { where, order } = actionRun(mdtActions, ownerId, run, page.after);
      const rows = await db().select().from(mdtActions).where(where).orderBy(...order).limit(page.limit);
      return rows.map((r) => openAction(texts, r));
    },
    async openActionCounts(ownerId, now) {
      const [r] = await db().select({ open: sql<number>`count(*)`, overdue: sql<number>`count(case when ${mdtActions.dueAt} < ${now} then 1 end)` })
        .from(mdtActions).where(and(eq(mdtActions.ownerId, ownerId), eq(mdtActions.status, 'open')));
      return { open: Number(r?.open ?? 0), overdue: Number(r?.overdue ?? 0) };
    },
    async actionsOfMeeting(meetingId) {
      const rows = await db().select().from(mdtActions).where(eq(mdtActions.meetingId, meetingId)).orderBy(asc(mdtActions.position));
      return rows.map((r) => openAction(texts, r));
    },
    async markDone(id, at) {
      return one(await db().update(mdtActions).set({ status: 'done', doneAt: at }).where(and(eq(mdtActions.id, id), eq(mdtActions.status, 'open'))));
    },
    async overdueUnreminded(now, limit) {
      const rows = await db().select().from(mdtActions).where(and(eq(mdtActions.status, 'open'), lt(mdtActions.dueAt, now), isNull(mdtActions.remindedAt)))
        .orderBy(asc(mdtActions.dueAt), asc(mdtActions.id)).limit(limit);
      return rows.map((r) => openAction(texts, r));
    },
    async markReminded(id, at) {
      await db().update(mdtActions).set({ remindedAt: at }).where(eq(mdtActions.id, id));
    },
  };
}

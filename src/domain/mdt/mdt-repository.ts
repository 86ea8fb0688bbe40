import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { actionRun, newestFirst } from './mdt-keyset.js';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import type { MdtRepository } from './mdt-meeting.js';
import { openAction, openMinutes, openStep, sealAction, sealComment, sealMinutes } from './mdt-seal.js';
import { mdtActions, mdtApprovalSteps, mdtMeetings, mdtMinutes, mdtParticipants } from './mdt-tables.js';

type Sync<T> = { [K in keyof T]: T[K] extends (...a: infer A) => Promise<infer R> ? (...a: A) => R : never };

/** MDT meetings, minutes, sign-off steps and actions on SQLite, free text sealed at rest. */
export function createMdtRepository(db: Db, store: SqliteStore, texts: FreeTextCipher): MdtRepository {
  const repo: Sync<MdtRepository> = {
    createMeeting(meeting, participants) {
      db.insert(mdtMeetings).values(meeting).run();
      if (participants.length > 0) db.insert(mdtParticipants).values(participants).run();
    },
    findMeeting: (id) => db.select().from(mdtMeetings).where(eq(mdtMeetings.id, id)).get(),
    meetingsOfCase(caseId, page) {
      const { before, order } = newestFirst(mdtMeetings, page);
      return db.select().from(mdtMeetings).where(and(eq(mdtMeetings.caseId, caseId), before)).orderBy(...order).limit(page.limit).all();
    },
    meetingsPage(status, page) {
      const { before, order } = newestFirst(mdtMeetings, page);
      return db.select().from(mdtMeetings).where(and(status ? eq(mdtMeetings.status, status) : undefined, before)).orderBy(...order).limit(page.limit).all();
    },
    stepsOfMeetings: (ids) =>
      ids.length === 0 ? [] : db.select().from(mdtApprovalSteps).where(inArray(mdtApprovalSteps.meetingId, [...ids])).all().map((r) => openStep(texts, r)),
    takingPart: (clinicianId, ids) =>
      ids.length === 0 ? [] : db.select({ id: mdtParticipants.meetingId }).from(mdtParticipants).where(and(inArray(mdtParticipants.meetingId, [...ids]), eq(mdtParticipants.clinicianId, clinicianId))).all().map((r) => r.id),
    takesPartInCase: (clinicianId, caseId) =>
      db.select({ id: mdtMeetings.id }).from(mdtParticipants).innerJoin(mdtMeetings, eq(mdtMeetings.id, mdtParticipants.meetingId))
        .where(and(eq(mdtParticipants.clinicianId, clinicianId), eq(mdtMeetings.caseId, caseId))).limit(1).all().length > 0,
    participants: (meetingId) => db.select().from(mdtParticipants).where(eq(mdtParticipants.meetingId, meetingId)).orderBy(asc(mdtParticipants.clinicianId)).all(),
    moveStatus(id, from, to, set) {
      return db.update(mdtMeetings).set({ status: to, ...set }).where(and(eq(mdtMeetings.id, id), inArray(mdtMeetings.status, from))).run().changes === 1;
    },
    saveMinutes(minutes) {
      const row = sealMinutes(texts, minutes);
      db.insert(mdtMinutes).values(row).onConflictDoUpdate({ target: mdtMinutes.meetingId, set: row }).run();
    },
    findMinutes(meetingId) {
      const r = db.select().from(mdtMinutes).where(eq(mdtMinutes.meetingId, meetingId)).get();
      return r && openMinutes(texts, r);
    },
    addSteps(steps) {
      if (steps.length > 0) db.insert(mdtApprovalSteps).values(steps.map((s) => ({ ...s, comment: sealComment(texts, s.id, s.comment) }))).run();
    },
    steps: (meetingId) =>
      db.select().from(mdtApprovalSteps).where(eq(mdtApprovalSteps.meetingId, meetingId))
        .orderBy(asc(mdtApprovalSteps.round), asc(mdtApprovalSteps.position)).all().map((r) => openStep(texts, r)),
    decideStep(id, decision, comment, at) {
      return db.update(mdtApprovalSteps).set({ decision, comment: sealComment(texts, id, comment), decidedAt: at })
        .where(and(eq(mdtApprovalSteps.id, id), isNull(mdtApprovalSteps.decision))).run().changes === 1;
    },
    addActions(actions) {
      if (actions.length > 0) db.insert(mdtActions).values(actions.map((a) => sealAction(texts, a))).run();
    },
    findAction(id) {
      const r = db.select().from(mdtActions).where(eq(mdtActions.id, id)).get();
      return r && openAction(texts, r);
    },
    ownerActions(ownerId, run, page) {
      const { where, order } = actionRun(mdtActions, ownerId, run, page.after);
      return db.select().from(mdtActions).where(where).orderBy(...order).limit(page.limit).all().map((r) => openAction(texts, r));
    },
    openActionCounts(ownerId, now) {
      const r = db.select({ open: sql<number>`count(*)`, overdue: sql<number>`count(case when ${mdtActions.dueAt} < ${now} then 1 end)` })
        .from(mdtActions).where(and(eq(mdtActions.ownerId, ownerId), eq(mdtActions.status, 'open'))).get();
      return { open: Number(r?.open ?? 0), overdue: Number(r?.overdue ?? 0) };
    },
    actionsOfMeeting: (meetingId) =>
      db.select().from(mdtActions).where(eq(mdtActions.meetingId, meetingId)).orderBy(asc(mdtActions.position)).all().map((r) => openAction(texts, r)),
    markDone(id, at) {
      return db.update(mdtActions).set({ status: 'done', doneAt: at }).where(and(eq(mdtActions.id, id), eq(mdtActions.status, 'open'))).run().changes === 1;
    },
    overdueUnreminded: (now, limit) =>
      db.select().from(mdtActions).where(and(eq(mdtActions.status, 'open'), lt(mdtActions.dueAt, now), isNull(mdtActions.remindedAt)))
        .orderBy(asc(mdtActions.dueAt), asc(mdtActions.id)).limit(limit).all().map((r) => openAction(texts, r)),
    markReminded(id, at) {
      db.update(mdtActions).set({ remindedAt: at }).where(eq(mdtActions.id, id)).run();
    },
  };
  return store.wrap(repo) as unknown as MdtRepository;
}

import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { MdtActionStatus, MdtDecision, MdtParticipantKind, MdtStatus, MdtStepRole } from '../../domain/mdt/mdt-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/mdt/mdt-tables.ts. */
export const mdtMeetings = pgTable(
  'mdt_meetings',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    scheduledAt: ms().notNull(),
    organiserId: text().notNull(),
    status: text().$type<MdtStatus>().notNull(),
    round: integer().notNull(),
    documentId: text(),
    createdAt: ms().notNull(),
    statusAt: ms(),
  },
  (t) => [
    index('mdt_meetings_case_idx').on(t.caseId, t.scheduledAt, t.id),
    index('mdt_meetings_status_idx').on(t.status, t.scheduledAt, t.id),
    index('mdt_meetings_time_idx').on(t.scheduledAt, t.id),
  ],
);

export const mdtParticipants = pgTable(
  'mdt_participants',
  {
    meetingId: text().notNull(),
    clinicianId: text().notNull(),
    kind: text().$type<MdtParticipantKind>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.clinicianId] }), index('mdt_participants_clinician_idx').on(t.clinicianId)],
);

export const mdtMinutes = pgTable('mdt_minutes', {
  meetingId: text().primaryKey(),
  transcript: text().notNull(),
  summary: text().notNull(),
  editedBy: text().notNull(),
  updatedAt: ms().notNull(),
});

export const mdtApprovalSteps = pgTable(
  'mdt_approval_steps',
  {
    id: text().primaryKey(),
    meetingId: text().notNull(),
    round: integer().notNull(),
    position: integer().notNull(),
    role: text().$type<MdtStepRole>().notNull(),
    clinicianId: text().notNull(),
    decision: text().$type<MdtDecision>(),
    comment: text(),
    decidedAt: ms(),
  },
  (t) => [index('mdt_steps_meeting_idx').on(t.meetingId, t.round, t.position)],
);

export const mdtActions = pgTable(
  'mdt_actions',
  {
    id: text().primaryKey(),
    meetingId: text().notNull(),
    caseId: text().notNull(),
    position: integer().notNull(),
    text: text().notNull(),
    ownerId: text().notNull(),
    dueAt: ms(),
    status: text().$type<MdtActionStatus>().notNull(),
    doneAt: ms(),
    remindedAt: ms(),
  },
  (t) => [index('mdt_actions_owner_idx').on(t.ownerId, t.status, t.dueAt, t.id), index('mdt_actions_owner_done_idx').on(t.ownerId, t.status, t.doneAt, t.id),
    index('mdt_actions_due_idx').on(t.status, t.dueAt),
    // A meeting's actions in order (its summary, its sign-off): was a read of every action.
    index('mdt_actions_meeting_idx').on(t.meetingId, t.position)],
);

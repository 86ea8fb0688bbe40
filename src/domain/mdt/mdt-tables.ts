import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A multidisciplinary meeting's life: scheduled → minutes drafted → in approval (→ returned to the
 * editor, who resubmits) → approved (archived to the case as an `mdt_summary` document).
 */
export type MdtStatus = 'scheduled' | 'drafted' | 'in_approval' | 'returned' | 'approved';
/** How a participant came to the meeting: from the case's care team, or invited (a consult grant). */
export type MdtParticipantKind = 'team' | 'invited';
/** What a sign-off step asks for (config/mdt-approval.json). */
export type MdtStepRole = 'presenter' | 'attending' | 'department_head';
export type MdtDecision = 'approved' | 'returned';
export type MdtActionStatus = 'open' | 'done';

/** A meeting: ids, times and status only; never a word of what was said. */
export const mdtMeetings = sqliteTable(
  'mdt_meetings',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    scheduledAt: integer().notNull(),
    organiserId: text().notNull(),
    status: text().$type<MdtStatus>().notNull(),
    /** How many times the summary was submitted; steps of an earlier round stay as history. */
    round: integer().notNull(),
    /** The archived summary document, once approved. */
    documentId: text(),
    createdAt: integer().notNull(),
    /** When the status last moved (null on meetings booked before it was kept): "in approval for n days". */
    statusAt: integer(),
  },
  // Newest first per case (the case screen), per status and across all (the console), keyset-paged by (scheduledAt, id).
  (t) => [
    index('mdt_meetings_case_idx').on(t.caseId, t.scheduledAt, t.id),
    index('mdt_meetings_status_idx').on(t.status, t.scheduledAt, t.id),
    index('mdt_meetings_time_idx').on(t.scheduledAt, t.id),
  ],
);

export const mdtParticipants = sqliteTable(
  'mdt_participants',
  {
    meetingId: text().notNull(),
    clinicianId: text().notNull(),
    kind: text().$type<MdtParticipantKind>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.clinicianId] }), index('mdt_participants_clinician_idx').on(t.clinicianId)],
);

/** The minutes: the transcript and the structured summary (JSON), both sealed, bound to the meeting id. */
export const mdtMinutes = sqliteTable('mdt_minutes', {
  meetingId: text().primaryKey(),
  transcript: text().notNull(),
  summary: text().notNull(),
  editedBy: text().notNull(),
  updatedAt: integer().notNull(),
});

/** Sign-off steps, in order, per submission round; the comment sealed. */
export const mdtApprovalSteps = sqliteTable(
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
    decidedAt: integer(),
  },
  (t) => [index('mdt_steps_meeting_idx').on(t.meetingId, t.round, t.position)],
);

/** Actions agreed at the meeting: the text sealed, the owner, the due time, open until done. */
export const mdtActions = sqliteTable(
  'mdt_actions',
  {
    id: text().primaryKey(),
    meetingId: text().notNull(),
    caseId: text().notNull(),
    position: integer().notNull(),
    text: text().notNull(),
    ownerId: text().notNull(),
    dueAt: integer(),
    status: text().$type<MdtActionStatus>().notNull(),
    doneAt: integer(),
    /** When the owner was last reminded of it overdue (once per overdue action). */
    remindedAt: integer(),
  },
  (t) => [index('mdt_actions_owner_idx').on(t.ownerId, t.status, t.dueAt, t.id), index('mdt_actions_owner_done_idx').on(t.ownerId, t.status, t.doneAt, t.id),
    index('mdt_actions_due_idx').on(t.status, t.dueAt),
    // A meeting's actions in order (its summary, its sign-off): was a read of every action.
    index('mdt_actions_meeting_idx').on(t.meetingId, t.position)],
);

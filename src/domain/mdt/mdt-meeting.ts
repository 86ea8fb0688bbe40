import type { ActionRun, MeetingPage } from './mdt-keyset.js';
import type { MdtActionStatus, MdtDecision, MdtParticipantKind, MdtStatus, MdtStepRole } from './mdt-tables.js';

/** A scheduled multidisciplinary meeting on a case. */
export interface MdtMeeting {
  id: string;
  caseId: string;
  scheduledAt: number;
  organiserId: string;
  status: MdtStatus;
  round: number;
  documentId: string | null;
  createdAt: number;
  /** When the status last moved (null on meetings booked before it was kept). */
  statusAt: number | null;
}

export interface MdtParticipant {
  meetingId: string;
  clinicianId: string;
  kind: MdtParticipantKind;
}

/** One action as the summary holds it: the owner by clinician id (null while nobody is named), due as epoch ms. */
export interface MdtSummaryAction {
  text: string;
  ownerId: string | null;
  dueAt: number | null;
}

/** A problem or medication the lexicon matched (entry id and canonical term), or the words as written when it did not. */
export interface MdtTerm {
  text: string;
  entry: string | null;
  canonical: string | null;
}

/** The structured summary: pre-filled from the transcript by rules, edited by a participant. */
export interface MdtSummary {
  decisions: string[];
  actions: MdtSummaryAction[];
  problems: MdtTerm[];
  medications: MdtTerm[];
  notes: string[];
}

/** The minutes, opened. */
export interface MdtMinutes {
  meetingId: string;
  transcript: string;
  summary: MdtSummary;
  editedBy: string;
  updatedAt: number;
}

/** A sign-off step of one submission round, opened. */
export interface MdtStep {
  id: string;
  meetingId: string;
  round: number;
  position: number;
  role: MdtStepRole;
  clinicianId: string;
  decision: MdtDecision | null;
  comment: string | null;
  decidedAt: number | null;
}

/** A tracked action, opened. */
export interface MdtAction {
  id: string;
  meetingId: string;
  caseId: string;
  position: number;
  text: string;
  ownerId: string;
  dueAt: number | null;
  status: MdtActionStatus;
  doneAt: number | null;
  remindedAt: number | null;
}

/** The MDT port (SQLite: mdt-repository.ts, PostgreSQL: mdt-repository-pg.ts). Free text is sealed at rest. */
export interface MdtRepository {
  createMeeting(meeting: MdtMeeting, participants: MdtParticipant[]): Promise<void>;
  findMeeting(id: string): Promise<MdtMeeting | undefined>;
  /** A case's meetings, newest scheduled first, one keyset page (the case screen). */
  meetingsOfCase(caseId: string, page: MeetingPage): Promise<MdtMeeting[]>;
  /** Every meeting, or those in one status, newest scheduled first, one keyset page (the console). */
  meetingsPage(status: MdtStatus | undefined, page: MeetingPage): Promise<MdtMeeting[]>;
  /** The sign-off steps of several meetings (a page's), every round. */
  stepsOfMeetings(meetingIds: readonly string[]): Promise<MdtStep[]>;
  /** Which of these meetings the clinician takes part in. */
  takingPart(clinicianId: string, meetingIds: readonly string[]): Promise<string[]>;
  /** Whether the clinician takes part in any meeting on the case. */
  takesPartInCase(clinicianId: string, caseId: string): Promise<boolean>;
  participants(meetingId: string): Promise<MdtParticipant[]>;
  /** Moves a meeting from one status to another; false when it was not in `from` (someone else moved it). */
  moveStatus(id: string, from: MdtStatus[], to: MdtStatus, set: { statusAt: number; round?: number; documentId?: string }): Promise<boolean>;
  saveMinutes(minutes: MdtMinutes): Promise<void>;
  findMinutes(meetingId: string): Promise<MdtMinutes | undefined>;
  addSteps(steps: MdtStep[]): Promise<void>;
  /** Every step of every round, by round then position. */
  steps(meetingId: string): Promise<MdtStep[]>;
  /** Records a step's decision once; false when it was already decided. */
  decideStep(id: string, decision: MdtDecision, comment: string | null, at: number): Promise<boolean>;
  addActions(actions: MdtAction[]): Promise<void>;
  findAction(id: string): Promise<MdtAction | undefined>;
  /** One keyset page of one run of the owner's actions ("My MDT actions"; see actionRun). */
  ownerActions(ownerId: string, run: ActionRun, page: MeetingPage): Promise<MdtAction[]>;
  /** How many of the owner's actions are open, and how many of those are past due at `now` (the inbox). */
  openActionCounts(ownerId: string, now: number): Promise<{ open: number; overdue: number }>;
  actionsOfMeeting(meetingId: string): Promise<MdtAction[]>;
  /** Marks an open action done; false when it was already done. */
  markDone(id: string, at: number): Promise<boolean>;
  /** Open actions due before `now` and not reminded yet. */
  overdueUnreminded(now: number, limit: number): Promise<MdtAction[]>;
  markReminded(id: string, at: number): Promise<void>;
}


import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { clinicianName } from '../../domain/directory/clinician-names.js';
import { roundOf } from '../../domain/mdt/approval-chain.js';
import type { MdtAction, MdtMeeting, MdtParticipant, MdtStep, MdtSummary } from '../../domain/mdt/mdt-meeting.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { meetingFor } from './mdt-access.js';
import type { MdtDeps } from './mdt-ports.js';

/** A person as the mini-app shows them: by name, never by id alone. */
export interface PersonName {
  id: string;
  name: string;
}

/** The meeting screen: the meeting, its people, its minutes, its sign-off, its actions, and what I may do. */
export interface MdtMeetingView {
  meeting: MdtMeeting;
  caseCode: string;
  participants: (MdtParticipant & { name: string })[];
  transcript: string | null;
  summary: MdtSummary | null;
  editedBy: PersonName | null;
  steps: (MdtStep & { name: string })[];
  actions: MdtAction[];
  /** Whether the signed-in participant decides the current step. */
  myStep: boolean;
  /** Whether the minutes may be edited (and submitted) now. */
  editable: boolean;
}

/** A participant opens the meeting (the read of the minutes is audited). */
export async function openMdtMeeting(deps: MdtDeps, me: ClinicianRow, meetingId: string): Promise<MdtMeetingView> {
  const held = await meetingFor(deps, me, meetingId);
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) {
      const c = await deps.directory.findById(id);
      names.set(id, c ? clinicianName(c) : '—');
    }
    return names.get(id)!;
  };
  const minutes = await deps.mdt.findMinutes(meetingId);
  const steps = await deps.mdt.steps(meetingId);
  const { current } = roundOf(steps, held.meeting.round);
  const participants = [];
  for (const p of held.participants) participants.push({ ...p, name: await nameOf(p.clinicianId) });
  const namedSteps = [];
  for (const s of steps) namedSteps.push({ ...s, name: await nameOf(s.clinicianId) });
  if (minutes) deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.mdtMinutesRead, target: meetingId, outcome: 'success' });
  return {
    meeting: held.meeting,
    caseCode: held.caseRow.code,
    participants,
    transcript: minutes?.transcript ?? null,
    summary: minutes?.summary ?? null,
    editedBy: minutes ? { id: minutes.editedBy, name: await nameOf(minutes.editedBy) } : null,
    steps: namedSteps,
    actions: await deps.mdt.actionsOfMeeting(meetingId),
    myStep: held.meeting.status === 'in_approval' && current?.clinicianId === me.id,
    editable: ['scheduled', 'drafted', 'returned'].includes(held.meeting.status),
  };
}

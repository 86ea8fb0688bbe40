import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { MdtMeeting, MdtParticipant } from '../../domain/mdt/mdt-meeting.js';
import { DomainError } from '../../shared/errors.js';
import type { MdtDeps } from './mdt-ports.js';

/** A meeting as one of its participants reaches it: the meeting, its case and its participants. */
export interface MeetingInHand {
  meeting: MdtMeeting;
  caseRow: CaseRow;
  participants: MdtParticipant[];
}

/**
 * The meeting, for one of its participants only; anyone else finds nothing (an unknown id and a
 * meeting that is not theirs look alike). Every MDT intent starts here.
 */
export async function meetingFor(deps: Pick<MdtDeps, 'mdt' | 'casesRepo'>, me: ClinicianRow, meetingId: string): Promise<MeetingInHand> {
  const meeting = await deps.mdt.findMeeting(meetingId);
  if (!meeting) throw new DomainError('mdt.not_found');
  const participants = await deps.mdt.participants(meeting.id);
  if (!participants.some((p) => p.clinicianId === me.id)) throw new DomainError('mdt.not_found');
  const caseRow = await deps.casesRepo.caseById(meeting.caseId);
  if (!caseRow) throw new DomainError('mdt.not_found');
  return { meeting, caseRow, participants };
}

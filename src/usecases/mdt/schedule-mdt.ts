import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { MdtMeeting, MdtParticipant } from '../../domain/mdt/mdt-meeting.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { MAX_CONSULT_GRANT_MINUTES } from '../referrals/consult-grant.js';
import type { MdtDeps } from './mdt-ports.js';

export interface ScheduledMdt {
  meeting: MdtMeeting;
  participants: MdtParticipant[];
  /** Invited specialists given a consult grant (not on the care team before). */
  invited: string[];
}

/** The latest a meeting may be booked ahead. */
const MAX_AHEAD_MS = 90 * 86_400_000;

/**
 * `mdt C-XXXXX <time> @Name …`: a member of the case's care team books a multidisciplinary meeting.
 * The participants are the care team in force plus the invited colleagues; an invited colleague who is
 * not on the team gets a time-boxed consult grant on the case (the same grant as an accepted referral),
 * lasting from now until MDT_INVITE_GRANT_MINUTES after the meeting starts. Each is told 1:1.
 */
export async function scheduleMdt(deps: MdtDeps, me: ClinicianRow, caseRow: CaseRow, input: { at: number; invitees: readonly ClinicianRow[] }): Promise<ScheduledMdt> {
  if (caseRow.status === 'closed') throw new DomainError('case.closed');
  const now = deps.clock.now();
  if (!Number.isFinite(input.at) || input.at <= now || input.at > now + MAX_AHEAD_MS) throw new DomainError('mdt.time_invalid');
  if ((await deps.cases.teamRoleNow(caseRow.id, me.id)) === '') {
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.mdtScheduled, target: caseRow.code, outcome: 'denied', reason: 'not_care_team' });
    throw new DomainError('access.denied');
  }
  const team = new Set((await deps.cases.teamOf(caseRow.id)).filter((m) => !m.suspended).map((m) => m.clinicianId));
  team.add(me.id);
  const invited = [...new Set(input.invitees.filter((c) => !team.has(c.id)).map((c) => c.id))];
  if (input.invitees.some((c) => c.suspended || !c.verified)) throw new DomainError('actor.unverified', 'an invited colleague is not verified');

  const meeting: MdtMeeting = { id: newId(), caseId: caseRow.id, scheduledAt: input.at, organiserId: me.id, status: 'scheduled', round: 0, documentId: null, createdAt: now, statusAt: now };
  const participants: MdtParticipant[] = [
    ...[...team].sort().map((clinicianId) => ({ meetingId: meeting.id, clinicianId, kind: 'team' as const })),
    ...invited.map((clinicianId) => ({ meetingId: meeting.id, clinicianId, kind: 'invited' as const })),
  ];
  const minutes = Math.ceil((input.at - now) / 60_000) + deps.settings.inviteGrantMinutes;
  // A consult grant lasts 14 days at most: an invitation must fit in it, meeting included.
  if (invited.length > 0 && minutes > MAX_CONSULT_GRANT_MINUTES) throw new DomainError('mdt.time_invalid', 'too far ahead for an invitation');
  await deps.transaction(async () => {
    await deps.mdt.createMeeting(meeting, participants);
    for (const clinicianId of invited) await deps.grantConsult({ caseId: caseRow.id, clinicianId, grantedBy: me.id, minutes, reason: 'mdt' });
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.mdtScheduled, target: meeting.id, outcome: 'success', reason: `participants:${participants.length}:invited:${invited.length}` });
  });
  await deps.notices.scheduled(meeting, caseRow, participants, me);
  return { meeting, participants, invited };
}

import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CallLevel } from '../../domain/rosters/on-call.js';
import type { RosterShift } from '../../domain/rosters/roster-port.js';
import { DAY_MS } from '../../shared/hk-wall-clock.js';
import type { RosterDeps, RosterKey } from './roster-deps.js';

/** One person on call now: the directory row (the adapter words the name and role) and until when. */
export interface OnCallPerson {
  clinician: ClinicianRow;
  level: CallLevel;
  /** The end of their cover at this level, following back-to-back shifts (epoch ms). */
  until: number;
}

export interface OnCallAnswer {
  key: RosterKey;
  at: number;
  first: OnCallPerson[];
  second: OnCallPerson[];
  shift: OnCallPerson[];
  escalationContact: ClinicianRow | null;
}

/** How far ahead back-to-back shifts are followed for "until when". */
const LOOK_AHEAD_MS = 7 * DAY_MS;

/** Until when a clinician stays on at one level from `at`: their covering shift, then any that starts as it ends. */
function coverUntil(shifts: RosterShift[], clinicianId: string, level: CallLevel, at: number): number {
  const mine = shifts.filter((s) => s.clinicianId === clinicianId && s.level === level);
  const covering = mine.filter((s) => s.startsAt <= at).map((s) => s.endsAt);
  if (covering.length === 0) return at;
  let until = Math.max(...covering);
  for (;;) {
    const next = mine.filter((s) => s.startsAt <= until && s.endsAt > until).map((s) => s.endsAt);
    if (next.length === 0) return until;
    until = Math.max(...next);
  }
}

/**
 * Who is on call now for one institution × specialty: first and second call, colleagues on shift, and
 * the escalation contact. Names and roles only (no patient data), so it may be answered in a group.
 */
export async function whoIsOnCall(deps: Pick<RosterDeps, 'rosters' | 'directory' | 'clock'>, key: RosterKey): Promise<OnCallAnswer> {
  const at = deps.clock.now();
  const now = await deps.rosters.onCallAt({ institutionId: key.institution.id, specialty: key.specialty, at });
  const ahead = await deps.rosters.listRange({ institutionId: key.institution.id, specialty: key.specialty, from: at, to: at + LOOK_AHEAD_MS });
  const people = async (ids: string[], level: CallLevel): Promise<OnCallPerson[]> => {
    const out: OnCallPerson[] = [];
    for (const id of ids) {
      const clinician = await deps.directory.findById(id);
      if (clinician) out.push({ clinician, level, until: coverUntil(ahead, id, level, at) });
    }
    return out;
  };
  const contact = now.escalationContactId ? await deps.directory.findById(now.escalationContactId) : undefined;
  return {
    key,
    at,
    first: await people(now.first, 'first'),
    second: await people(now.second, 'second'),
    shift: await people(now.shift, 'shift'),
    escalationContact: contact ?? null,
  };
}

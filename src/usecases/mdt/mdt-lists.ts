import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { roundOf } from '../../domain/mdt/approval-chain.js';
import type { MdtMeeting, MdtStep } from '../../domain/mdt/mdt-meeting.js';
import type { MdtStatus } from '../../domain/mdt/mdt-tables.js';
import { DomainError } from '../../shared/errors.js';
import { decodePageCursor, encodePageCursor, pageLimit } from '../cases/cases-cursor.js';
import type { MdtDeps } from './mdt-ports.js';

const DAY_MS = 86_400_000;

/** Where a meeting stands: its status, since when, and in approval which step of how many, waiting on whom. */
export interface MeetingStage {
  meeting: MdtMeeting;
  caseCode: string;
  /** When the status last moved (the booking time for meetings from before it was kept). */
  since: number;
  step: { position: number; of: number; approverId: string } | null;
}

/** `?cursor=&limit=` of a meeting list. */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}

type ListDeps = Pick<MdtDeps, 'mdt' | 'casesRepo'>;

/** The stages of a page of meetings: one steps query for the page, each case code looked up once. */
async function stagesOf(deps: ListDeps, meetings: readonly MdtMeeting[], codeOf?: (caseId: string) => Promise<string>): Promise<MeetingStage[]> {
  const steps = await deps.mdt.stepsOfMeetings(meetings.filter((m) => m.status === 'in_approval').map((m) => m.id));
  const byMeeting = new Map<string, MdtStep[]>();
  for (const s of steps) byMeeting.set(s.meetingId, [...(byMeeting.get(s.meetingId) ?? []), s]);
  const codes = new Map<string, Promise<string>>();
  const code = codeOf ?? ((id: string) => {
    if (!codes.has(id)) codes.set(id, deps.casesRepo.caseById(id).then((c) => c?.code ?? '—'));
    return codes.get(id)!;
  });
  return Promise.all(meetings.map(async (m) => {
    const { steps: round, current } = roundOf(byMeeting.get(m.id) ?? [], m.round);
    const step = m.status === 'in_approval' && current ? { position: current.position, of: round.length, approverId: current.clinicianId } : null;
    return { meeting: m, caseCode: await code(m.caseId), since: m.statusAt ?? m.createdAt, step };
  }));
}

const cursorAfter = (page: readonly MdtMeeting[], limit: number): string | null => {
  const last = page[page.length - 1];
  return last && page.length === limit ? encodePageCursor({ at: last.scheduledAt, id: last.id }) : null;
};

/**
 * The case screen's MDT meetings, newest first, a keyset page. The care team sees every meeting of
 * the case; an invited colleague only the meetings they take part in; anyone else is denied (an
 * unknown code too). `mine` says which the caller may open (participants only).
 */
export async function caseMdtMeetings(
  deps: ListDeps & Pick<MdtDeps, 'cases'>, me: ClinicianRow, code: string, q: PageQuery,
): Promise<{ items: (MeetingStage & { mine: boolean })[]; nextCursor: string | null }> {
  const caseRow = await deps.cases.findCase(code).catch(() => {
    throw new DomainError('access.denied');
  });
  const team = (await deps.cases.teamRoleNow(caseRow.id, me.id)) !== '';
  if (!team && !(await deps.mdt.takesPartInCase(me.id, caseRow.id))) throw new DomainError('access.denied');
  const limit = pageLimit(q.limit);
  const page = await deps.mdt.meetingsOfCase(caseRow.id, { limit, after: decodePageCursor(q.cursor) });
  const mine = new Set(await deps.mdt.takingPart(me.id, page.map((m) => m.id)));
  const shown = team ? page : page.filter((m) => mine.has(m.id));
  const stages = await stagesOf(deps, shown, async () => caseRow.code);
  return { items: stages.map((s) => ({ ...s, mine: mine.has(s.meeting.id) })), nextCursor: cursorAfter(page, limit) };
}

/** The console's filter: one status or all; meetings in approval longer than `stuckDays` are flagged. */
export interface ConsoleMdtQuery extends PageQuery {
  status?: MdtStatus;
  stuckDays: number;
}

/** Every meeting of the service (the console, admins), newest first, a keyset page; ids, codes, times and names only. */
export async function consoleMdtMeetings(
  deps: ListDeps & Pick<MdtDeps, 'clock'>, q: ConsoleMdtQuery,
): Promise<{ items: (MeetingStage & { stuck: boolean })[]; nextCursor: string | null }> {
  const limit = pageLimit(q.limit);
  const page = await deps.mdt.meetingsPage(q.status, { limit, after: decodePageCursor(q.cursor) });
  const now = deps.clock.now();
  const stages = await stagesOf(deps, page);
  return {
    items: stages.map((s) => ({ ...s, stuck: s.meeting.status === 'in_approval' && now - s.since > q.stuckDays * DAY_MS })),
    nextCursor: cursorAfter(page, limit),
  };
}

import { describe, expect, it } from 'vitest';
import type { MdtMeeting, MdtRepository, MdtStep } from '../../../src/domain/mdt/mdt-meeting.js';
import type { MdtStatus } from '../../../src/domain/mdt/mdt-tables.js';
import { consoleMdtMeetings } from '../../../src/usecases/mdt/mdt-lists.js';

const DAY = 86_400_000;
const NOW = 100 * DAY;
const meeting = (id: string, status: MdtStatus, statusAt: number | null): MdtMeeting => ({ id, caseId: `case-${id}`, scheduledAt: 50 * DAY, organiserId: 'org', status, round: 1, documentId: null, createdAt: 40 * DAY, statusAt });
const step = (meetingId: string, position: number, decision: 'approved' | null): MdtStep => ({ id: `${meetingId}-${position}`, meetingId, round: 1, position, role: 'attending', clinicianId: `c${position}`, decision, comment: null, decidedAt: decision ? 1 : null });

function deps(meetings: MdtMeeting[], steps: MdtStep[]) {
  const mdt = {
    meetingsPage: async () => meetings,
    stepsOfMeetings: async (ids: readonly string[]) => steps.filter((s) => ids.includes(s.meetingId)),
  } as unknown as MdtRepository;
  return { mdt, casesRepo: { caseById: async (id: string) => ({ code: `C-${id.slice(5).toUpperCase()}` }) } as never, clock: { now: () => NOW } as never };
}

describe('the console MDT list', () => {
  it('flags a meeting in approval longer than the given days (since it was sent, or booked when that time was not kept), with the step it waits on', async () => {
    const page = await consoleMdtMeetings(
      deps([meeting('aaa', 'in_approval', NOW - 4 * DAY), meeting('bbb', 'in_approval', NOW - 2 * DAY), meeting('ccc', 'returned', NOW - 9 * DAY), meeting('ddd', 'in_approval', null)], [step('aaa', 1, 'approved'), step('aaa', 2, null), step('aaa', 3, null)]),
      { stuckDays: 3, limit: 4 },
    );
    expect(page.items.map((s) => [s.caseCode, s.stuck, s.since])).toEqual([['C-AAA', true, NOW - 4 * DAY], ['C-BBB', false, NOW - 2 * DAY], ['C-CCC', false, NOW - 9 * DAY], ['C-DDD', true, 40 * DAY]]);
    expect(page.items[0]!.step).toEqual({ position: 2, of: 3, approverId: 'c2' });
    expect(page.items[2]!.step).toBeNull();
    // A full page points at its last row; the cursor reads back.
    expect(page.nextCursor).toEqual(expect.any(String));
    expect((await consoleMdtMeetings(deps([meeting('aaa', 'in_approval', NOW - 4 * DAY)], []), { stuckDays: 5, limit: 4 })).items[0]!.stuck).toBe(false);
  });

  it('ends with no cursor on a short page, and refuses a cursor that does not read', async () => {
    expect((await consoleMdtMeetings(deps([meeting('aaa', 'scheduled', 1)], []), { stuckDays: 3, limit: 4 })).nextCursor).toBeNull();
    await expect(consoleMdtMeetings(deps([], []), { stuckDays: 3, cursor: '!!' })).rejects.toMatchObject({ code: 'request.invalid' });
  });
});

import { describe, expect, it } from 'vitest';
import { buildSteps, DEPARTMENT_HEAD_TITLE, roundOf } from '../../../src/domain/mdt/approval-chain.js';
import type { MdtStep } from '../../../src/domain/mdt/mdt-meeting.js';
import { parseMdtChain } from '../../../src/config/mdt-config.js';
import { loadConfig } from '../../../src/config/config.js';

let n = 0;
const ids = { meetingId: 'm1', round: 1, newId: () => `s${++n}` };

describe('MDT sign-off chain (MDT_APPROVAL_CHAIN)', () => {
  it('When the default chain meets a department head, then presenter → attending → department head, in that order', () => {
    const steps = buildSteps(parseMdtChain('presenter,attending,department_head?'), { presenter: 'lam', attendings: ['chan'], departmentHeads: ['wong'] }, ids);
    expect(steps.map((s) => [s.position, s.role, s.clinicianId])).toEqual([[1, 'presenter', 'lam'], [2, 'attending', 'chan'], [3, 'department_head', 'wong']]);
  });

  it('When nobody fills an optional step it is left out; when nobody fills a required one the submission is refused', () => {
    expect(buildSteps(parseMdtChain('presenter,attending,department_head?'), { presenter: 'lam', attendings: ['chan'], departmentHeads: [] }, ids).map((s) => s.role)).toEqual(['presenter', 'attending']);
    expect(() => buildSteps(parseMdtChain('presenter,attending'), { presenter: 'lam', attendings: [], departmentHeads: [] }, ids)).toThrow(expect.objectContaining({ code: 'mdt.chain_unfilled' }));
  });

  it('When a step is returned, then the round has no current step; a new round starts from its first step', () => {
    const step = (id: string, round: number, position: number, decision: MdtStep['decision']): MdtStep => ({ id, meetingId: 'm1', round, position, role: 'attending', clinicianId: 'c', decision, comment: null, decidedAt: null });
    const all = [step('a', 1, 1, 'approved'), step('b', 1, 2, 'returned'), step('c', 2, 1, null), step('d', 2, 2, null)];
    expect(roundOf(all, 1).current).toBeUndefined();
    expect(roundOf(all, 2).current?.id).toBe('c');
  });

  it('When the setting is read, then a bad role or a repeated one stops the start, and titles name department heads', () => {
    expect(loadConfig({ MDT_APPROVAL_CHAIN: 'attending,presenter' }).mdt.chain).toEqual([{ role: 'attending', optional: false }, { role: 'presenter', optional: false }]);
    expect(() => loadConfig({ MDT_APPROVAL_CHAIN: 'presenter,chief' })).toThrow(/MDT_APPROVAL_CHAIN/);
    expect(() => loadConfig({ MDT_APPROVAL_CHAIN: 'attending,attending?' })).toThrow(/each role at most once/);
    expect(['Chief of Service, Cardiology', 'Head, Department of Medicine', '內科部門主管'].every((t) => DEPARTMENT_HEAD_TITLE.test(t))).toBe(true);
    expect(['Associate Consultant, Cardiology', 'Resident'].some((t) => DEPARTMENT_HEAD_TITLE.test(t))).toBe(false);
  });
});

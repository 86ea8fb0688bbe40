import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { MdtAction, MdtMinutes, MdtStep } from '../../../src/domain/mdt/mdt-meeting.js';
import { createPgMdtRepository } from '../../../src/domain/mdt/mdt-repository-pg.js';
import { createMdtRepository } from '../../../src/domain/mdt/mdt-repository.js';
import { createFreeTextCipher, SEALED_PREFIX } from '../../../src/domain/patients/free-text-cipher.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));
const meeting = (id: string, caseId: string, scheduledAt: number) => ({ id, caseId, scheduledAt, organiserId: 'org', status: 'scheduled' as const, round: 0, documentId: null, createdAt: 1, statusAt: 1 });
const minutes = (meetingId: string, word: string): MdtMinutes => ({
  meetingId, transcript: `Decision: start ${word}`, editedBy: 'c1', updatedAt: 5,
  summary: { decisions: [`start ${word}`], actions: [{ text: 'echo', ownerId: 'c2', dueAt: 99 }], problems: [], medications: [{ text: word, entry: null, canonical: null }], notes: [] },
});
const step = (id: string, round: number, position: number): MdtStep => ({ id, meetingId: 'm1', round, position, role: 'attending', clinicianId: `c${position}`, decision: null, comment: null, decidedAt: null });
const action = (id: string, ownerId: string, dueAt: number | null, position = 0): MdtAction => ({ id, meetingId: 'm1', caseId: 'case-a', position, text: `do ${id} warfarin`, ownerId, dueAt, status: 'open', doneAt: null, remindedAt: null });

describeOnBothStores(
  'MDT meetings contract',
  (s) => ({ store: s, mdt: s.kind === 'sqlite' ? createMdtRepository(s.sqlite.db, s.sqlite.store, texts) : createPgMdtRepository(s.pg, texts) }),
  (get) => {
    it('keeps a meeting with its participants, and moves its status only from the expected one', async () => {
      const { mdt } = get().repo;
      await mdt.createMeeting(meeting('m1', 'case-a', 200), [{ meetingId: 'm1', clinicianId: 'c2', kind: 'invited' }, { meetingId: 'm1', clinicianId: 'c1', kind: 'team' }]);
      await mdt.createMeeting(meeting('m0', 'case-a', 100), []);
      expect((await mdt.meetingsOfCase('case-a', { limit: 10 })).map((m) => m.id)).toEqual(['m1', 'm0']);
      expect(await mdt.participants('m1')).toEqual([{ meetingId: 'm1', clinicianId: 'c1', kind: 'team' }, { meetingId: 'm1', clinicianId: 'c2', kind: 'invited' }]);
      expect(await mdt.moveStatus('m1', ['approved'], 'drafted', { statusAt: 7 })).toBe(false);
      expect(await mdt.moveStatus('m1', ['scheduled', 'drafted'], 'in_approval', { round: 1, statusAt: 9 })).toBe(true);
      expect(await mdt.findMeeting('m1')).toMatchObject({ status: 'in_approval', round: 1, documentId: null, scheduledAt: 200, statusAt: 9 });
      expect(await mdt.findMeeting('nope')).toBeUndefined();
    });

    it('pages meetings newest first by (scheduledAt, id), per case, per status and across all; tells who takes part', async () => {
      const { mdt } = get().repo;
      // Two at the same time (tie broken by id), one on another case, one in approval.
      for (const [id, caseId, at] of [['p1', 'case-p', 100], ['p2', 'case-p', 300], ['p3', 'case-p', 300], ['p4', 'case-p', 200], ['q1', 'case-q', 250]] as const) {
        await mdt.createMeeting(meeting(id, caseId, at), [{ meetingId: id, clinicianId: id === 'p4' ? 'c9' : 'c1', kind: 'team' }]);
      }
      await mdt.moveStatus('p4', ['scheduled'], 'in_approval', { round: 1, statusAt: 5 });
      const first = await mdt.meetingsOfCase('case-p', { limit: 2 });
      expect(first.map((m) => m.id)).toEqual(['p3', 'p2']);
      const last = first[1]!;
      expect((await mdt.meetingsOfCase('case-p', { limit: 2, after: { at: last.scheduledAt, id: last.id } })).map((m) => m.id)).toEqual(['p4', 'p1']);
      expect((await mdt.meetingsOfCase('case-p', { limit: 2, after: { at: 100, id: 'p1' } }))).toEqual([]);
      expect((await mdt.meetingsPage(undefined, { limit: 3 })).map((m) => m.id)).toEqual(['p3', 'p2', 'q1']);
      expect((await mdt.meetingsPage(undefined, { limit: 3, after: { at: 250, id: 'q1' } })).map((m) => m.id)).toEqual(['p4', 'm1', 'p1']);
      expect((await mdt.meetingsPage('in_approval', { limit: 5 })).map((m) => m.id)).toEqual(['p4', 'm1']);
      expect((await mdt.takingPart('c1', ['p1', 'p4', 'q1'])).sort()).toEqual(['p1', 'q1']);
      expect(await mdt.takingPart('c1', [])).toEqual([]);
      expect(await mdt.takesPartInCase('c9', 'case-p')).toBe(true);
      expect(await mdt.takesPartInCase('c9', 'case-q')).toBe(false);
    });

    it('keeps the transcript and the summary sealed, replaced on a second save', async () => {
      const { store, mdt } = get().repo;
      await mdt.saveMinutes(minutes('m1', 'aspirin'));
      await mdt.saveMinutes(minutes('m1', 'warfarin'));
      expect(await mdt.findMinutes('m1')).toEqual(minutes('m1', 'warfarin'));
      const rows = await rawSql<{ transcript: string; summary: string }>(store, "select transcript, summary from mdt_minutes where meeting_id = 'm1'");
      expect(rows).toHaveLength(1);
      expect(rows.every((r) => r.transcript.startsWith(SEALED_PREFIX) && r.summary.startsWith(SEALED_PREFIX) && !`${r.transcript}${r.summary}`.includes('warfarin'))).toBe(true);
    });

    it('records each step decision once, comment sealed, steps by round then position', async () => {
      const { store, mdt } = get().repo;
      await mdt.addSteps([step('s2', 1, 2), step('s1', 1, 1), step('t1', 2, 1)]);
      expect(await mdt.decideStep('s1', 'returned', 'fix the warfarin dose', 50)).toBe(true);
      expect(await mdt.decideStep('s1', 'approved', null, 60)).toBe(false);
      const steps = await mdt.steps('m1');
      expect(steps.map((s) => s.id)).toEqual(['s1', 's2', 't1']);
      expect(steps[0]).toMatchObject({ decision: 'returned', comment: 'fix the warfarin dose', decidedAt: 50 });
      expect((await mdt.stepsOfMeetings(['m1', 'nope'])).map((s) => s.id).sort()).toEqual(['s1', 's2', 't1']);
      expect(await mdt.stepsOfMeetings([])).toEqual([]);
      const [row] = await rawSql<{ comment: string }>(store, "select comment from mdt_approval_steps where id = 's1'");
      expect(row!.comment.startsWith(SEALED_PREFIX) && !row!.comment.includes('warfarin')).toBe(true);
    });

    it('tracks actions per owner (open first, soonest due), done once, overdue ones reminded once', async () => {
      const { store, mdt } = get().repo;
      await mdt.addActions([action('a1', 'c2', 300, 0), action('a2', 'c2', null, 1), action('a3', 'c2', 100, 2), action('a4', 'c3', 50, 3)]);
      expect(await mdt.markDone('a3', 70)).toBe(true);
      expect(await mdt.markDone('a3', 80)).toBe(false);
      expect((await mdt.ownerActions('c2', 'due', { limit: 10 })).map((a) => a.id)).toEqual(['a1']);
      expect((await mdt.ownerActions('c2', 'undated', { limit: 10 })).map((a) => a.id)).toEqual(['a2']);
      expect((await mdt.ownerActions('c2', 'done', { limit: 10 })).map((a) => [a.id, a.status, a.doneAt])).toEqual([['a3', 'done', 70]]);
      expect((await mdt.actionsOfMeeting('m1')).map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
      expect(await mdt.findAction('a1')).toEqual(action('a1', 'c2', 300, 0));
      expect((await mdt.overdueUnreminded(400, 10)).map((a) => a.id)).toEqual(['a4', 'a1']);
      // c2: a1 (due 300) and a2 (no due date) open, a3 done; at 400 a1 is overdue.
      expect(await mdt.openActionCounts('c2', 400)).toEqual({ open: 2, overdue: 1 });
      expect(await mdt.openActionCounts('c2', 200)).toEqual({ open: 2, overdue: 0 });
      expect(await mdt.openActionCounts('nobody', 400)).toEqual({ open: 0, overdue: 0 });
      await mdt.markReminded('a4', 401);
      expect((await mdt.overdueUnreminded(400, 10)).map((a) => a.id)).toEqual(['a1']);
      const rows = await rawSql<{ text: string }>(store, 'select text from mdt_actions');
      expect(rows.every((r) => r.text.startsWith(SEALED_PREFIX) && !r.text.includes('warfarin'))).toBe(true);
    });

    it("pages each run of an owner's actions by keyset: due soonest first, undated by id, done latest first", async () => {
      const { mdt } = get().repo;
      const due = [action('d1', 'c9', 200), action('d2', 'c9', 100), action('d3', 'c9', 100), action('d4', 'c9', 300)];
      const undated = [action('u2', 'c9', null), action('u1', 'c9', null), action('u3', 'c9', null)];
      const done = [action('x1', 'c9', 50), action('x2', 'c9', null), action('x3', 'c9', 10), action('other', 'c8', 100)];
      await mdt.addActions([...due, ...undated, ...done]);
      for (const [id, at] of [['x1', 500], ['x2', 700], ['x3', 500], ['other', 900]] as const) await mdt.markDone(id, at);
      const walk = async (run: 'due' | 'undated' | 'done', key: (a: MdtAction) => number) => {
        const seen: string[] = [];
        let after: { at: number; id: string } | undefined;
        for (;;) {
          const page = await mdt.ownerActions('c9', run, { limit: 2, after });
          seen.push(...page.map((a) => a.id));
          const last = page[page.length - 1];
          if (!last || page.length < 2) return seen;
          after = { at: key(last), id: last.id };
        }
      };
      expect(await walk('due', (a) => a.dueAt!)).toEqual(['d2', 'd3', 'd1', 'd4']);
      expect(await walk('undated', () => 0)).toEqual(['u1', 'u2', 'u3']);
      expect(await walk('done', (a) => a.doneAt!)).toEqual(['x2', 'x3', 'x1']);
      expect(await mdt.ownerActions('c9', 'due', { limit: 5, after: { at: 100, id: 'd2' } })).toHaveLength(3);
    });
  },
);

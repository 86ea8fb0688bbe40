import { expect, it } from 'vitest';
import { coverPieces } from '../../../src/domain/rosters/cover-split.js';
import type { RosterShift } from '../../../src/domain/rosters/roster-port.js';
import { createPgRosterRepository } from '../../../src/domain/rosters/roster-repository-pg.js';
import { createRosterRepository } from '../../../src/domain/rosters/roster-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

const H = 3600_000;
/** 2030-01-07 00:00 HKT. */
const DAY = Date.parse('2030-01-06T16:00:00Z');

const shift = (id: string, clinicianId: string, level: RosterShift['level'], startsAt: number, endsAt: number, specialty = 'cardiology'): RosterShift => ({
  id, institutionId: 'inst-qmh', specialty, clinicianId, level, startsAt, endsAt, createdBy: 'admin', createdAt: 1,
});

describeOnBothStores(
  'roster repository contract',
  (s) => (s.kind === 'sqlite' ? createRosterRepository(s.sqlite.db, s.sqlite.store) : createPgRosterRepository(s.pg)),
  (get) => {
    it('who is on at t: shifts over midnight, [start, end), each clinician once per level, the escalation contact', async () => {
      const repo = get().repo;
      await repo.add([
        shift('s-night', 'dr-a', 'first', DAY + 20 * H, DAY + 32 * H), // 20:00 → 08:00 next day
        shift('s-day2', 'dr-b', 'first', DAY + 32 * H, DAY + 44 * H),
        shift('s-second', 'dr-c', 'second', DAY, DAY + 48 * H),
        shift('s-second-dup', 'dr-c', 'second', DAY + 23 * H, DAY + 25 * H),
        shift('s-shift', 'dr-d', 'shift', DAY + 22 * H, DAY + 26 * H),
        shift('s-neuro', 'dr-e', 'first', DAY, DAY + 48 * H, 'neurology'),
        shift('s-old', 'dr-z', 'first', DAY - 48 * H, DAY - 36 * H),
      ]);
      const at = (t: number) => repo.onCallAt({ institutionId: 'inst-qmh', specialty: 'cardiology', at: t });
      expect(await at(DAY + 24 * H + 30 * 60_000)).toEqual({ first: ['dr-a'], second: ['dr-c'], shift: ['dr-d'], escalationContactId: null });
      expect((await at(DAY + 32 * H)).first).toEqual(['dr-b']);
      expect((await at(DAY + 32 * H - 1)).first).toEqual(['dr-a']);
      expect(await at(DAY + 100 * H)).toEqual({ first: [], second: [], shift: [], escalationContactId: null });
      expect(await repo.onCallAt({ institutionId: 'inst-pwh', specialty: 'cardiology', at: DAY + 24 * H })).toEqual({ first: [], second: [], shift: [], escalationContactId: null });
      await repo.putSettings({ institutionId: 'inst-qmh', specialty: 'cardiology', ownerClinicianId: 'dr-owner', escalationContactId: 'dr-boss' });
      expect((await at(DAY + 24 * H)).escalationContactId).toBe('dr-boss');
      await repo.putSettings({ institutionId: 'inst-qmh', specialty: 'cardiology', ownerClinicianId: 'dr-owner2', escalationContactId: null });
      expect(await repo.settings('inst-qmh', 'cardiology')).toEqual({ institutionId: 'inst-qmh', specialty: 'cardiology', ownerClinicianId: 'dr-owner2', escalationContactId: null });
      expect(await repo.settings('inst-qmh', 'neurology')).toBeUndefined();
    });

    it('lists a range (overlap, one or all specialties) in start → level → id order; a clinician’s overlapping shifts', async () => {
      const repo = get().repo;
      const day2 = await repo.listRange({ institutionId: 'inst-qmh', specialty: 'cardiology', from: DAY + 24 * H, to: DAY + 48 * H });
      expect(day2.map((s) => s.id)).toEqual(['s-second', 's-night', 's-shift', 's-second-dup', 's-day2']);
      const all = await repo.listRange({ institutionId: 'inst-qmh', from: DAY, to: DAY + 24 * H });
      expect(all.map((s) => s.id)).toEqual(['s-neuro', 's-second', 's-night', 's-shift', 's-second-dup']);
      expect(await repo.listRange({ institutionId: 'inst-qmh', from: DAY + 48 * H, to: DAY + 72 * H })).toEqual([]);
      expect((await repo.clinicianShifts('dr-c', DAY + 23 * H, DAY + 24 * H)).map((s) => s.id)).toEqual(['s-second', 's-second-dup']);
      expect((await repo.clinicianShifts('dr-c', DAY + 23 * H, DAY + 24 * H, ['s-second'])).map((s) => s.id)).toEqual(['s-second-dup']);
      expect(await repo.clinicianShifts('dr-a', DAY + 32 * H, DAY + 40 * H)).toEqual([]);
    });

    it('swap exchanges clinicians; cover splits a shift into contiguous pieces; delete', async () => {
      const repo = get().repo;
      expect(await repo.swap('s-night', 's-day2')).toBe(true);
      expect((await repo.find('s-night'))?.clinicianId).toBe('dr-b');
      expect((await repo.find('s-day2'))?.clinicianId).toBe('dr-a');
      expect(await repo.swap('s-night', 'gone')).toBe(false);
      expect((await repo.find('s-night'))?.clinicianId).toBe('dr-b');

      const night = (await repo.find('s-night'))!;
      let n = 0;
      const pieces = coverPieces(night, { clinicianId: 'dr-x', from: DAY + 22 * H, to: DAY + 26 * H }, () => `s-piece-${++n}`, 'dr-owner', 9)!;
      expect(await repo.replace('s-night', pieces)).toBe(true);
      const now = await repo.listRange({ institutionId: 'inst-qmh', specialty: 'cardiology', from: DAY + 20 * H, to: DAY + 32 * H });
      expect(now.filter((s) => s.level === 'first').map((s) => [s.id, s.clinicianId, s.startsAt - DAY, s.endsAt - DAY])).toEqual([
        ['s-night', 'dr-b', 20 * H, 22 * H],
        ['s-piece-1', 'dr-x', 22 * H, 26 * H],
        ['s-piece-2', 'dr-b', 26 * H, 32 * H],
      ]);
      expect((await repo.onCallAt({ institutionId: 'inst-qmh', specialty: 'cardiology', at: DAY + 23 * H })).first).toEqual(['dr-x']);
      expect(await repo.replace('gone', pieces)).toBe(false);
      expect(await repo.remove('s-piece-2')).toBe(true);
      expect(await repo.remove('s-piece-2')).toBe(false);
      expect(await repo.find('s-piece-2')).toBeUndefined();
    });
  },
);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicianRow } from '../../src/domain/directory/directory-repository.js';
import { createDirectoryRepository } from '../../src/domain/directory/directory-repository.js';
import { createRosterRepository } from '../../src/domain/rosters/roster-repository.js';
import type { AuditInput } from '../../src/shared/audit-sink.js';
import { ManualClock } from '../../src/shared/clock.js';
import { addShift, removeShift } from '../../src/usecases/rosters/edit-shifts.js';
import { exportRoster } from '../../src/usecases/rosters/export-roster.js';
import { importRoster } from '../../src/usecases/rosters/import-roster.js';
import { rosterById, type RosterDeps } from '../../src/usecases/rosters/roster-deps.js';
import { rosterSettings, setRosterSettings } from '../../src/usecases/rosters/roster-settings.js';
import { coverShift, swapShifts } from '../../src/usecases/rosters/swap-cover.js';
import { whoIsOnCall } from '../../src/usecases/rosters/who-is-on-call.js';
import { tempDb } from '../helpers/temp-db.js';

const H = 3600_000;
/** 2030-01-07 00:00 HKT. */
const DAY = Date.parse('2030-01-06T16:00:00Z');

describe('roster use cases (SQLite)', () => {
  const db = tempDb();
  const audit: AuditInput[] = [];
  const clock = new ManualClock(DAY + 21 * H);
  let n = 0;
  const directory = createDirectoryRepository(db.db, db.store);
  const deps: RosterDeps = {
    rosters: createRosterRepository(db.db, db.store), directory, transaction: db.store.transaction,
    audit: { append: (e) => audit.push(e) }, clock, newId: () => `shift-${++n}`,
  };
  let admin: ClinicianRow, owner: ClinicianRow, a: ClinicianRow, b: ClinicianRow, stranger: ClinicianRow;
  const person = async (userId: string, patch: Partial<ClinicianRow> = {}) => {
    const c = await directory.insert({ dingtalkUserId: userId, displayName: userId, nameEn: `Dr ${userId}`, role: 'doctor', verified: true, ...patch }, 1);
    return c;
  };
  beforeAll(async () => {
    await directory.upsertInstitution({ id: 'inst-qmh', code: 'QMH', nameEn: 'Queen Mary Hospital', nameZh: '瑪麗醫院', sector: 'public' });
    admin = await person('admin', { role: 'admin' });
    owner = await person('owner');
    a = await person('dr-a', { registrationNo: 'M11111', title: 'Associate Consultant' });
    b = await person('dr-b');
    stranger = await person('stranger');
    await setRosterSettings(deps, admin, { institutionId: 'inst-qmh', specialty: 'cardiology', ownerClinicianId: owner.id, escalationContactId: admin.id });
  });
  afterAll(() => db.cleanup());
  const shift = (who: ClinicianRow, level: 'first' | 'second' | 'shift', from: number, to: number, by = owner) =>
    addShift(deps, by, { institutionId: 'inst-qmh', specialty: 'cardiology', clinicianId: who.id, level, startsAt: DAY + from * H, endsAt: DAY + to * H });

  it('settings are an admin’s; the owner then edits the roster, anyone else is refused with a code', async () => {
    await expect(setRosterSettings(deps, owner, { institutionId: 'inst-qmh', specialty: 'cardiology', ownerClinicianId: owner.id, escalationContactId: null })).rejects.toMatchObject({ code: 'roster.not_permitted' });
    expect((await rosterSettings(deps, 'inst-qmh', 'cardiology')).owner?.id).toBe(owner.id);
    await expect(shift(a, 'first', 20, 32, stranger)).rejects.toMatchObject({ code: 'roster.not_permitted' });
    const night = await shift(a, 'first', 20, 32); // over midnight
    expect(night.id).toBe('shift-1');
    expect(audit.at(-1)).toMatchObject({ actor: owner.id, action: 'roster.shift_added', target: 'shift-1', reason: 'qmh:cardiology:first' });
  });

  it('coded refusals: end before start, overlap of the same clinician, unknown clinician / institution / specialty', async () => {
    await expect(shift(b, 'second', 10, 10)).rejects.toMatchObject({ code: 'roster.end_before_start' });
    await expect(shift(a, 'second', 30, 40)).rejects.toMatchObject({ code: 'roster.overlap' });
    await expect(addShift(deps, admin, { institutionId: 'inst-qmh', specialty: 'cardiology', clinicianId: 'nobody', level: 'first', startsAt: DAY, endsAt: DAY + H })).rejects.toMatchObject({ code: 'clinician.not_found' });
    await expect(addShift(deps, admin, { institutionId: 'nope', specialty: 'cardiology', clinicianId: a.id, level: 'first', startsAt: DAY, endsAt: DAY + H })).rejects.toMatchObject({ code: 'institution.not_found' });
    await expect(addShift(deps, admin, { institutionId: 'inst-qmh', specialty: 'dentistry', clinicianId: a.id, level: 'first', startsAt: DAY, endsAt: DAY + H })).rejects.toMatchObject({ code: 'specialty.unknown' });
    await shift(b, 'second', 8, 32);
    expect(await deps.rosters.listRange({ institutionId: 'inst-qmh', from: DAY, to: DAY + 48 * H })).toHaveLength(2);
  });

  it('who is on call now: names and until when, the escalation contact', async () => {
    const key = await rosterById(deps, 'inst-qmh', 'cardiology');
    const now = await whoIsOnCall(deps, key);
    expect(now.first.map((p) => [p.clinician.id, p.until])).toEqual([[a.id, DAY + 32 * H]]);
    expect(now.second.map((p) => p.clinician.id)).toEqual([b.id]);
    expect(now.escalationContact?.id).toBe(admin.id);
  });

  it('cover splits the shift (the coverer must be free); swap exchanges clinicians unless one would be double-booked', async () => {
    await expect(coverShift(deps, owner, { shiftId: 'shift-1', clinicianId: b.id, from: DAY + 22 * H, to: DAY + 24 * H })).rejects.toMatchObject({ code: 'roster.overlap' });
    await expect(coverShift(deps, owner, { shiftId: 'shift-1', clinicianId: stranger.id, from: DAY + 19 * H, to: DAY + 24 * H })).rejects.toMatchObject({ code: 'roster.cover_outside' });
    const pieces = await coverShift(deps, owner, { shiftId: 'shift-1', clinicianId: stranger.id, from: DAY + 22 * H, to: DAY + 24 * H });
    expect(pieces.map((p) => [p.clinicianId, (p.startsAt - DAY) / H, (p.endsAt - DAY) / H])).toEqual([[a.id, 20, 22], [stranger.id, 22, 24], [a.id, 24, 32]]);
    expect(audit.at(-1)).toMatchObject({ action: 'roster.shift_covered', target: pieces[1]!.id });
    clock.set(DAY + 23 * H);
    const key = await rosterById(deps, 'inst-qmh', 'cardiology');
    expect((await whoIsOnCall(deps, key)).first.map((p) => [p.clinician.id, p.until])).toEqual([[stranger.id, DAY + 24 * H]]);
    // b's 08:00–08:00 second call and a's 24:00–08:00 first call: a would be on twice 20:00–22:00 (a's own first piece).
    const second = (await deps.rosters.listRange({ institutionId: 'inst-qmh', from: DAY, to: DAY + 48 * H })).find((s) => s.level === 'second')!;
    await expect(swapShifts(deps, owner, pieces[2]!.id, second.id)).rejects.toMatchObject({ code: 'roster.overlap' });
    await swapShifts(deps, owner, pieces[1]!.id, pieces[2]!.id);
    expect((await deps.rosters.find(pieces[1]!.id))?.clinicianId).toBe(a.id);
    expect(audit.filter((e) => e.action === 'roster.shifts_swapped').map((e) => e.target)).toEqual([pieces[1]!.id, pieces[2]!.id]);
    await expect(swapShifts(deps, stranger, pieces[1]!.id, pieces[2]!.id)).rejects.toMatchObject({ code: 'roster.not_permitted' });
    await removeShift(deps, owner, pieces[0]!.id);
    await expect(removeShift(deps, owner, pieces[0]!.id)).rejects.toMatchObject({ code: 'roster.shift_not_found' });
  });

  it('CSV import: every row checked first, nothing imported when one fails; then all in one go; export reads back', async () => {
    const head = 'institution,specialty,level,clinician,start,end';
    const bad = await importRoster(deps, admin, [
      head,
      'QMH,cardiology,first,dr-a,2030-01-09 08:00,2030-01-09 20:00',
      'QMH,cardiology,second,M11111,2030-01-09 12:00,2030-01-09 14:00', // dr-a again (registration no.): overlaps the row above
      'XYZ,cardiology,first,nobody,2030-01-09 08:00,2030-01-09 20:00',
      'QMH,cardiology,first,dr-b,2030-01-08 07:00,2030-01-08 09:00', // b's stored second call runs to 08:00
    ].join('\n'));
    expect(bad.imported).toBe(0);
    expect(bad.rows.map((r) => [r.line, r.problems.map((p) => p.code)])).toEqual([
      [2, []],
      [3, ['overlap_in_file']],
      [4, ['unknown_institution', 'unknown_clinician']],
      [5, ['overlap_existing']],
    ]);
    expect(await deps.rosters.listRange({ institutionId: 'inst-qmh', from: DAY + 48 * H, to: DAY + 72 * H })).toEqual([]);
    expect((await importRoster(deps, stranger, `${head}\nQMH,cardiology,first,dr-a,2030-01-09 08:00,2030-01-09 20:00`)).rows[0]!.problems).toEqual([{ code: 'not_permitted' }]);
    const good = await importRoster(deps, admin, [head, 'QMH,cardiology,first,dr-a,2030-01-09 08:00,2030-01-09 20:00', 'qmh,心臟科,first,dr-b,2030-01-09 20:00,2030-01-10 08:00'].join('\n'));
    expect(good).toMatchObject({ imported: 2, errors: 0 });
    expect(audit.at(-1)).toMatchObject({ action: 'roster.imported', reason: 'imported:2' });
    const key = await rosterById(deps, 'inst-qmh', 'cardiology');
    const csv = await exportRoster(deps, key, DAY + 48 * H, DAY + 72 * H);
    const out = 'institution,specialty,level,clinician,name,start,end';
    expect(csv).toBe(`${out}\r\nQMH,cardiology,first,dr-a,Dr dr-a,2030-01-09 08:00,2030-01-09 20:00\r\nQMH,cardiology,first,dr-b,Dr dr-b,2030-01-09 20:00,2030-01-10 08:00\r\n`);
  });
});

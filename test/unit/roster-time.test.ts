import { describe, expect, it } from 'vitest';
import { coverPieces } from '../../src/domain/rosters/cover-split.js';
import type { RosterShift } from '../../src/domain/rosters/roster-port.js';
import { hkCsvTime, hkDayStart, hkWeekStart, parseHkDate, parseHkDateTime, parseHkWhen } from '../../src/shared/hk-wall-clock.js';
import { readRosterCsv, writeRosterCsv } from '../../src/usecases/rosters/roster-csv.js';

const H = 3600_000;

describe('HK wall-clock times (rosters)', () => {
  it('reads YYYY-MM-DD HH:mm as Hong Kong time (UTC+8, no DST) and writes it back', () => {
    expect(parseHkDateTime('2030-01-07 08:00')).toBe(Date.parse('2030-01-07T00:00:00Z'));
    expect(parseHkDateTime('2030-07-01 00:30')).toBe(Date.parse('2030-06-30T16:30:00Z')); // summer: still +8
    expect(parseHkDateTime(' 2030-01-07T20:00 ')).toBe(Date.parse('2030-01-07T12:00:00Z'));
    for (const bad of ['2030-02-30 08:00', '2030-01-07 24:00', '2030-01-07 8:00', '07/01/2030 08:00', '', '2030-01-07']) expect(parseHkDateTime(bad)).toBeUndefined();
    expect(hkCsvTime(Date.parse('2030-01-07T16:00:00Z'))).toBe('2030-01-08 00:00');
    expect(parseHkDate('2030-01-08')).toBe(Date.parse('2030-01-07T16:00:00Z'));
  });

  it('HK day and week boundaries: 00:00 HKT is 16:00 UTC the day before; weeks start on Monday', () => {
    const lateUtc = Date.parse('2030-01-07T17:30:00Z'); // 01:30 HKT on Tuesday 8 Jan
    expect(hkDayStart(lateUtc)).toBe(Date.parse('2030-01-07T16:00:00Z'));
    expect(hkWeekStart(lateUtc)).toBe(Date.parse('2030-01-06T16:00:00Z')); // Monday 7 Jan 00:00 HKT
    expect(hkWeekStart(Date.parse('2030-01-06T15:59:00Z'))).toBe(Date.parse('2029-12-30T16:00:00Z')); // Sunday 23:59 HKT
  });

  it('a bare HH:mm in chat is its next occurrence: "until 08:00" said at 20:00 HKT is tomorrow morning', () => {
    const at20 = Date.parse('2030-01-07T12:00:00Z');
    expect(parseHkWhen('08:00', at20)).toBe(Date.parse('2030-01-08T00:00:00Z'));
    expect(parseHkWhen('23:00', at20)).toBe(Date.parse('2030-01-07T15:00:00Z'));
    expect(parseHkWhen('2030-01-09 08:00', at20)).toBe(Date.parse('2030-01-09T00:00:00Z'));
    expect(parseHkWhen('25:00', at20)).toBeUndefined();
  });
});

describe('roster CSV', () => {
  it('a night shift over midnight reads in HK time; codes and labels in any case; per-row coded problems', () => {
    const rows = readRosterCsv(
      [
        'Institution,Specialty,Level,Clinician,Start,End',
        'qmh,Cardiology,first,qmh-lam-kaming,2030-01-07 20:00,2030-01-08 08:00',
        'QMH,心臟科,SECOND,M12345,2030-01-07 08:00,2030-01-08 08:00',
        'QMH,dentistry,third,,2030-01-07 25:00,2030-01-07 08:00',
        'QMH,cardiology,first,x,2030-01-07 20:00,2030-01-07 08:00',
      ].join('\r\n'),
    );
    expect(rows[0]).toMatchObject({ line: 2, institutionCode: 'QMH', specialty: 'cardiology', level: 'first', clinician: 'qmh-lam-kaming', problems: [] });
    expect(rows[0]!.startsAt).toBe(Date.parse('2030-01-07T12:00:00Z'));
    expect(rows[0]!.endsAt! - rows[0]!.startsAt!).toBe(12 * H);
    expect(rows[1]).toMatchObject({ specialty: 'cardiology', level: 'second', problems: [] });
    expect(rows[2]!.problems.map((p) => `${p.code}:${p.column}`)).toEqual(['unknown_specialty:specialty', 'bad_level:level', 'missing:clinician', 'bad_time:start']);
    expect(rows[3]!.problems.map((p) => p.code)).toEqual(['end_before_start']);
  });

  it('refuses a file without the six columns (or with unknown or repeated ones); the export, with its name column, reads back as the same shifts', () => {
    expect(() => readRosterCsv('institution,specialty,level,clinician,start\nQMH,cardiology,first,a,2030-01-07 08:00')).toThrow(/columns/);
    expect(() => readRosterCsv('institution,specialty,level,clinician,start,end,ward\nQMH,cardiology,first,a,2030-01-07 08:00,2030-01-07 20:00,x')).toThrow(/columns/);
    expect(() => readRosterCsv('institution,specialty,level,clinician,start,end,end\nQMH,cardiology,first,a,2030-01-07 08:00,2030-01-07 20:00,x')).toThrow(/columns/);
    expect(() => readRosterCsv('')).toThrow();
    const csv = writeRosterCsv([{ institution: 'QMH', specialty: 'cardiology', level: 'first', clinician: 'a,b', name: '陳大文 Dr CHAN', startsAt: Date.parse('2030-01-07T12:00:00Z'), endsAt: Date.parse('2030-01-08T00:00:00Z') }]);
    expect(csv).toBe('institution,specialty,level,clinician,name,start,end\r\nQMH,cardiology,first,"a,b",陳大文 Dr CHAN,2030-01-07 20:00,2030-01-08 08:00\r\n');
    const [back] = readRosterCsv(csv);
    expect(back).toMatchObject({ clinician: 'a,b', startsAt: Date.parse('2030-01-07T12:00:00Z'), endsAt: Date.parse('2030-01-08T00:00:00Z'), problems: [] });
  });
});

describe('cover splitting', () => {
  const night: RosterShift = { id: 's1', institutionId: 'i', specialty: 'cardiology', clinicianId: 'dr-a', level: 'first', startsAt: 20 * H, endsAt: 32 * H, createdBy: 'x', createdAt: 0 };
  let n = 0;
  const ids = () => `p${++n}`;

  it('a cover in the middle of a night shift leaves before / cover / after, contiguous, over midnight', () => {
    n = 0;
    const pieces = coverPieces(night, { clinicianId: 'dr-b', from: 23 * H, to: 26 * H }, ids, 'owner', 99)!;
    expect(pieces.map((p) => [p.id, p.clinicianId, p.startsAt / H, p.endsAt / H])).toEqual([
      ['s1', 'dr-a', 20, 23],
      ['p1', 'dr-b', 23, 26],
      ['p2', 'dr-a', 26, 32],
    ]);
    expect(pieces.every((p) => p.level === 'first' && p.createdBy === 'owner' && p.createdAt === 99)).toBe(true);
  });

  it('a cover of the start, of the end, of the whole shift; clamped to the shift; none when outside it', () => {
    const spans = (from: number, to: number) => coverPieces(night, { clinicianId: 'dr-b', from: from * H, to: to * H }, ids, 'o', 1)?.map((p) => [p.clinicianId, p.startsAt / H, p.endsAt / H]);
    expect(spans(20, 24)).toEqual([['dr-b', 20, 24], ['dr-a', 24, 32]]);
    expect(spans(30, 32)).toEqual([['dr-a', 20, 30], ['dr-b', 30, 32]]);
    expect(spans(10, 40)).toEqual([['dr-b', 20, 32]]);
    expect(coverPieces(night, { clinicianId: 'dr-b', from: 20 * H, to: 32 * H }, ids, 'o', 1)![0]!.id).toBe('s1');
    expect(spans(32, 40)).toBeUndefined();
    expect(spans(10, 20)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { hkIsoOfPicked } from '../../miniapp/src/admin/hk-picker.js';
import { hkDateTime, hkWallClockIso } from '../../src/shared/hk-time.js';

/** A picked value as antd hands it over: only its wall-clock fields matter, never the browser's zone. */
const picked = (y: number, m0: number, d: number, h: number, mi: number) => ({ year: () => y, month: () => m0, date: () => d, hour: () => h, minute: () => mi, second: () => 0 });

describe('HK wall-clock times picked in the console (issue 12)', () => {
  it('When 09:00 is read off a Hong Kong clock, then it is 01:00Z and shows as 09:00 HKT again', () => {
    expect(hkWallClockIso(2030, 1, 7, 9, 0)).toBe('2030-01-07T01:00:00.000Z');
    expect(hkDateTime(Date.parse(hkWallClockIso(2030, 1, 7, 9, 0)))).toBe('2030-01-07 09:00 HKT');
  });

  it('When an HK time falls before 08:00, then the instant is the day before in UTC (and back again)', () => {
    expect(hkWallClockIso(2030, 3, 1, 2, 30)).toBe('2030-02-28T18:30:00.000Z');
    expect(hkDateTime(Date.parse(hkWallClockIso(2030, 3, 1, 2, 30)))).toBe('2030-03-01 02:30 HKT');
  });

  it('When the console reads a picked value, then its fields are an HK wall clock (dayjs months are 0-based); empty stays empty', () => {
    expect(hkIsoOfPicked(picked(2030, 0, 7, 18, 0))).toBe('2030-01-07T10:00:00.000Z');
    expect(hkIsoOfPicked(null)).toBeUndefined();
    expect(hkIsoOfPicked(undefined)).toBeUndefined();
  });
});

import { hkWallClockIso } from '../../../src/shared/hk-time.js';

/** The wall-clock fields of a picked value (a dayjs, as antd's pickers hand it over). */
export interface PickedClock {
  year(): number;
  /** 0–11, as dayjs counts. */
  month(): number;
  date(): number;
  hour(): number;
  minute(): number;
  second(): number;
}

/**
 * antd's date pickers read and show the browser's wall clock. The console means Hong Kong time
 * whatever the browser's zone: a picked 09:00 is 09:00 HKT, so the picked fields are read as an HK
 * wall clock (never the dayjs instant, which is the browser's local time). `undefined` when empty.
 */
export function hkIsoOfPicked(picked: PickedClock | null | undefined): string | undefined {
  return picked ? hkWallClockIso(picked.year(), picked.month() + 1, picked.date(), picked.hour(), picked.minute(), picked.second()) : undefined;
}

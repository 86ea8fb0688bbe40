/**
 * Reading Hong Kong wall-clock times people type (CSV, chat, the console's pickers): HKT is UTC+8 all
 * year (no daylight saving since 1979), so a wall-clock time maps to exactly one instant. The output
 * side is src/shared/hk-time.ts. No imports: the mini-app bundles this file too.
 */
const HK_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 24 * 3600_000;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{1,2}):(\d{2})$/;

function instant(y: number, mo: number, d: number, h: number, mi: number): number | undefined {
  const utc = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(utc);
  // Refuse 2030-02-30, 25:00 and friends instead of rolling them over.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi) return undefined;
  return utc - HK_OFFSET_MS;
}

/** `2030-01-07 08:00` (HKT) → epoch ms; undefined when it is not such a time. */
export function parseHkDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  return m ? instant(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!) : undefined;
}

/** `2030-01-07` → 00:00 HKT of that day, epoch ms. */
export function parseHkDate(text: string): number | undefined {
  const m = DATE.exec(text.trim());
  return m ? instant(+m[1]!, +m[2]!, +m[3]!, 0, 0) : undefined;
}

/** 00:00 HKT of the HK day `at` falls on. */
export function hkDayStart(at: number): number {
  return Math.floor((at + HK_OFFSET_MS) / DAY_MS) * DAY_MS - HK_OFFSET_MS;
}

/** 00:00 HKT of the Monday of the HK week `at` falls in. */
export function hkWeekStart(at: number): number {
  const day = hkDayStart(at);
  const weekday = new Date(day + HK_OFFSET_MS).getUTCDay(); // 0 = Sunday
  return day - ((weekday + 6) % 7) * DAY_MS;
}

/**
 * A time typed in chat: `YYYY-MM-DD HH:mm`, or `HH:mm` meaning the next time the HK clock shows it at
 * or after `now` (so "until 08:00" said at 20:00 means tomorrow morning).
 */
export function parseHkWhen(text: string, now: number): number | undefined {
  const full = parseHkDateTime(text);
  if (full !== undefined) return full;
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  const h = +m[1]!;
  const mi = +m[2]!;
  if (h > 23 || mi > 59) return undefined;
  const today = hkDayStart(now) + (h * 60 + mi) * 60_000;
  return today >= now ? today : today + DAY_MS;
}

/** epoch ms → `2030-01-07 08:00` (HKT, no label): the CSV's format. */
export function hkCsvTime(at: number): string {
  return new Date(at + HK_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

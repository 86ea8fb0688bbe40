/**
 * The one formatter of dates and times for people, on every surface (chat, mini-app, console, CLI, PDF
 * watermark): Hong Kong wall-clock time, labelled HKT when it shows a time. Hong Kong has had no
 * daylight saving since 1979, so HKT is always UTC+8; Intl does the conversion. No imports: the
 * mini-app bundles this file too (the one value it takes from src/shared).
 */
const HK_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Hong_Kong',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** HKT is UTC+8 all year. */
const HK_OFFSET_MS = 8 * 3600_000;

function hkParts(at: Date | number): Record<string, string> {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('hk-time: invalid time');
  const parts: Record<string, string> = {};
  for (const p of HK_FORMAT.formatToParts(ms)) parts[p.type] = p.value;
  return parts;
}

/** A date as shown to Hong Kong users: `2026-11-25` (yyyy-mm-dd, the HK calendar day). */
export function hkDate(at: Date | number): string {
  const p = hkParts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Date and time: `2026-11-25 14:05 HKT`. */
export function hkDateTime(at: Date | number): string {
  const p = hkParts(at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} HKT`;
}

/** Time of day only, for something known to be today: `14:05 HKT`. */
export function hkClock(at: Date | number): string {
  const p = hkParts(at);
  return `${p.hour}:${p.minute} HKT`;
}

/** To the second (the watermark, the CLI's audit lines): `2026-11-25 14:00:05 HKT`. */
export function hkDateTimeSeconds(at: Date | number): string {
  const p = hkParts(at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} HKT`;
}

/** An ISO 8601 string (as the console's API answers) in HK time, `—` when there is none. */
export function hkFromIso(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? hkDateTime(ms) : '—';
}

/**
 * What a date and time read off a Hong Kong clock means as an instant (ISO 8601, UTC), whatever time
 * zone the device picking it is in: `hkWallClockIso(2030, 1, 7, 9, 0)` is 09:00 HKT = 01:00Z. Month 1–12.
 */
export function hkWallClockIso(year: number, month: number, day: number, hour: number, minute: number, second = 0): string {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - HK_OFFSET_MS).toISOString();
}

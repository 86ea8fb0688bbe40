/**
 * Hong Kong wall-clock time for the stamp. HK has had no daylight saving since 1979, so the
 * label is always HKT; Intl does the conversion so we never hand-roll a +08:00 offset.
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

/** `2026-11-25 14:00:05 HKT` for the given instant (a Date or epoch milliseconds). */
export function formatHkTime(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatHkTime: invalid time');
  const parts: Record<string, string> = {};
  for (const p of HK_FORMAT.formatToParts(ms)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} HKT`;
}

/**
 * Dates and times written by people in Hong Kong, read as instants (HKT is UTC+8 all year): the MDT
 * command's `YYYY-MM-DD HH:mm`, and the due dates in a transcript's action lines, in English and
 * Chinese forms. No imports; pure.
 */
const HK_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** The instant of a Hong Kong wall-clock time, or null when the fields are not a real date and time. */
export function hkInstant(year: number, month: number, day: number, hour = 0, minute = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const d = new Date(utc);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return utc - HK_OFFSET_MS;
}

/** `2026-12-10 14:00` (HKT; also `2026-12-10T14:00`) as an instant, or null. */
export function parseHkDateTime(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  return m ? hkInstant(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!) : null;
}

/** The HK calendar year of an instant. */
const hkYear = (at: number): number => new Date(at + HK_OFFSET_MS).getUTCFullYear();

interface Found {
  year?: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const month = (word: string): number => MONTHS[word.toLowerCase().slice(0, 3)] ?? 0;

const PATTERNS: { re: RegExp; read: (m: RegExpMatchArray) => Found }[] = [
  // 2026-12-10, 2026/12/10, optionally followed by 14:00
  { re: /(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/g, read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, ...time(m[4], m[5]) }) },
  // 2026年12月10日, 12月10日, 12月10號
  { re: /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日號号]/g, read: (m) => ({ year: m[1] ? +m[1] : undefined, month: +m[2]!, day: +m[3]! }) },
  // 10/12/2026 or 10/12 (day first, as Hong Kong writes it)
  { re: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\b/g, read: (m) => ({ year: m[3] ? +m[3] : undefined, month: +m[2]!, day: +m[1]! }) },
  // 10 Dec 2026, 10 December
  { re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\.?(?:,?\\s+(\\d{4}))?\\b`, 'gi'), read: (m) => ({ year: m[3] ? +m[3] : undefined, month: month(m[2]!), day: +m[1]! }) },
  // Dec 10, 2026 / December 10
  { re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})\\b(?:,?\\s+(\\d{4}))?`, 'gi'), read: (m) => ({ year: m[3] ? +m[3] : undefined, month: month(m[1]!), day: +m[2]! }) },
];

function time(h: string | undefined, mm: string | undefined): { hour?: number; minute?: number } {
  return h !== undefined && mm !== undefined ? { hour: +h, minute: +mm } : {};
}

/**
 * The first date written in a line, as a due instant: the time given, else the end of that HK day
 * (23:59). A date without a year is the next such day on or after `from` (the meeting). Null when the
 * line has no real date.
 */
export function dueDateIn(line: string, from: number): { at: number; text: string } | null {
  for (const { re, read } of PATTERNS) {
    for (const m of line.matchAll(re)) {
      const at = resolve(read(m), from);
      if (at !== null) return { at, text: m[0] };
    }
  }
  return null;
}

function resolve(f: Found, from: number): number | null {
  const hour = f.hour ?? 23;
  const minute = f.minute ?? 59;
  if (f.year !== undefined) return hkInstant(f.year, f.month, f.day, hour, minute);
  const year = hkYear(from);
  const thisYear = hkInstant(year, f.month, f.day, hour, minute);
  if (thisYear === null) return null;
  return thisYear >= from - DAY_MS ? thisYear : hkInstant(year + 1, f.month, f.day, hour, minute);
}

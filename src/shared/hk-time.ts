/** A date as shown to Hong Kong users: YYYY-MM-DD in HK time. */
export function hkDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Date and time as shown to Hong Kong users: YYYY-MM-DD HH:mm in HK time. */
export function hkDateTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

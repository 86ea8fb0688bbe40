import { DomainError } from './errors.js';

/** Where a newest-first page keyed by (time, id) starts: the last row of the previous page. */
export interface TimeCursor {
  at: number;
  id: string;
}

/** An opaque cursor (base64url of `<time>.<id>`; the id may be any text up to 200 characters). */
export const encodeTimeCursor = (c: TimeCursor): string => Buffer.from(`${c.at}.${c.id}`, 'utf8').toString('base64url');

/** Undefined for no cursor (the first page); a cursor that does not read is a coded 400 (request.invalid). */
export function decodeTimeCursor(s: string | undefined): TimeCursor | undefined {
  if (s === undefined || s === '') return undefined;
  const m = /^(\d{1,15})\.([\s\S]{1,200})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  if (!m) throw new DomainError('request.invalid', 'the cursor does not read');
  return { at: Number(m[1]), id: m[2]! };
}

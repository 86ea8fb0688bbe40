import type { CasesCursor } from '../../domain/inbox-view/my-cases-repository.js';
import { DomainError } from '../../shared/errors.js';

/** Page sizes of every cursor-paged list: the default, and the most one page may ask for. */
export const PAGE_LIMIT = { default: 20, max: 50 } as const;

/** `?limit=`: absent → the default; otherwise clamped to 1…max. */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return PAGE_LIMIT.default;
  return Math.min(PAGE_LIMIT.max, Math.max(1, Math.trunc(limit)));
}

/** An opaque cursor (base64url of `<time>.<id>`): where the next page starts. */
export function encodeCursor(c: CasesCursor): string {
  return Buffer.from(`${c.at}.${c.caseId}`, 'utf8').toString('base64url');
}

export function decodeCursor(s: string | undefined): CasesCursor | undefined {
  if (s === undefined || s === '') return undefined;
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  if (!m) throw new DomainError('request.invalid');
  return { at: Number(m[1]), caseId: m[2]! };
}

/** Where a newest-first page of any list starts (its row's time and id). */
export interface PageCursor {
  at: number;
  id: string;
}

/** The same opaque cursor for any list keyed by (time, id); a cursor that does not read is a coded 400 (request.invalid). */
export const encodePageCursor = (c: PageCursor): string => encodeCursor({ at: c.at, caseId: c.id });

export function decodePageCursor(s: string | undefined): PageCursor | undefined {
  const c = decodeCursor(s);
  return c && { at: c.at, id: c.caseId };
}

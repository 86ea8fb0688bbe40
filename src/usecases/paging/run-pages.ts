import { DomainError } from '../../shared/errors.js';
import { decodeTimeCursor, encodeTimeCursor, type TimeCursor } from '../../shared/time-cursor.js';

/** Page sizes of a case's own lists: the default, and the most one page may ask for. */
export const CASE_PAGE_LIMIT = { default: 20, max: 100 } as const;

/** One seek of a run: at most `limit` rows strictly after `after`, newest first by (time, id). */
export interface RunPage {
  limit: number;
  after?: TimeCursor;
}

/** A page of a list and where the next one starts (null on the last page). */
export interface RunsPage<T> {
  items: T[];
  nextCursor: string | null;
}

function decodeRunCursor<R extends string>(runs: readonly R[], s: string | undefined): { run: R; after: TimeCursor } | undefined {
  const c = decodeTimeCursor(s);
  if (!c) return undefined;
  const sep = c.id.indexOf(':');
  const run = c.id.slice(0, sep) as R;
  if (sep < 1 || !runs.includes(run) || sep === c.id.length - 1) throw new DomainError('request.invalid', 'the cursor does not read');
  return { run, after: { at: c.at, id: c.id.slice(sep + 1) } };
}

/**
 * A keyset page of a list shown as runs in a fixed order (e.g. active medications, then stopped
 * ones), each run newest first by (time, id); a list of one run is simply newest first. The cursor
 * (base64url of `<time>.<run>:<id>`) names the run and the last row shown, so a page may span runs and
 * each run is one index seek. One row more than the page is read, to know whether another follows.
 */
export async function pageAcrossRuns<R extends string, T>(
  runs: readonly R[],
  input: { cursor?: string; limit?: number },
  read: (run: R, page: RunPage) => Promise<T[]>,
  keyOf: (row: T) => TimeCursor,
): Promise<RunsPage<T>> {
  const limit = Math.min(CASE_PAGE_LIMIT.max, Math.max(1, Math.trunc(input.limit ?? CASE_PAGE_LIMIT.default)));
  const from = decodeRunCursor(runs, input.cursor);
  const rows: { run: R; row: T }[] = [];
  for (const run of runs.slice(from ? runs.indexOf(from.run) : 0)) {
    const page = await read(run, { limit: limit + 1 - rows.length, after: from?.run === run ? from.after : undefined });
    rows.push(...page.map((row) => ({ run, row })));
    if (rows.length > limit) break;
  }
  const shown = rows.slice(0, limit);
  const last = rows.length > limit ? shown[shown.length - 1] : undefined;
  if (!last) return { items: shown.map((r) => r.row), nextCursor: null };
  const key = keyOf(last.row);
  return { items: shown.map((r) => r.row), nextCursor: encodeTimeCursor({ at: key.at, id: `${last.run}:${key.id}` }) };
}

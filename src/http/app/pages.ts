import { decodePageCursor, encodePageCursor, pageLimit, type PageCursor } from '../../usecases/cases/cases-cursor.js';

type Keyed = { createdAt: number };

/** `?cursor=&limit=` as the repositories take it: one more row than the page, to know whether another follows. */
export function pageInput(input: { cursor?: string; limit?: number }): { limit: number; probe: { limit: number; after?: PageCursor } } {
  const limit = pageLimit(input.limit);
  return { limit, probe: { limit: limit + 1, after: decodePageCursor(input.cursor) } };
}

/** The page of `rows` (fetched with one extra) and the cursor after its last row, or null when none follows. */
export async function pageOf<R extends Keyed, T>(rows: R[], limit: number, idOf: (r: R) => string, item: (r: R) => Promise<T>) {
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page[page.length - 1] : undefined;
  return { items: await Promise.all(page.map(item)), nextCursor: last ? encodePageCursor({ at: last.createdAt, id: idOf(last) }) : null };
}

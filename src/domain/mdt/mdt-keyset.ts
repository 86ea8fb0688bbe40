import { and, desc, eq, lt, or, type Column, type SQL } from 'drizzle-orm';

/** Where a newest-first page of meetings continues: just after this (scheduledAt, id). */
export interface MeetingPage {
  limit: number;
  after?: { at: number; id: string };
}

/**
 * The keyset condition and order of a newest-first page of meetings, on either store's table (the
 * columns are the SQLite or the PostgreSQL twin's): rows strictly before `after` in (scheduledAt, id) order.
 */
export function newestFirst(cols: { scheduledAt: Column; id: Column }, page: MeetingPage): { before: SQL | undefined; order: SQL[] } {
  const a = page.after;
  return {
    before: a ? or(lt(cols.scheduledAt, a.at), and(eq(cols.scheduledAt, a.at), lt(cols.id, a.id))) : undefined,
    order: [desc(cols.scheduledAt), desc(cols.id)],
  };
}

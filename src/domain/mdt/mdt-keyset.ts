import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, lte, or, type Column, type SQL } from 'drizzle-orm';

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
    before: a ? and(lte(cols.scheduledAt, a.at), or(lt(cols.scheduledAt, a.at), and(eq(cols.scheduledAt, a.at), lt(cols.id, a.id)))) : undefined,
    order: [desc(cols.scheduledAt), desc(cols.id)],
  };
}

/** The three runs of "My MDT actions", in screen order: open with a due date, open without one, done. */
export type ActionRun = 'due' | 'undated' | 'done';

/**
 * The condition and order of one run of an owner's actions, on either store's table: open ones by
 * (dueAt, id) ascending (undated ones by id), done ones most recently done first; rows strictly after
 * `after`. Each is a seek on the index (ownerId, status, dueAt|doneAt, id); NULLs never need ordering.
 */
export function actionRun(
  cols: { ownerId: Column; status: Column; dueAt: Column; doneAt: Column; id: Column }, ownerId: string, run: ActionRun, after: MeetingPage['after'],
): { where: SQL | undefined; order: SQL[] } {
  const owner = eq(cols.ownerId, ownerId);
  if (run === 'due') {
    return {
      where: and(owner, eq(cols.status, 'open'), isNotNull(cols.dueAt), after && and(gte(cols.dueAt, after.at), or(gt(cols.dueAt, after.at), and(eq(cols.dueAt, after.at), gt(cols.id, after.id))))),
      order: [asc(cols.dueAt), asc(cols.id)],
    };
  }
  if (run === 'undated') return { where: and(owner, eq(cols.status, 'open'), isNull(cols.dueAt), after && gt(cols.id, after.id)), order: [asc(cols.id)] };
  return {
    where: and(owner, eq(cols.status, 'done'), after && and(lte(cols.doneAt, after.at), or(lt(cols.doneAt, after.at), and(eq(cols.doneAt, after.at), lt(cols.id, after.id))))),
    order: [desc(cols.doneAt), desc(cols.id)],
  };
}

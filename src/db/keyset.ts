import { and, eq, lt, or, type SQL } from 'drizzle-orm';

/** Where a newest-first page starts: just after this (createdAt, id). */
export interface NewestFirst {
  at: number;
  id: string;
}

/** One keyset page of a newest-first list: at most `limit` rows past `after`. */
export interface PageOf {
  limit: number;
  after?: NewestFirst;
}

/** Past `after` in newest-first (createdAt, id) order, over either dialect's columns. */
export const olderThan = (c: { createdAt: Parameters<typeof lt>[0]; id: Parameters<typeof lt>[0] }, after: NewestFirst | undefined): SQL | undefined =>
  after ? or(lt(c.createdAt, after.at), and(eq(c.createdAt, after.at), lt(c.id, after.id))) : undefined;

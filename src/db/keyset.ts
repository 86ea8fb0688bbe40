import { and, eq, gt, gte, lt, lte, or, type SQL } from 'drizzle-orm';

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

/**
 * Past `after` in newest-first (createdAt, id) order, over either dialect's columns. The redundant
 * `createdAt <= at` is what lets the index seek to the cursor (`time<?`): SQLite cannot turn the OR
 * alone into a range, so a next page would walk down from the newest row to the cursor.
 */
export const olderThan = (c: { createdAt: Parameters<typeof lt>[0]; id: Parameters<typeof lt>[0] }, after: NewestFirst | undefined): SQL | undefined =>
  after ? and(lte(c.createdAt, after.at), or(lt(c.createdAt, after.at), and(eq(c.createdAt, after.at), lt(c.id, after.id)))) : undefined;

/**
 * Past `after` in ascending (key, id) order: the twin of olderThan, with the same redundant
 * `key >= at` so the index seeks to the cursor (batch jobs, soonest-first lists, and the directory in
 * name order, where the key is the display name).
 */
export const newerThan = (c: { createdAt: Parameters<typeof gt>[0]; id: Parameters<typeof gt>[0] }, after: { at: number | string; id: string } | undefined): SQL | undefined =>
  after ? and(gte(c.createdAt, after.at), or(gt(c.createdAt, after.at), and(eq(c.createdAt, after.at), gt(c.id, after.id)))) : undefined;

/** Newest first by (createdAt, id), ids compared byte-wise: the keyset order of every newest-first list, for rows merged in memory. */
export const newestFirst = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

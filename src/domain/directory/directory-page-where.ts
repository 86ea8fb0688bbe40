import { and, eq, gt, or, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm';
import { searchWords, type DirectoryPageQuery } from './clinician-tokens.js';

/** The columns a directory page reads, on either dialect's tables. */
export interface DirectoryColumns {
  clinicians: { id: AnyColumn; displayName: AnyColumn; verified: AnyColumn; suspended: AnyColumn };
  tokens: { table: Table; clinicianId: AnyColumn; token: AnyColumn };
}

/**
 * Which clinicians a directory page holds, past its cursor: each search word begins one of their tokens
 * (`begins`: the dialect's byte-wise range on the token column). The longest word is a seek on the token
 * index; the others probe the clinician's own tokens (the primary key).
 */
export function directoryPageWhere(q: DirectoryPageQuery, { clinicians: c, tokens: t }: DirectoryColumns, begins: (word: string) => SQL): SQL | undefined {
  const [first, ...rest] = searchWords(q.q);
  const after = q.after;
  return and(
    first === undefined ? undefined : sql`${c.id} in (select ${t.clinicianId} from ${t.table} where ${begins(first)})`,
    ...rest.map((w) => sql`exists (select 1 from ${t.table} where ${t.clinicianId} = ${c.id} and ${begins(w)})`),
    q.unverifiedOnly ? eq(c.verified, false) : undefined,
    q.activeOnly ? eq(c.suspended, false) : undefined,
    after ? or(gt(c.displayName, after.name), and(eq(c.displayName, after.name), gt(c.id, after.id))) : undefined,
  );
}

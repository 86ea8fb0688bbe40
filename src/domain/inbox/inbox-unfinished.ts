import { eq, isNull, lte, or, type AnyColumn } from 'drizzle-orm';

/** Whose unfinished claims to take: `owner`'s at its start; with `expiredOnly` (a periodic sweep) only leases that ran out. */
export interface UnfinishedQuery {
  topic: string;
  owner: string;
  now: number;
  leaseUntil: number;
  expiredOnly?: boolean;
}

/**
 * The claims `takeUnfinished` may take: at start, the owner's own, lease-less ones and expired ones;
 * a periodic sweep only claims with a lease that ran out (never one held and heartbeating, nor a
 * lease-less claim the bot's dedupe step is working on).
 */
export const unfinishedFor = (t: { owner: AnyColumn; leaseUntil: AnyColumn }, q: UnfinishedQuery) =>
  q.expiredOnly ? lte(t.leaseUntil, q.now) : or(eq(t.owner, q.owner), isNull(t.leaseUntil), lte(t.leaseUntil, q.now));

/**
 * Who a referral goes to, decided from plain facts (no I/O): the on-call tiers at each institution in
 * the order to try (the one named, or the configured fallback order), and how many open referrals
 * each clinician holds. Tiers first → second → shift; within a tier the clinician with the fewest open
 * referrals (ties: by id, so the same facts always give the same answer); never the requester. The
 * first institution with anyone eligible wins.
 */
import type { CallLevel, OnCallNow } from '../rosters/on-call.js';

export const CALL_LEVELS: readonly CallLevel[] = ['first', 'second', 'shift'];

export interface InstitutionOnCall {
  institutionId: string;
  onCall: OnCallNow;
}

export interface RoutingChoice {
  institutionId: string;
  assigneeId: string;
  level: CallLevel;
}

/** Open referrals held by a clinician; absent means none. */
export type OpenLoad = ReadonlyMap<string, number>;

const byLoad = (load: OpenLoad) => (a: string, b: string) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Everyone eligible at one institution, in the order they would be asked: each tier by load, tiers in
 * order, a clinician only once (at their highest tier), then the roster's escalation contact.
 */
export function tierOrder(onCall: OnCallNow, load: OpenLoad, exclude: ReadonlySet<string>): { id: string; level: CallLevel | 'contact' }[] {
  const seen = new Set(exclude);
  const out: { id: string; level: CallLevel | 'contact' }[] = [];
  for (const level of CALL_LEVELS) {
    const tier = onCall[level].filter((id) => !seen.has(id)).sort(byLoad(load));
    for (const id of tier) {
      seen.add(id);
      out.push({ id, level });
    }
  }
  const contact = onCall.escalationContactId;
  if (contact && !seen.has(contact)) out.push({ id: contact, level: 'contact' });
  return out;
}

/** The assignee: the least-loaded clinician of the first non-empty tier at the first institution that has one. */
export function routeReferral(institutions: readonly InstitutionOnCall[], load: OpenLoad, requesterId: string | null): RoutingChoice | null {
  const exclude = new Set(requesterId ? [requesterId] : []);
  for (const { institutionId, onCall } of institutions) {
    const first = tierOrder(onCall, load, exclude).find((c) => c.level !== 'contact');
    if (first && first.level !== 'contact') return { institutionId, assigneeId: first.id, level: first.level };
  }
  return null;
}

/**
 * The clinicians routing chooses among: the first non-empty tier (without the requester) at the first
 * institution that has one. Only their loads matter, so only theirs need counting.
 */
export function firstEligibleTier(institutions: readonly InstitutionOnCall[], requesterId: string | null): string[] {
  for (const { onCall } of institutions) {
    for (const level of CALL_LEVELS) {
      const ids = onCall[level].filter((id) => id !== requesterId);
      if (ids.length > 0) return [...new Set(ids)];
    }
  }
  return [];
}

/** Every clinician id on call anywhere in these institutions (whose loads the escalation order needs). */
export function candidatesOf(institutions: readonly InstitutionOnCall[]): string[] {
  const ids = new Set<string>();
  for (const { onCall } of institutions) for (const level of CALL_LEVELS) for (const id of onCall[level]) ids.add(id);
  return [...ids];
}

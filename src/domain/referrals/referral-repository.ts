import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type AnyColumn } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { olderThan, type PageOf } from '../../db/keyset.js';
import type { SqliteStore } from '../../db/store.js';
import type { ReferralDeclineReason, ReferralStatus } from '../../contract/referrals.js';
import type { TimeCursor } from '../../shared/time-cursor.js';
import { addTotals } from '../reports/daily-totals-repository.js';
import { tally } from '../reports/daily-totals.js';
import { referralAcceptTotal } from '../reports/referral-accept-totals.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from '../patients/free-text-cipher.js';
import { referrals } from './referral-tables.js';

/** A referral with its reason opened (null when none). */
export type ReferralRow = typeof referrals.$inferSelect;
export type NewReferral = Pick<ReferralRow, 'id' | 'caseId' | 'requesterId' | 'institutionId' | 'specialty' | 'severity' | 'purposeCode' | 'assigneeId' | 'sentAt'> &
  Partial<Pick<ReferralRow, 'reason' | 'triggerRuleId' | 'triggerItemType' | 'triggerItemId'>>;

/** Still waiting for its assignee: what routing and the dashboard count as load. */
export const OPEN_STATUSES = ['sent', 'seen', 'escalated'] as const satisfies readonly ReferralStatus[];

/**
 * The end of a referral, each once: accepted (with its grant), declined (with a code), unrouted (the
 * escalation ran out of people), cancelled (by the requester, also once unrouted).
 */
export type ReferralClose =
  | { status: 'accepted'; by: string; at: number; grantId: string | null }
  | { status: 'declined'; by: string; at: number; reason: ReferralDeclineReason }
  | { status: 'unrouted'; by: 'system'; at: number }
  | { status: 'cancelled'; by: string; at: number };

/** The port both stores implement (contract suite: test/pg/contracts/referrals.contract.test.ts). */
export interface ReferralRepository {
  insert(row: NewReferral): Promise<void>;
  find(id: string): Promise<ReferralRow | undefined>;
  /** A case's referrals, newest first. */
  forCase(caseId: string): Promise<ReferralRow[]>;
  /** One keyset page of a case's referrals, newest first by (sentAt, id): a seek on referrals_case_idx. */
  pageForCase(caseId: string, page: PageOf): Promise<ReferralRow[]>;
  /** Referrals assigned to a clinician now, newest first (open ones only unless `all`). */
  assignedTo(clinicianId: string, opts?: { all?: boolean; limit?: number }): Promise<ReferralRow[]>;
  /** Open referrals per clinician among these ids (absent: none); one indexed count. */
  openCounts(clinicianIds: readonly string[]): Promise<Map<string, number>>;
  /** Open referrals per assignee, everyone with any (the dashboard's load). */
  openLoad(): Promise<{ assigneeId: string; open: number }[]>;
  /** The assignee opened it: sent/escalated → seen, the first time only. */
  markSeen(id: string, assigneeId: string, at: number): Promise<boolean>;
  /** Hands it to `to` (escalation): only while open and still with `from`. */
  reassign(id: string, from: string | null, to: string, at: number): Promise<boolean>;
  /**
   * Ends it once: false when it was no longer open (or, for accept/decline, not with `by`). An
   * acceptance adds to the dashboard's running totals (daily_totals) in the same transaction;
   * accepted is final (no close leaves it), so the totals never need taking back.
   */
  close(id: string, c: ReferralClose): Promise<boolean>;
  /**
   * What needs a person (the console's list): unrouted referrals, and open ones nobody was on call for,
   * newest first by (sentAt, id), one keyset page of at most `limit` after `after`. Two indexed reads
   * (status and sent_at; assignee and status), merged.
   */
  needingAttention(page: { limit: number; after?: TimeCursor }): Promise<ReferralRow[]>;
}

/** Newest first, then by id descending (the keyset order): how the two reads of `needingAttention` merge on both stores. */
export const newestFirst = (a: ReferralRow, b: ReferralRow) => b.sentAt - a.sentAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The two reads of the attention list past a cursor, in keyset order, on either dialect's table. */
export const attentionReads = (t: { sentAt: AnyColumn; id: AnyColumn }, after: TimeCursor | undefined) => ({
  past: olderThan({ createdAt: t.sentAt, id: t.id }, after),
  order: [desc(t.sentAt), desc(t.id)],
});

const REASON = 'referrals.reason';
export const openReferralReason = (texts: FreeTextCipher) => (r: ReferralRow): ReferralRow => ({ ...r, reason: openOrNull(texts, REASON, r.id, r.reason) });
export const sealReferral = (texts: FreeTextCipher, row: NewReferral) => ({ ...row, status: 'sent' as const, reason: sealOrNull(texts, REASON, row.id, row.reason) });

/** The update a close makes, and the rows it may touch: by status (`from`), and the assignee's own (both stores share it). */
export function closePatch(c: ReferralClose): { set: Partial<ReferralRow>; byAssignee: boolean; from: ReferralStatus[] } {
  const open: ReferralStatus[] = [...OPEN_STATUSES];
  if (c.status === 'accepted') return { set: { status: c.status, acceptedAt: c.at, grantId: c.grantId }, byAssignee: true, from: open };
  if (c.status === 'declined') return { set: { status: c.status, declinedAt: c.at, declineReason: c.reason }, byAssignee: true, from: open };
  if (c.status === 'unrouted') return { set: { status: c.status }, byAssignee: false, from: open };
  return { set: { status: c.status, cancelledAt: c.at }, byAssignee: false, from: [...open, 'unrouted'] };
}

/** Referrals on SQLite: named queries, every method a Promise (`store.wrap`). */
export function createReferralRepository(db: Db, store: SqliteStore, texts: FreeTextCipher): ReferralRepository {
  const open = openReferralReason(texts);
  const isOpen = inArray(referrals.status, [...OPEN_STATUSES]);
  return store.wrap({
    insert(row: NewReferral): void {
      db.insert(referrals).values(sealReferral(texts, row)).run();
    },
    find(id: string): ReferralRow | undefined {
      const r = db.select().from(referrals).where(eq(referrals.id, id)).get();
      return r && open(r);
    },
    forCase(caseId: string): ReferralRow[] {
      return db.select().from(referrals).where(eq(referrals.caseId, caseId)).orderBy(desc(referrals.sentAt), asc(referrals.id)).all().map(open);
    },
    pageForCase(caseId: string, page: PageOf): ReferralRow[] {
      const where = and(eq(referrals.caseId, caseId), olderThan({ createdAt: referrals.sentAt, id: referrals.id }, page.after));
      return db.select().from(referrals).where(where).orderBy(desc(referrals.sentAt), desc(referrals.id)).limit(page.limit).all().map(open);
    },
    assignedTo(clinicianId: string, opts: { all?: boolean; limit?: number } = {}): ReferralRow[] {
      const where = opts.all ? eq(referrals.assigneeId, clinicianId) : and(eq(referrals.assigneeId, clinicianId), isOpen);
      return db.select().from(referrals).where(where).orderBy(desc(referrals.sentAt), asc(referrals.id)).limit(opts.limit ?? 100).all().map(open);
    },
    openCounts(clinicianIds: readonly string[]): Map<string, number> {
      if (clinicianIds.length === 0) return new Map();
      const rows = db
        .select({ assigneeId: referrals.assigneeId, open: count() })
        .from(referrals)
        .where(and(inArray(referrals.assigneeId, [...clinicianIds]), isOpen))
        .groupBy(referrals.assigneeId)
        .all();
      return new Map(rows.map((r) => [r.assigneeId!, r.open]));
    },
    openLoad(): { assigneeId: string; open: number }[] {
      return db
        .select({ assigneeId: referrals.assigneeId, open: count() })
        .from(referrals)
        .where(and(isNotNull(referrals.assigneeId), isOpen))
        .groupBy(referrals.assigneeId)
        .orderBy(desc(count()), asc(referrals.assigneeId))
        .all()
        .map((r) => ({ assigneeId: r.assigneeId!, open: r.open }));
    },
    markSeen(id: string, assigneeId: string, at: number): boolean {
      const key = and(eq(referrals.id, id), eq(referrals.assigneeId, assigneeId), inArray(referrals.status, ['sent', 'escalated']));
      return db.update(referrals).set({ status: 'seen', seenAt: at }).where(key).run().changes > 0;
    },
    reassign(id: string, from: string | null, to: string, at: number): boolean {
      const still = from === null ? undefined : eq(referrals.assigneeId, from);
      return db.update(referrals).set({ assigneeId: to, status: 'escalated', escalatedAt: at }).where(and(eq(referrals.id, id), isOpen, still)).run().changes > 0;
    },
    close(id: string, c: ReferralClose): boolean {
      const { set, byAssignee, from } = closePatch(c);
      const key = and(eq(referrals.id, id), inArray(referrals.status, from), byAssignee ? eq(referrals.assigneeId, c.by) : undefined);
      return db.transaction((t) => {
        const tx = t as unknown as Db;
        const moved = tx.update(referrals).set(set).where(key).returning({ severity: referrals.severity, specialty: referrals.specialty, sentAt: referrals.sentAt }).all();
        if (moved[0] && c.status === 'accepted') addTotals(tx, tally([referralAcceptTotal(moved[0], c.at)]));
        return moved.length > 0;
      });
    },
    needingAttention({ limit, after }: { limit: number; after?: TimeCursor }): ReferralRow[] {
      const { past, order } = attentionReads(referrals, after);
      const unrouted = db.select().from(referrals).where(and(eq(referrals.status, 'unrouted'), past)).orderBy(...order).limit(limit).all();
      const nobody = db.select().from(referrals).where(and(isNull(referrals.assigneeId), isOpen, past)).orderBy(...order).limit(limit).all();
      return [...unrouted, ...nobody].sort(newestFirst).slice(0, limit).map(open);
    },
  });
}

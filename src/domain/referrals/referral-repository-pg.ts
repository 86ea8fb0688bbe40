import { and, asc, count, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { referrals } from '../../db/pg/referral-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { olderThan } from '../../db/keyset.js';
import { sqlCollateC } from '../../db/pg/pg-columns.js';
import { addTotalsPg } from '../reports/daily-totals-repository-pg.js';
import { tally } from '../reports/daily-totals.js';
import { referralAcceptTotal } from '../reports/referral-accept-totals.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { attentionReads, closePatch, newestFirst, OPEN_STATUSES, openReferralReason, sealReferral, type ReferralRepository } from './referral-repository.js';

/** Referrals on PostgreSQL: the same port as referral-repository.ts. */
export function createPgReferralRepository(store: PgStore, texts: FreeTextCipher): ReferralRepository {
  const db = () => store.db();
  const open = openReferralReason(texts);
  const isOpen = inArray(referrals.status, [...OPEN_STATUSES]);
  const changed = (r: { rowCount: number | null }) => (r.rowCount ?? 0) > 0;
  return {
    async insert(row) {
      await db().insert(referrals).values(sealReferral(texts, row));
    },
    async find(id) {
      const [r] = await db().select().from(referrals).where(eq(referrals.id, id));
      return r && open(r);
    },
    async forCase(caseId) {
      return (await db().select().from(referrals).where(eq(referrals.caseId, caseId)).orderBy(desc(referrals.sentAt), sqlCollateC(referrals.id))).map(open);
    },
    async pageForCase(caseId, page) {
      const where = and(eq(referrals.caseId, caseId), olderThan({ createdAt: referrals.sentAt, id: referrals.id }, page.after));
      return (await db().select().from(referrals).where(where).orderBy(desc(referrals.sentAt), desc(referrals.id)).limit(page.limit)).map(open);
    },
    async assignedTo(clinicianId, opts = {}) {
      const where = opts.all ? eq(referrals.assigneeId, clinicianId) : and(eq(referrals.assigneeId, clinicianId), isOpen);
      return (await db().select().from(referrals).where(where).orderBy(desc(referrals.sentAt), sqlCollateC(referrals.id)).limit(opts.limit ?? 100)).map(open);
    },
    async openCounts(clinicianIds) {
      if (clinicianIds.length === 0) return new Map();
      const rows = await db()
        .select({ assigneeId: referrals.assigneeId, open: count() })
        .from(referrals)
        .where(and(inArray(referrals.assigneeId, [...clinicianIds]), isOpen))
        .groupBy(referrals.assigneeId);
      return new Map(rows.map((r) => [r.assigneeId!, Number(r.open)]));
    },
    async openLoad() {
      const rows = await db()
        .select({ assigneeId: referrals.assigneeId, open: count() })
        .from(referrals)
        .where(and(isNotNull(referrals.assigneeId), isOpen))
        .groupBy(referrals.assigneeId)
        .orderBy(desc(count()), sqlCollateC(referrals.assigneeId));
      return rows.map((r) => ({ assigneeId: r.assigneeId!, open: Number(r.open) }));
    },
    async markSeen(id, assigneeId, at) {
      const key = and(eq(referrals.id, id), eq(referrals.assigneeId, assigneeId), inArray(referrals.status, ['sent', 'escalated']));
      return changed(await db().update(referrals).set({ status: 'seen', seenAt: at }).where(key));
    },
    async reassign(id, from, to, at) {
      const still = from === null ? undefined : eq(referrals.assigneeId, from);
      return changed(await db().update(referrals).set({ assigneeId: to, status: 'escalated', escalatedAt: at }).where(and(eq(referrals.id, id), isOpen, still)));
    },
    close(id, c) {
      const { set, byAssignee, from } = closePatch(c);
      const key = and(eq(referrals.id, id), inArray(referrals.status, from), byAssignee ? eq(referrals.assigneeId, c.by) : undefined);
      return store.transaction(async () => {
        const moved = await db().update(referrals).set(set).where(key).returning({ severity: referrals.severity, specialty: referrals.specialty, sentAt: referrals.sentAt });
        if (moved[0] && c.status === 'accepted') await addTotalsPg(store, tally([referralAcceptTotal(moved[0], c.at)]));
        return moved.length > 0;
      });
    },
    async needingAttention({ limit, after }) {
      const { past, order } = attentionReads(referrals, after);
      const unrouted = await db().select().from(referrals).where(and(eq(referrals.status, 'unrouted'), past)).orderBy(...order).limit(limit);
      const nobody = await db().select().from(referrals).where(and(isNull(referrals.assigneeId), isOpen, past)).orderBy(...order).limit(limit);
      return [...unrouted, ...nobody].sort(newestFirst).slice(0, limit).map(open);
    },
  };
}

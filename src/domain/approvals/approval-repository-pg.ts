import { and, asc, desc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import { accessRequests, accessRequestSteps } from '../../db/pg/approvals-tables.js';
import { sqlCollateC } from '../../db/pg/pg-columns.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from '../patients/free-text-cipher.js';
import { stepRowId } from '../patients/free-text-repository.js';
import { olderThan } from '../../db/keyset.js';
import { isDecision, type AccessRequestStepRow, type ApprovalRepository } from './approval-repository.js';
import { addTotalsPg } from '../reports/daily-totals-repository-pg.js';
import { approvalTotal, tally } from '../reports/daily-totals.js';

/** Access requests and their decided steps on PostgreSQL: the same port as approval-repository.ts. */
export function createPgApprovalRepository(store: PgStore, texts: FreeTextCipher): ApprovalRepository {
  const db = () => store.db();
  const openStep = (r: AccessRequestStepRow): AccessRequestStepRow => ({
    ...r,
    note: openOrNull(texts, 'access_request_steps.note', stepRowId(r.requestId, r.stepIndex), r.note),
  });
  const changed = (r: { rowCount: number | null }) => (r.rowCount ?? 0) > 0;
  const pendingOnly = (id: string) => and(eq(accessRequests.id, id), eq(accessRequests.status, 'pending'));
  return {
    async find(id) {
      const [row] = await db().select().from(accessRequests).where(eq(accessRequests.id, id));
      return row;
    },
    async pendingForDocuments(documentIds) {
      if (documentIds.length === 0) return [];
      return db()
        .select()
        .from(accessRequests)
        .where(and(inArray(accessRequests.documentId, documentIds), eq(accessRequests.status, 'pending')))
        .orderBy(asc(accessRequests.createdAt), asc(accessRequests.id));
    },
    async listByStatus(status, limit, after) {
      const where = and(eq(accessRequests.status, status), olderThan({ createdAt: accessRequests.createdAt, id: accessRequests.id }, after));
      return db().select().from(accessRequests).where(where).orderBy(desc(accessRequests.createdAt), desc(accessRequests.id)).limit(limit);
    },
    async forDocuments(documentIds) {
      if (documentIds.length === 0) return [];
      return db()
        .select()
        .from(accessRequests)
        .where(inArray(accessRequests.documentId, [...documentIds]))
        .orderBy(asc(accessRequests.createdAt), asc(accessRequests.id));
    },
    async stepsOf(requestIds) {
      if (requestIds.length === 0) return [];
      const rows = await db()
        .select()
        .from(accessRequestSteps)
        .where(inArray(accessRequestSteps.requestId, [...requestIds]))
        .orderBy(sqlCollateC(accessRequestSteps.requestId), asc(accessRequestSteps.stepIndex));
      return rows.map(openStep);
    },
    async decidedBetween(from, to) {
      return db()
        .select({ id: accessRequests.id, createdAt: accessRequests.createdAt, decidedAt: accessRequests.decidedAt, status: accessRequests.status })
        .from(accessRequests)
        .where(and(inArray(accessRequests.status, ['approved', 'denied']), gte(accessRequests.decidedAt, from), lt(accessRequests.decidedAt, to)));
    },
    async findPending(documentId, requesterId) {
      const [row] = await db()
        .select()
        .from(accessRequests)
        .where(and(eq(accessRequests.documentId, documentId), eq(accessRequests.requesterId, requesterId), eq(accessRequests.status, 'pending')));
      return row;
    },
    async insert(row) {
      await db().insert(accessRequests).values(row);
    },
    async steps(requestId) {
      const rows = await db().select().from(accessRequestSteps).where(eq(accessRequestSteps.requestId, requestId)).orderBy(asc(accessRequestSteps.stepIndex));
      return rows.map(openStep);
    },
    async insertStep(row) {
      const note = sealOrNull(texts, 'access_request_steps.note', stepRowId(row.requestId, row.stepIndex), row.note);
      await db().insert(accessRequestSteps).values({ ...row, note });
    },
    transition: (id, fromStep, patch) =>
      store.transaction(async () => {
        const moved = await db()
          .update(accessRequests)
          .set(patch)
          .where(and(pendingOnly(id), eq(accessRequests.stepIndex, fromStep)))
          .returning({ createdAt: accessRequests.createdAt });
        if (moved[0] && patch.decidedAt != null && isDecision(patch.status)) await addTotalsPg(store, tally([approvalTotal(moved[0].createdAt, patch.decidedAt)]));
        return moved.length > 0;
      }),
    async setGrant(id, grantId) {
      await db().update(accessRequests).set({ grantId }).where(eq(accessRequests.id, id));
    },
    async expire(id, at) {
      return changed(await db().update(accessRequests).set({ status: 'expired', decidedAt: at }).where(pendingOnly(id)));
    },
    async lapsed(now, limit) {
      return db()
        .select()
        .from(accessRequests)
        .where(and(eq(accessRequests.status, 'pending'), lte(accessRequests.expiresAt, now)))
        .orderBy(asc(accessRequests.expiresAt), asc(accessRequests.id))
        .limit(limit);
    },
  };
}

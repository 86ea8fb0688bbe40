import { and, eq, gte, isNotNull, isNull } from 'drizzle-orm';
import { linkTokens } from '../../db/pg/cases-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { keyOf, newLinkRow, usableLink, type LinkTokenRow, type LinkTokens } from './link-tokens.js';

/** Link intents on PostgreSQL: the same port as link-tokens.ts (one-time, per owner and purpose). */
export function createPgLinkTokens(deps: { store: PgStore; clock: Clock }): LinkTokens {
  const { store, clock } = deps;
  const db = () => store.db();
  const stored = async (tokenHash: string): Promise<LinkTokenRow | undefined> => {
    const [row] = await db().select().from(linkTokens).where(eq(linkTokens.tokenHash, tokenHash));
    return row;
  };
  const check: LinkTokens['peek'] = async (ref, purpose, clinicianId) => usableLink(await stored(keyOf(ref)), purpose, clinicianId, clock.now());
  return {
    async issue(purpose, opts) {
      const { intentId, row } = newLinkRow(purpose, opts, clock.now());
      await db().insert(linkTokens).values(row);
      return { intentId, expiresAt: row.expiresAt };
    },
    peek: check,
    async intentFor(intentId, clinicianId) {
      const row = await stored(keyOf({ intentId }));
      if (!row || row.clinicianId !== clinicianId) throw new DomainError('not_found');
      return usableLink(row, row.purpose, clinicianId, clock.now());
    },
    async consume(ref, purpose, clinicianId) {
      const row = await check(ref, purpose, clinicianId);
      const now = clock.now();
      const res = await db()
        .update(linkTokens)
        .set({ usedAt: now })
        .where(and(eq(linkTokens.tokenHash, row.tokenHash), isNull(linkTokens.usedAt)));
      if (res.rowCount !== 1) throw new DomainError('conflict', 'link already used');
      return { ...row, usedAt: now };
    },
    async attachCase(tokenHash, caseId) {
      await db().update(linkTokens).set({ caseId }).where(eq(linkTokens.tokenHash, tokenHash));
    },
    async usedCaseOpenFor(clinicianId, caseId, conversationId, since) {
      const [row] = await db()
        .select({ h: linkTokens.tokenHash })
        .from(linkTokens)
        .where(
          and(
            eq(linkTokens.purpose, 'case_open'),
            eq(linkTokens.clinicianId, clinicianId),
            eq(linkTokens.caseId, caseId),
            eq(linkTokens.conversationId, conversationId),
            isNotNull(linkTokens.usedAt),
            gte(linkTokens.usedAt, since),
          ),
        )
        .limit(1);
      return row !== undefined;
    },
  };
}

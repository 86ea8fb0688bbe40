import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { linkTokens, type LinkPurpose } from './cases-tables.js';

export type LinkTokenRow = typeof linkTokens.$inferSelect;

export const DEFAULT_LINK_TTL_MS = 10 * 60_000;

export interface IssueOptions {
  clinicianId: string;
  caseId?: string;
  conversationId?: string;
  ttlMs?: number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * One-time form links. The token (32 random bytes, base64url) goes to the clinician 1:1; only its
 * SHA-256 is stored, so a copy of the database cannot be replayed into a form. A token is bound to
 * one purpose and one clinician: a forwarded link is useless to anyone else.
 */
export function createLinkTokens(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  function check(token: string, purpose: LinkPurpose, clinicianId: string): LinkTokenRow {
    const row = db.select().from(linkTokens).where(eq(linkTokens.tokenHash, hashToken(token))).get();
    // Wrong purpose or wrong clinician looks the same as no token: nothing to learn from probing.
    if (!row || row.purpose !== purpose || row.clinicianId !== clinicianId) throw new DomainError('token.invalid');
    if (row.usedAt !== null) throw new DomainError('conflict', 'link already used');
    if (clock.now() >= row.expiresAt) throw new DomainError('token.expired');
    return row;
  }

  return {
    issue(purpose: LinkPurpose, opts: IssueOptions): { token: string; expiresAt: number } {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      const expiresAt = now + (opts.ttlMs ?? DEFAULT_LINK_TTL_MS);
      db.insert(linkTokens)
        .values({
          tokenHash: hashToken(token),
          purpose,
          clinicianId: opts.clinicianId,
          caseId: opts.caseId ?? null,
          conversationId: opts.conversationId ?? null,
          createdAt: now,
          expiresAt,
          usedAt: null,
        })
        .run();
      return { token, expiresAt };
    },

    /** Checks a token without using it up (to validate a form before the write). */
    peek: check,

    /** Who a link was issued to: for routes where the link itself identifies the clinician. */
    lookup(token: string, purpose: LinkPurpose): LinkTokenRow {
      const row = db.select().from(linkTokens).where(eq(linkTokens.tokenHash, hashToken(token))).get();
      if (!row || row.purpose !== purpose) throw new DomainError('token.invalid');
      return check(token, purpose, row.clinicianId);
    },

    /**
     * Marks the token used and returns its row. Synchronous, so it can run inside the caller's
     * transaction: if the write that follows fails, the token is not spent.
     */
    consume(token: string, purpose: LinkPurpose, clinicianId: string): LinkTokenRow {
      const row = check(token, purpose, clinicianId);
      const now = clock.now();
      const res = db
        .update(linkTokens)
        .set({ usedAt: now })
        .where(and(eq(linkTokens.tokenHash, row.tokenHash), isNull(linkTokens.usedAt)))
        .run();
      if (res.changes !== 1) throw new DomainError('conflict', 'link already used');
      return { ...row, usedAt: now };
    },

    /** Records which case a used token ended up about (a case-open form that found an existing case). */
    attachCase(tokenHash: string, caseId: string): void {
      db.update(linkTokens).set({ caseId }).where(eq(linkTokens.tokenHash, tokenHash)).run();
    },

    /**
     * True when the clinician used a case-open link in this conversation that resolved to this case
     * since `since`: proof they just entered this patient's identity there.
     */
    usedCaseOpenFor(clinicianId: string, caseId: string, conversationId: string, since: number): boolean {
      const row = db
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
        .get();
      return row !== undefined;
    },
  };
}

export type LinkTokens = ReturnType<typeof createLinkTokens>;

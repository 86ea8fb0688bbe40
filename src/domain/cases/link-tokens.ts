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
  /**
   * A link intent instead of a token: the returned `token` is then an opaque, non-secret id for a
   * mini-app URL, usable only as `{ intentId }` by the signed-in clinician it was issued to.
   */
  intent?: boolean;
}

/** A secret one-time token (the URL is the credential), or a link intent (the sign-in is). */
export type LinkRef = string | { intentId: string };

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Intents live in the same table under a separate hash domain, so an intent id can never be taken
 * for a secret token, nor the reverse.
 */
function keyOf(ref: LinkRef): string {
  return typeof ref === 'string' ? hashToken(ref) : hashToken(`intent:${ref.intentId}`);
}

/**
 * One-time form links. The token (32 random bytes, base64url) goes to the clinician 1:1; only its
 * SHA-256 is stored, so a copy of the database cannot be replayed into a form. A token is bound to
 * one purpose and one clinician: a forwarded link is useless to anyone else.
 */
export function createLinkTokens(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  function check(ref: LinkRef, purpose: LinkPurpose, clinicianId: string): LinkTokenRow {
    const row = db.select().from(linkTokens).where(eq(linkTokens.tokenHash, keyOf(ref))).get();
    // An intent is read by a signed-in app, where 401 means "sign in again": its refusals say
    // not_found and link.expired instead of the token codes.
    const intent = typeof ref !== 'string';
    // Wrong purpose or wrong clinician looks the same as no token: nothing to learn from probing.
    if (!row || row.purpose !== purpose || row.clinicianId !== clinicianId) throw new DomainError(intent ? 'not_found' : 'token.invalid');
    if (row.usedAt !== null) throw new DomainError('conflict', 'link already used');
    if (clock.now() >= row.expiresAt) throw new DomainError(intent ? 'link.expired' : 'token.expired');
    return row;
  }

  return {
    issue(purpose: LinkPurpose, opts: IssueOptions): { token: string; expiresAt: number } {
      // An intent id needs no secrecy (the owner's sign-in guards it), only to be unguessable.
      const token = randomBytes(opts.intent ? 16 : 32).toString('base64url');
      const now = clock.now();
      const expiresAt = now + (opts.ttlMs ?? DEFAULT_LINK_TTL_MS);
      db.insert(linkTokens)
        .values({
          tokenHash: keyOf(opts.intent ? { intentId: token } : token),
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

    /** An intent of any form purpose, for its owner only (else not_found), unused and unexpired. */
    intentFor(intentId: string, clinicianId: string): LinkTokenRow {
      const row = db.select().from(linkTokens).where(eq(linkTokens.tokenHash, keyOf({ intentId }))).get();
      if (!row || row.clinicianId !== clinicianId) throw new DomainError('not_found');
      return check({ intentId }, row.purpose, clinicianId);
    },

    /**
     * Marks the token used and returns its row. Synchronous, so it can run inside the caller's
     * transaction: if the write that follows fails, the token is not spent.
     */
    consume(token: LinkRef, purpose: LinkPurpose, clinicianId: string): LinkTokenRow {
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

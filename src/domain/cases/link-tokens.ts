import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
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

/** A link intent: the opaque id in a mini-app URL. The owner's sign-in, not the id, is the credential. */
export interface LinkRef {
  intentId: string;
}

/**
 * The stored key. The `intent:` prefix is kept from when secret URL tokens shared this table: it is
 * the key format of rows already issued, so dropping it would orphan live links.
 */
export function keyOf(ref: LinkRef): string {
  return createHash('sha256').update(`intent:${ref.intentId}`, 'utf8').digest('hex');
}

/** The stored row of a link its owner may use now for `purpose`, else the refusal (both adapters). */
export function usableLink(row: LinkTokenRow | undefined, purpose: LinkPurpose, clinicianId: string, now: number): LinkTokenRow {
  // Read by a signed-in app, where 401 means "sign in again": refusals say not_found and
  // link.expired. Wrong purpose or wrong clinician looks the same as no link: nothing to learn from probing.
  if (!row || row.purpose !== purpose || row.clinicianId !== clinicianId) throw new DomainError('not_found');
  if (row.usedAt !== null) throw new DomainError('conflict', 'link already used');
  if (now >= row.expiresAt) throw new DomainError('link.expired');
  return row;
}

/** A new intent id (needs no secrecy, the owner's sign-in guards it, only to be unguessable) and its row. */
export function newLinkRow(purpose: LinkPurpose, opts: IssueOptions, now: number): { intentId: string; row: LinkTokenRow } {
  const intentId = randomBytes(16).toString('base64url');
  const row: LinkTokenRow = {
    tokenHash: keyOf({ intentId }),
    purpose,
    clinicianId: opts.clinicianId,
    caseId: opts.caseId ?? null,
    conversationId: opts.conversationId ?? null,
    createdAt: now,
    expiresAt: now + (opts.ttlMs ?? DEFAULT_LINK_TTL_MS),
    usedAt: null,
  };
  return { intentId, row };
}

/**
 * One-time mini-app form links ("link intents"). Each is bound to one purpose and one clinician and
 * is read by that clinician's signed-in app, so a forwarded link is useless to anyone else.
 * SQLite adapter: every method answers with a Promise.
 */
export function createLinkTokens(deps: { db: Db; store: SqliteStore; clock: Clock }) {
  const { db, store, clock } = deps;

  function check(ref: LinkRef, purpose: LinkPurpose, clinicianId: string): LinkTokenRow {
    return usableLink(db.select().from(linkTokens).where(eq(linkTokens.tokenHash, keyOf(ref))).get(), purpose, clinicianId, clock.now());
  }

  return store.wrap({
    issue(purpose: LinkPurpose, opts: IssueOptions): { intentId: string; expiresAt: number } {
      const { intentId, row } = newLinkRow(purpose, opts, clock.now());
      db.insert(linkTokens).values(row).run();
      return { intentId, expiresAt: row.expiresAt };
    },

    /** Checks a link without using it up (to validate a form before the write). */
    peek: check,

    /** An intent of any form purpose, for its owner only (else not_found), unused and unexpired. */
    intentFor(intentId: string, clinicianId: string): LinkTokenRow {
      const row = db.select().from(linkTokens).where(eq(linkTokens.tokenHash, keyOf({ intentId }))).get();
      if (!row || row.clinicianId !== clinicianId) throw new DomainError('not_found');
      return check({ intentId }, row.purpose, clinicianId);
    },

    /**
     * Marks the link used and returns its row. Call it inside the caller's transaction: if the write
     * that follows fails, the link is not spent.
     */
    consume(ref: LinkRef, purpose: LinkPurpose, clinicianId: string): LinkTokenRow {
      const row = check(ref, purpose, clinicianId);
      const now = clock.now();
      const res = db
        .update(linkTokens)
        .set({ usedAt: now })
        .where(and(eq(linkTokens.tokenHash, row.tokenHash), isNull(linkTokens.usedAt)))
        .run();
      if (res.changes !== 1) throw new DomainError('conflict', 'link already used');
      return { ...row, usedAt: now };
    },

    /** Records which case a used link ended up about (a case-open form that found an existing case). */
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
  });
}

export type LinkTokens = ReturnType<typeof createLinkTokens>;

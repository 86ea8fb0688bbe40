import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Transaction } from '../../shared/transactions.js';
import type { SessionRepository } from './session-repository.js';

export interface SessionTimes {
  /** How long one refresh token lives unused (an idle login ends after this). Default 8 h. */
  refreshTtlMs: number;
  /** Absolute end of a login however often it is refreshed. Default 24 h. */
  familyTtlMs: number;
}

export const DEFAULT_SESSION_TIMES: SessionTimes = { refreshTtlMs: 8 * 3_600_000, familyTtlMs: 24 * 3_600_000 };

export interface IssuedRefresh {
  clinicianId: string;
  familyId: string;
  /** The opaque secret for the client; only its hash is stored. */
  refreshToken: string;
  expiresAt: number;
}

const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Refresh-token rotation with reuse detection (OAuth 2.0 Security BCP §4.14): each refresh spends the
 * presented token and issues the next one in the same family. A spent token presented again means
 * two parties hold it (a copy was stolen), so the whole family is revoked and both must log in again.
 */
export function createRefreshSessions(deps: {
  transaction: Transaction;
  repo: SessionRepository;
  clock: Clock;
  audit: AuditSink;
  times?: Partial<SessionTimes>;
}) {
  const { transaction, repo, clock, audit } = deps;
  const times = { ...DEFAULT_SESSION_TIMES, ...deps.times };

  async function issue(clinicianId: string, familyId: string, familyExpiresAt: number, now: number): Promise<IssuedRefresh> {
    const refreshToken = newToken();
    const expiresAt = Math.min(now + times.refreshTtlMs, familyExpiresAt);
    await repo.insertToken({ tokenHash: hashToken(refreshToken), familyId, issuedAt: now, expiresAt });
    return { clinicianId, familyId, refreshToken, expiresAt };
  }

  return {
    times,

    /** A new login: a new family and its first refresh token. */
    async start(clinicianId: string): Promise<IssuedRefresh> {
      const now = clock.now();
      const familyId = newId();
      const familyExpiresAt = now + times.familyTtlMs;
      return transaction(async () => {
        await repo.insertFamily({ id: familyId, clinicianId, createdAt: now, expiresAt: familyExpiresAt });
        return issue(clinicianId, familyId, familyExpiresAt, now);
      });
    },

    /** Spends `token` and returns its successor; any problem is `auth.invalid` (reuse also revokes the family). */
    async rotate(token: string): Promise<IssuedRefresh> {
      const now = clock.now();
      const hash = hashToken(token);
      const row = await repo.tokenByHash(hash);
      if (!row) throw new DomainError('auth.invalid');
      const family = (await repo.family(row.familyId))!;
      const deny = (reason: string): never => {
        audit.append({ actor: family.clinicianId, action: AUDIT_ACTIONS.authRefresh, target: family.id, outcome: 'denied', reason });
        throw new DomainError('auth.invalid');
      };
      if (family.revokedAt !== null) deny('session_revoked');
      if (row.expiresAt <= now || family.expiresAt <= now) deny('session_expired');
      const next = await transaction(async () => ((await repo.markUsed(hash, now)) ? issue(family.clinicianId, family.id, family.expiresAt, now) : undefined));
      if (!next) {
        // Spent before (or by a racing request a moment ago): someone else holds a copy.
        await repo.revokeFamily(family.id, now, 'refresh_reuse');
        audit.append({ actor: family.clinicianId, action: AUDIT_ACTIONS.authRefreshReused, target: family.id, outcome: 'denied', reason: 'refresh_reuse' });
        throw new DomainError('auth.invalid');
      }
      return next;
    },

    /** Ends the login the token belongs to (logout). Unknown tokens are ignored: logout is idempotent. */
    async end(token: string, reason = 'logout'): Promise<string | undefined> {
      const row = await repo.tokenByHash(hashToken(token));
      if (!row) return undefined;
      await repo.revokeFamily(row.familyId, clock.now(), reason);
      return (await repo.family(row.familyId))?.clinicianId;
    },

    /** Ends one family by id (e.g. a refresh refused because the clinician is suspended). */
    async revokeFamily(familyId: string, reason: string): Promise<void> {
      await repo.revokeFamily(familyId, clock.now(), reason);
    },

    /** Every login of a clinician. */
    revokeAllFor(clinicianId: string, reason: string): Promise<number> {
      return repo.revokeAllFor(clinicianId, clock.now(), reason);
    },

    /** Whether access tokens of this family still count: not revoked and within its absolute lifetime. */
    async isActive(familyId: string): Promise<boolean> {
      const f = await repo.family(familyId);
      return !!f && f.revokedAt === null && f.expiresAt > clock.now();
    },

    /** Ends a bounded batch of expired logins (PURGE_BATCH); a backlog drains over later logins. */
    async purgeExpired(): Promise<void> {
      await repo.purgeExpired(clock.now());
    },
  };
}

export type RefreshSessions = ReturnType<typeof createRefreshSessions>;

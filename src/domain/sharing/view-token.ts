import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../shared/errors.js';

/**
 * Short-lived view tokens: one viewer, one document, a few minutes. Stateless and signed
 * (HMAC-SHA256 with the service's session secret, the only algorithm: there is no header to choose
 * another), so a tampered token fails and an old one expires. `exp` and `aud` are required: a token
 * made for another purpose with the same key (burn-after-reading views) is refused by audience.
 */
export interface ViewClaims {
  /** Document id. */
  d: string;
  /** Viewer's clinician id. */
  v: string;
  /** Expiry, epoch ms. */
  exp: number;
  /** Audience: which kind of view this token opens. */
  aud: string;
}

export const VIEW_AUDIENCE = 'consultbridge.view';

export const VIEW_TOKEN_TTL_MS = 10 * 60_000;

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function createViewTokens(secret: string, audience: string = VIEW_AUDIENCE) {
  const sign = (body: string) => createHmac('sha256', `view:${secret}`).update(body).digest();
  return {
    issue(documentId: string, clinicianId: string, now: number, ttlMs = VIEW_TOKEN_TTL_MS): { token: string; expiresAt: number } {
      const claims: ViewClaims = { d: documentId, v: clinicianId, exp: now + ttlMs, aud: audience };
      const body = b64(JSON.stringify(claims));
      return { token: `${body}.${b64(sign(body))}`, expiresAt: claims.exp };
    },
    verify(token: string, now: number): ViewClaims {
      const [body, sig, extra] = token.split('.');
      if (!body || !sig || extra !== undefined) throw new DomainError('token.invalid');
      const expected = sign(body);
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new DomainError('token.invalid');
      let claims: ViewClaims;
      try {
        claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ViewClaims;
      } catch {
        throw new DomainError('token.invalid');
      }
      if (claims === null || typeof claims !== 'object') throw new DomainError('token.invalid');
      if (typeof claims.d !== 'string' || typeof claims.v !== 'string' || typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw new DomainError('token.invalid');
      if (claims.aud !== audience) throw new DomainError('token.invalid');
      if (claims.exp <= now) throw new DomainError('token.expired');
      return claims;
    },
  };
}

export type ViewTokens = ReturnType<typeof createViewTokens>;

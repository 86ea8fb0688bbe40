import type { JWT } from '@fastify/jwt';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { jwtVerifyOptions } from './jwt-policy.js';

/**
 * Mini-app access tokens: short-lived JWTs signed with the session secret. The audience keeps them
 * apart from admin tokens (same secret, `consultbridge.admin`): neither opens the other's routes.
 * `role` and `verified` are hints for the front end only; every request re-reads the directory.
 */
export const APP_AUDIENCE = 'consultbridge.app';
export const ACCESS_TOKEN_TTL_S = 15 * 60;

export interface AccessClaims {
  /** Clinician id. */
  sub: string;
  /** Session family id: the token dies with its login (logout, reuse, suspension). */
  sid: string;
}

export interface IssuedAccess {
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
}

export function createAccessTokens(jwt: JWT, clock: Clock, ttlS = ACCESS_TOKEN_TTL_S) {
  return {
    ttlS,
    /** `overrides` is for tests (another audience, lifetime in seconds); the service never passes it. */
    sign(c: ClinicianRow, familyId: string, overrides: { aud?: string; expiresIn?: number } = {}): IssuedAccess {
      const accessToken = jwt.sign(
        { sid: familyId, role: c.role, verified: c.verified },
        { sub: c.id, aud: APP_AUDIENCE, expiresIn: ttlS, clockTimestamp: clock.now(), ...overrides },
      );
      return { accessToken, expiresIn: ttlS };
    },

    /** The claims of a valid app token; anything else (bad signature, expired, other audience) is auth.invalid. */
    verify(token: string): AccessClaims {
      let decoded: { sub?: unknown; sid?: unknown };
      try {
        decoded = jwt.verify(token, jwtVerifyOptions(APP_AUDIENCE, ['sid'], clock.now()));
      } catch {
        throw new DomainError('auth.invalid');
      }
      if (typeof decoded.sub !== 'string' || typeof decoded.sid !== 'string') throw new DomainError('auth.invalid');
      return { sub: decoded.sub, sid: decoded.sid };
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;

/**
 * One verification policy for every JWT the service accepts (app access tokens and admin tokens):
 * the algorithm is pinned to HS256 (no `none`, no other HMAC, nothing asymmetric), and `exp`, `aud`
 * and `sub` must be present — fast-jwt checks a claim's value only when the claim is there, so a
 * token without `exp` or `aud` would otherwise be accepted for ever and by every audience.
 */
import type { FastifyJWTOptions } from '@fastify/jwt';

export const JWT_ALGORITHM = 'HS256' as const;

const REQUIRED = ['exp', 'aud', 'sub'] as const;

/** Options for registering @fastify/jwt with the session secret: sign and verify HS256 only. */
export function jwtPluginOptions(secret: string): FastifyJWTOptions {
  return {
    secret,
    sign: { algorithm: JWT_ALGORITHM },
    verify: { algorithms: [JWT_ALGORITHM], requiredClaims: [...REQUIRED] },
  };
}

/** Per-call verify options for one audience, with any extra claims that audience requires. */
export function jwtVerifyOptions(audience: string, extraClaims: readonly string[] = [], clockTimestamp?: number) {
  return {
    allowedAud: audience,
    algorithms: [JWT_ALGORITHM],
    requiredClaims: [...REQUIRED, ...extraClaims],
    ...(clockTimestamp === undefined ? {} : { clockTimestamp }),
  };
}

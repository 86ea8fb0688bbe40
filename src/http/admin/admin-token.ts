import fastifyJwt from '@fastify/jwt';
import Fastify from 'fastify';
import { jwtPluginOptions } from '../auth/jwt-policy.js';

/**
 * Admin bearer tokens: short-lived JWTs whose `sub` is a clinician id and `sid` the login (session
 * family) they were issued from, so logout, refresh-token reuse and suspension end them too. The
 * audience keeps them apart from any other token signed with the same app secret (a mini-app login
 * must not open admin).
 */
export const ADMIN_AUDIENCE = 'consultbridge.admin';
export const ADMIN_TOKEN_TTL = '15m';

/**
 * Signs an admin token with the same library and options the routes verify with. `overrides` is
 * for tests (an expired or wrong-audience token).
 */
export async function mintAdminToken(
  secret: string,
  clinicianId: string,
  sessionId: string,
  overrides: { aud?: string; expiresIn?: string | number; clockTimestamp?: number } = {},
): Promise<string> {
  const app = Fastify();
  try {
    await app.register(fastifyJwt, jwtPluginOptions(secret));
    await app.ready();
    return app.jwt.sign({ sid: sessionId }, { sub: clinicianId, aud: ADMIN_AUDIENCE, expiresIn: ADMIN_TOKEN_TTL, ...overrides });
  } finally {
    await app.close();
  }
}

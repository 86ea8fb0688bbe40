import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import type { SessionTimes } from '../../domain/sessions/refresh-sessions.js';
import type { Service } from '../../service.js';
import { createAccessTokens } from './access-tokens.js';
import { jwtPluginOptions } from './jwt-policy.js';
import { adminTokenRoute } from './admin-token-route.js';
import { authRoutes, type AuthRateLimit } from './auth-routes.js';
import { createClinicianAuth, decorateClinicianAuth, type ClinicianAuth } from './clinician-auth.js';
import { createLoginService } from './login-service.js';
import { refreshCookieSecure } from './refresh-cookie.js';

export interface AuthOptions {
  /** Per IP and route; default 20 a minute. Tests raise or lower it. */
  rateLimit?: Partial<AuthRateLimit>;
  sessionTimes?: Partial<SessionTimes>;
}

export const DEFAULT_AUTH_RATE_LIMIT: AuthRateLimit = { max: 20, timeWindowMs: 60_000 };

/** The sign-in routes' rate limit (the sandbox's demo sign-in uses the same). */
export function authRateLimit(options?: AuthOptions): AuthRateLimit {
  return { ...DEFAULT_AUTH_RATE_LIMIT, ...options?.rateLimit };
}

/**
 * Mini-app sign-in, wired on the ROOT instance (call it directly, not through `register`), so that
 * `app.requireClinician` / `app.requireTrusted` are visible to every route plugin registered after
 * it. Registers @fastify/jwt with the session secret (the admin routes then reuse it). Needs
 * @fastify/rate-limit registered before (global: false).
 */
export async function registerAuth(
  app: FastifyInstance,
  deps: { service: Service; sandboxMode?: boolean; options?: AuthOptions },
): Promise<ClinicianAuth> {
  const { service } = deps;
  const sandbox = deps.sandboxMode ?? false;
  const rateLimit = authRateLimit(deps.options);
  if (!app.hasDecorator('jwt')) await app.register(fastifyJwt, jwtPluginOptions(service.sessionSecret));
  const sessions = service.sessionsWith(deps.options?.sessionTimes);
  const tokens = createAccessTokens(app.jwt, service.clock);
  const auth = createClinicianAuth({ tokens, sessions, directoryRepo: service.directoryRepo });
  decorateClinicianAuth(app, auth);
  const login = createLoginService({
    exchangeCode: (code) => service.api.getUserInfoByAuthCode(code),
    directory: service.directory,
    directoryRepo: service.directoryRepo,
    sessions,
    tokens,
    audit: service.audit,
    logger: service.logger,
  });
  await app.register(authRoutes, {
    login,
    directoryRepo: service.directoryRepo,
    clock: service.clock,
    config: { mode: sandbox ? 'sandbox' : 'dingtalk', corpId: service.config.dingtalk.corpId, clientId: service.config.dingtalk.clientId },
    cookieSecure: refreshCookieSecure(service.publicUrl, sandbox),
    rateLimit,
  });
  await app.register(adminTokenRoute, { secret: service.sessionSecret, audit: service.audit, rateLimit });
  return auth;
}

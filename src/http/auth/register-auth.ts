import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import type { AuthCodeUser } from '../../dingtalk/openapi/users.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { DirectoryService } from '../../domain/directory/directory-service.js';
import type { RefreshSessions, SessionTimes } from '../../domain/sessions/refresh-sessions.js';
import type { AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { createAccessTokens } from './access-tokens.js';
import { jwtPluginOptions } from './jwt-policy.js';
import { adminTokenRoute } from './admin-token-route.js';
import { authRoutes, type AuthRateLimit } from './auth-routes.js';
import { createClinicianAuth, decorateClinicianAuth, type ClinicianAuth } from './clinician-auth.js';
import { createLoginService } from './login-service.js';
import { meLanguageRoute, type MeLanguageOptions } from './me-language-route.js';
import { refreshCookieSecure } from './refresh-cookie.js';

export interface AuthOptions {
  /** Per IP and route; default 20 a minute. Tests raise or lower it. */
  rateLimit?: Partial<AuthRateLimit>;
  sessionTimes?: Partial<SessionTimes>;
}

/** What sign-in uses from the service (built by src/compose/auth-http.ts). */
export interface AuthDeps {
  /** Signs and verifies app and admin tokens. */
  sessionSecret: string;
  clock: Clock;
  directoryRepo: Pick<DirectoryRepository, 'findById' | 'institution'>;
  directory: Pick<DirectoryService, 'resolveOrEnroll'>;
  /** Login sessions with the given lifetimes (tests shorten them). */
  sessionsWith(times?: Partial<SessionTimes>): RefreshSessions;
  /** DingTalk's 免登 code exchange. */
  exchangeCode(code: string): Promise<AuthCodeUser>;
  audit: AuditSink;
  logger: Logger;
  dingtalk: { corpId: string; clientId: string };
  /** Decides whether the refresh cookie is Secure. */
  publicUrl: string;
  /** The language chosen in Me, saved as the preference (src/usecases/me/set-language.ts). */
  setLanguage: MeLanguageOptions['setLanguage'];
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
export async function registerAuth(app: FastifyInstance, deps: AuthDeps & { sandboxMode?: boolean; options?: AuthOptions }): Promise<ClinicianAuth> {
  const sandbox = deps.sandboxMode ?? false;
  const rateLimit = authRateLimit(deps.options);
  if (!app.hasDecorator('jwt')) await app.register(fastifyJwt, jwtPluginOptions(deps.sessionSecret));
  const sessions = deps.sessionsWith(deps.options?.sessionTimes);
  const tokens = createAccessTokens(app.jwt, deps.clock);
  const auth = createClinicianAuth({ tokens, sessions, directoryRepo: deps.directoryRepo });
  decorateClinicianAuth(app, auth);
  const login = createLoginService({
    exchangeCode: deps.exchangeCode,
    directory: deps.directory,
    directoryRepo: deps.directoryRepo,
    sessions,
    tokens,
    audit: deps.audit,
    logger: deps.logger,
  });
  await app.register(authRoutes, {
    login,
    directoryRepo: deps.directoryRepo,
    clock: deps.clock,
    config: { mode: sandbox ? 'sandbox' : 'dingtalk', corpId: deps.dingtalk.corpId, clientId: deps.dingtalk.clientId },
    cookieSecure: refreshCookieSecure(deps.publicUrl, sandbox),
    rateLimit,
  });
  await app.register(meLanguageRoute, { setLanguage: deps.setLanguage });
  await app.register(adminTokenRoute, { secret: deps.sessionSecret, audit: deps.audit, rateLimit });
  return auth;
}

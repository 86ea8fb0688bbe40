import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { ClinicianRole } from '../../domain/directory/directory-tables.js';
import { jwtPluginOptions, jwtVerifyOptions } from '../auth/jwt-policy.js';
import { ADMIN_AUDIENCE } from './admin-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated admin, set by the admin auth hook (null outside admin routes). */
    admin: ClinicianRow | null;
  }
  interface FastifyContextConfig {
    /**
     * Directory roles this admin route admits (default: `admin` only). Lets a
     * privacy officer or auditor reach the few console routes their job needs, one route at a time.
     */
    adminRoles?: readonly ClinicianRole[];
  }
}

/** Who may call an admin route unless the route says otherwise. */
export const DEFAULT_ADMIN_ROLES: readonly ClinicianRole[] = ['admin'];

/** What the admin token check reads: the directory and the logins. */
export interface AdminAuthDeps {
  /** Needed only when the app has not registered @fastify/jwt itself. */
  jwtSecret?: string;
  findClinician(id: string): Promise<ClinicianRow | undefined>;
  /** Whether the login (session family) a token was issued from still counts. */
  isSessionActive(sessionId: string): Promise<boolean>;
}

/**
 * Bearer-token guard for /api/admin: missing token → auth.required, bad/expired/wrong-audience
 * token, one without `exp`/`aud`/`sid` or not HS256, or one whose login has ended (logout, refresh
 * reuse, suspension) → auth.invalid, a token for anyone but a verified, active admin → access.denied.
 * "Admin" means a role in the route's `config.adminRoles` (default `admin` only), so a route that
 * forgets to say stays admin-only. Registers @fastify/jwt in this scope only if the app has not already.
 */
export async function registerAdminAuth(app: FastifyInstance, opts: AdminAuthDeps): Promise<void> {
  if (!app.hasDecorator('jwt')) {
    if (!opts.jwtSecret) throw new DomainError('config.invalid', 'admin routes need a JWT secret');
    await app.register(fastifyJwt, jwtPluginOptions(opts.jwtSecret));
  }
  app.decorateRequest('admin', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new DomainError('auth.required');
    let claims: { sub?: unknown; sid?: unknown };
    try {
      claims = app.jwt.verify<{ sub?: unknown; sid?: unknown }>(m[1]!, jwtVerifyOptions(ADMIN_AUDIENCE, ['sid']));
    } catch {
      throw new DomainError('auth.invalid');
    }
    const { sub, sid } = claims;
    if (typeof sub !== 'string' || typeof sid !== 'string' || !(await opts.isSessionActive(sid))) throw new DomainError('auth.invalid');
    const c = await opts.findClinician(sub);
    const roles = req.routeOptions.config?.adminRoles ?? DEFAULT_ADMIN_ROLES;
    if (!c || !c.role || !roles.includes(c.role) || !c.verified || c.suspended) throw new DomainError('access.denied');
    req.admin = c;
  });
}

import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { ClinicianRole } from '../../domain/directory/directory-tables.js';
import { SECTION_ROLES, type ConsoleSection } from '../../contract/admin-sections.js';
import { jwtPluginOptions, jwtVerifyOptions } from '../auth/jwt-policy.js';
import { ADMIN_AUDIENCE } from './admin-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated admin, set by the admin auth hook (null outside admin routes). */
    admin: ClinicianRow | null;
  }
  interface FastifyContextConfig {
    /**
     * The console section this admin route serves: it admits that section's roles from the one table
     * (src/contract/admin-sections.ts), the same rows the console's menu comes from. A route that
     * names no section admits `admin` only.
     */
    adminSection?: ConsoleSection;
  }
}

/** Who may call an admin route that names no section. */
export const DEFAULT_ADMIN_ROLES: readonly ClinicianRole[] = ['admin'];

/** A route's `config`: guarded by the roles of its console section. */
export const sectionRoute = (section: ConsoleSection) => ({ adminSection: section });

/** The roles an admin route admits. */
export function rolesOfRoute(section: ConsoleSection | undefined): readonly ClinicianRole[] {
  return section ? SECTION_ROLES[section] : DEFAULT_ADMIN_ROLES;
}

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
 * "Admin" means a role of the route's section (`config.adminSection`, roles from the section table),
 * so a route that forgets to say stays admin-only. Registers @fastify/jwt in this scope only if the app has not already.
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
    const roles = rolesOfRoute(req.routeOptions.config?.adminSection);
    if (!c || !c.role || !roles.includes(c.role) || !c.verified || c.suspended) throw new DomainError('access.denied');
    req.admin = c;
  });
}

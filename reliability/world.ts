import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/compose/app.js';
import { loadPolicies } from '../src/domain/access/policy-loader.js';
import type { ClinicianRole } from '../src/domain/directory/directory-tables.js';
import { POLICY_DIR } from '../src/domain/access/policy-dir.js';
import { silentLogger } from '../src/shared/logger.js';
import { seedClinician, seededClinician } from '../test/helpers/directory-seed.js';
import { ManualClock, startHarness, type Harness } from '../test/helpers/service-harness.js';

/**
 * The real service for the fuzz and access scenarios: a real SQLite file, real keys and crypto, the
 * production policy engine (policies validated at start, as main.ts wires it), the DingTalk simulator
 * behind the real SDK, and the HTTP app over it (sandbox routes included) reached through `inject()`.
 * One hand-moved clock drives the service and the simulator, so grants and tokens can be aged.
 */
export interface Person {
  userId: string;
  role: ClinicianRole;
  institution: string | null;
  verified: boolean;
  suspended?: boolean;
}

export interface World {
  h: Harness;
  app: FastifyInstance;
  clock: ManualClock;
  /** Adds someone to the simulator's org and the directory (role, institution, verification as given). */
  addPerson(p: Person): string;
  clinicianId(userId: string): string;
  /** A mini-app access token from the app's own sign-in (a simulator auth code at /api/auth/dingtalk), kept until `fresh`. */
  appToken(userId: string, fresh?: boolean): Promise<string>;
  /** An admin console token from POST /api/auth/admin-token, or undefined when refused. */
  consoleToken(userId: string): Promise<string | undefined>;
  /** inject() with a bearer app token for `userId`, signing in again once on 401. */
  asUser(userId: string, req: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startWorld(o: { clock?: ManualClock; sandbox?: boolean } = {}): Promise<World> {
  const clock = o.clock ?? new ManualClock(Date.now());
  const h = await startHarness({ clock, sim: { clock }, service: { policies: loadPolicies(POLICY_DIR) } });
  const app = await buildApp({
    logger: silentLogger,
    probe: { dbOpen: () => true, streamRegistered: () => true },
    service: h.service,
    sandbox: o.sandbox === false ? undefined : h.sim,
    auth: { rateLimit: { max: 10_000_000 } },
  });
  await app.ready();
  const tokens = new Map<string, string>();
  // Synchronous seeding and lookups (World's interface is synchronous): test-only reads of seeded rows.
  const world: World = {
    h,
    app,
    clock,
    addPerson(p) {
      h.sim.org.addUser({ userId: p.userId, name: p.userId, title: p.role, dept: p.institution ?? 'none', mobile: '90000000', lang: 'en_US' });
      const now = clock.now();
      const entry = { dingtalkUserId: p.userId, displayName: p.userId, nameEn: p.userId, institutionId: p.institution, role: p.role };
      return seedClinician(h.service.db.db, { ...entry, verified: p.verified, verifiedAt: p.verified ? now : null, suspended: p.suspended ?? false }, now).id;
    },
    clinicianId: (userId) => {
      const row = seededClinician(h.service.db.db, userId);
      if (!row) throw new Error(`no directory entry for ${userId}`);
      return row.id;
    },
    async appToken(userId, fresh = false) {
      if (!fresh && tokens.has(userId)) return tokens.get(userId)!;
      const res = await app.inject({ method: 'POST', url: '/api/auth/dingtalk', payload: { code: h.sim.issueAuthCode(userId) } });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${userId} failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const token = (res.json() as { accessToken: string }).accessToken;
      tokens.set(userId, token);
      return token;
    },
    async consoleToken(userId) {
      const res = await world.asUser(userId, { method: 'POST', url: '/api/auth/admin-token' });
      return res.statusCode === 200 ? (res.json() as { token: string }).token : undefined;
    },
    async asUser(userId, req) {
      const send = async (fresh: boolean) =>
        app.inject({ ...req, headers: { ...req.headers, authorization: `Bearer ${await world.appToken(userId, fresh)}` } });
      const res = await send(false);
      return res.statusCode === 401 ? send(true) : res;
    },
    async close() {
      await app.close();
      await h.close();
    },
  };
  return world;
}

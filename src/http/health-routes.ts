import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface HealthProbe {
  /** The database answers (SQLite file open; PostgreSQL reachable). */
  dbOpen(): boolean | Promise<boolean>;
  /** Every migration this code ships is applied; when given, readiness waits for it (`checks.migrations`). */
  migrationsApplied?(): boolean | Promise<boolean>;
  streamRegistered(): boolean;
}

export interface HealthOptions {
  probe: HealthProbe;
  /** The declared data region (DATA_REGION), shown by /readyz so an operator sees where records are kept. */
  region?: string;
}

const status = z.object({ status: z.string(), checks: z.record(z.string(), z.boolean()).optional(), region: z.string().optional() });

/** Liveness (process up) and readiness (database reachable and migrated, DingTalk stream registered), with the data region. */
export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, { probe, region }) => {
  app.get('/healthz', { schema: { response: { 200: status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { response: { 200: status, 503: status } } }, async (_req, reply) => {
    const [db, migrations] = await Promise.all([probe.dbOpen(), probe.migrationsApplied?.()]);
    const checks = { db, ...(migrations === undefined ? {} : { migrations }), stream: probe.streamRegistered() };
    const ready = Object.values(checks).every(Boolean);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks, region });
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface HealthProbe {
  dbOpen(): boolean;
  streamRegistered(): boolean;
}

const status = z.object({ status: z.string(), checks: z.record(z.string(), z.boolean()).optional() });

/** Liveness (process up) and readiness (database open and DingTalk stream registered). */
export const healthRoutes: FastifyPluginAsyncZod<{ probe: HealthProbe }> = async (app, { probe }) => {
  app.get('/healthz', { schema: { response: { 200: status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { response: { 200: status, 503: status } } }, async (_req, reply) => {
    const checks = { db: probe.dbOpen(), stream: probe.streamRegistered() };
    const ready = checks.db && checks.stream;
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });
};

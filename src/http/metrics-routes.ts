import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../contract/errors.js';
import type { ErrorCode } from '../shared/errors.js';
import { sendError } from './error-handler.js';

export interface MetricsRoutesOptions {
  /** The Prometheus text exposition, read at each request. */
  scrape: () => Promise<{ contentType: string; body: string }>;
  /** METRICS_TOKEN: when set, every scrape must carry `Authorization: Bearer <token>`. */
  token?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever its socket says. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Who may scrape. With a token: only a request bearing it (compared in constant time), from anywhere.
 * Without: only a request from this host's loopback address that no proxy forwarded; anyone else is
 * refused, so a service listening on a public address never shows its metrics to the internet.
 */
export function metricsRefusal(req: FastifyRequest, token: string | undefined): ErrorCode | undefined {
  if (token !== undefined) {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m) return 'auth.required';
    return timingSafeEqual(digest(m[1]!), digest(token)) ? undefined : 'auth.invalid';
  }
  const forwarded = FORWARDED.some((h) => req.headers[h] !== undefined);
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && !forwarded ? undefined : 'auth.required';
}

/** GET /metrics: Prometheus text format (see README "Metrics"). */
export const metricsRoutes: FastifyPluginAsyncZod<MetricsRoutesOptions> = async (app, { scrape, token }) => {
  app.get(
    '/metrics',
    {
      schema: {
        description: 'Prometheus metrics (text format). With METRICS_TOKEN set: `Authorization: Bearer <METRICS_TOKEN>`; without it, loopback only.',
        response: { 200: z.string(), 401: errorBody },
      },
    },
    async (req, reply) => {
      const refused = metricsRefusal(req, token);
      if (refused) return sendError(req, reply, 401, refused);
      const { contentType, body } = await scrape();
      return reply.type(contentType).send(body);
    },
  );
};

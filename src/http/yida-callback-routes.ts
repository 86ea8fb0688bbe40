import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { yidaCallbackBody, type YidaCallbackBody } from '../contract/yida.js';
import { DomainError, type ErrorCode } from '../shared/errors.js';

/** The header the form's integration sends the shared secret in. */
export const YIDA_SECRET_HEADER = 'x-consultbridge-yida-secret';
export const YIDA_CALLBACK_PATH = '/integrations/yida/submissions';
/** A submission notice is a few ids: anything larger is refused before it is read. */
const BODY_LIMIT = 16 * 1024;

export interface YidaCallbackDeps {
  /** undefined: the endpoint is off (404 `yida.disabled`). */
  secret?: string;
  /** Whether the caller's address may call (YIDA_CALLBACK_SOURCES; empty: any). */
  sourceAllowed: (ip: string) => boolean;
  ratePerMinute: number;
  receive: (body: YidaCallbackBody) => Promise<{ submissionId: string; duplicate: boolean }>;
  /** A refused call, by its code (no body, no secret). */
  refused: (code: ErrorCode) => void;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Constant-time: both sides are hashed to the same length first, so neither length nor content leaks by timing. */
export function secretMatches(expected: string, given: unknown): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(expected), digest(given));
}

/**
 * The Yida submission callback (README "Yida form archive"): the first endpoint DingTalk calls in. Off
 * without a secret; then the source allowlist (403), the shared-secret header (401), the body (400), each
 * with its code — never a 500 for what a caller sent. The body is read as text and parsed here, so bad
 * JSON is `yida.bad_body` like any other bad body. Rate-limited. A stored notification answers 202.
 */
export const yidaCallbackRoutes: FastifyPluginAsync<YidaCallbackDeps> = async (app, deps) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
  const refuse = (code: ErrorCode): never => {
    deps.refused(code);
    throw new DomainError(code);
  };
  const guard = async (req: FastifyRequest): Promise<void> => {
    if (!deps.secret) throw new DomainError('yida.disabled');
    if (!deps.sourceAllowed(req.ip)) refuse('yida.bad_source');
    if (!secretMatches(deps.secret, req.headers[YIDA_SECRET_HEADER])) refuse('yida.bad_secret');
  };
  app.post(YIDA_CALLBACK_PATH, { onRequest: guard, bodyLimit: BODY_LIMIT, config: { rateLimit: { max: deps.ratePerMinute, timeWindow: 60_000 } } }, async (req, reply) => {
    let json: unknown;
    try {
      json = JSON.parse(typeof req.body === 'string' ? req.body : '');
    } catch {
      return refuse('yida.bad_body');
    }
    const parsed = yidaCallbackBody.safeParse(json);
    if (!parsed.success) return refuse('yida.bad_body');
    const out = await deps.receive(parsed.data);
    return reply.status(202).send({ accepted: true, submissionId: out.submissionId, duplicate: out.duplicate });
  });
};

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDomainError, type ErrorCode } from '../shared/errors.js';
import { errorMessageWith } from '../shared/error-details.js';
import { errorHint } from '../shared/error-hints.js';
import { requestLang } from './request-lang.js';

/** `{code, message, hint}`: what happened (naming what it is about, where the error says) and what to do, in the requester's language. */
export function sendError(req: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, details?: Record<string, unknown>): FastifyReply {
  const lang = requestLang(req);
  return reply.status(status).send({ code, message: errorMessageWith(code, lang, details), hint: errorHint(code, lang) });
}

/**
 * One mapping from errors to HTTP: `{code, message, hint}` from the shared code table, the message in the
 * signed-in user's language, else the request's Accept-Language. Known errors show their safe
 * message; anything else is logged and answered as `internal` with no detail.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isDomainError(err)) return sendError(req, reply, err.status, err.code, err.details);
    if (hasZodFastifySchemaValidationErrors(err) || err.validation) return sendError(req, reply, 400, 'request.invalid');
    if (err.statusCode === 413) return sendError(req, reply, 413, 'request.too_large');
    if (err.statusCode === 429) return sendError(req, reply, 429, 'rate_limited');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(req, reply, err.statusCode, 'request.invalid');
    req.log.error({ code: 'internal', err }, 'unhandled error');
    return sendError(req, reply, 500, 'internal');
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404, 'not_found'));
}

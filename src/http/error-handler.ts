import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_TABLE, isDomainError } from '../shared/errors.js';

/**
 * One mapping from errors to HTTP: `{code, message}` from the shared code table. Known errors show
 * their safe message; anything else is logged and answered as `internal` with no detail.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isDomainError(err)) {
      return reply.status(err.status).send({ code: err.code, message: ERROR_TABLE[err.code].en });
    }
    if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
      return reply.status(400).send({ code: 'request.invalid', message: ERROR_TABLE['request.invalid'].en });
    }
    if (err.statusCode === 413) {
      return reply.status(413).send({ code: 'request.too_large', message: ERROR_TABLE['request.too_large'].en });
    }
    if (err.statusCode === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: 'Too many requests. Please wait a moment.' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ code: 'request.invalid', message: ERROR_TABLE['request.invalid'].en });
    }
    req.log.error({ code: 'internal', err }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: ERROR_TABLE.internal.en });
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ code: 'not_found', message: ERROR_TABLE.not_found.en }));
}

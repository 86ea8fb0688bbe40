import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, isDomainError } from '../../shared/errors.js';
import { dingtalkLoginBody } from '../../contract/auth.js';
import { errorBody } from '../../contract/errors.js';
import { authConfigDto, authErrors, meDto, toMeDto, tokenResponse } from './auth-schemas.js';
import type { LoginResult, LoginService } from './login-service.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';

export interface AuthRateLimit {
  max: number;
  timeWindowMs: number;
}

export interface AuthRoutesOptions {
  login: LoginService;
  directoryRepo: Pick<DirectoryRepository, 'institution'>;
  clock: Clock;
  config: z.infer<typeof authConfigDto>;
  cookieSecure: boolean;
  rateLimit: AuthRateLimit;
}

/**
 * The mini-app's sign-in API. The front end gets a 免登 code (dd.requestAuthCode, or the sandbox
 * picker), posts it to /api/auth/dingtalk, keeps the access token in memory and calls
 * /api/auth/refresh (the cookie goes along by itself) shortly before `expiresIn` runs out.
 */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, opts) => {
  const { login, directoryRepo, clock, cookieSecure } = opts;
  const limited = { rateLimit: { max: opts.rateLimit.max, timeWindow: opts.rateLimit.timeWindowMs } };
  const tags = ['auth'];

  const answer = async (reply: FastifyReply, r: LoginResult) => {
    setRefreshCookie(reply, r.refresh.refreshToken, r.refresh.expiresAt, clock.now(), cookieSecure);
    const inst = r.clinician.institutionId ? await directoryRepo.institution(r.clinician.institutionId) : undefined;
    return reply.header('cache-control', 'no-store').send({
      accessToken: r.accessToken,
      tokenType: 'Bearer' as const,
      expiresIn: r.expiresIn,
      clinician: toMeDto(r.clinician, inst),
    });
  };

  app.get(
    '/api/auth/config',
    { config: limited, schema: { tags, summary: 'What the front end needs for dd.requestAuthCode', response: { 200: authConfigDto, 429: errorBody } } },
    async () => opts.config,
  );

  app.post(
    '/api/auth/dingtalk',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Exchange a DingTalk 免登 auth code for an access token (body) and a refresh cookie',
        body: dingtalkLoginBody,
        response: { 200: tokenResponse, ...authErrors },
      },
    },
    async (req, reply) => answer(reply, await login.login(req.body.code)),
  );

  app.post(
    '/api/auth/refresh',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Rotate the refresh cookie and get a new access token (send no body)',
        description: 'Each refresh cookie works once; presenting a spent one ends the whole login (reuse detection).',
        response: { 200: tokenResponse, ...authErrors },
      },
    },
    async (req, reply) => {
      const token = readRefreshCookie(req);
      try {
        if (!token) throw new DomainError('auth.required');
        return await answer(reply, await login.refresh(token));
      } catch (e) {
        if (isDomainError(e)) clearRefreshCookie(reply, cookieSecure);
        throw e;
      }
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: limited,
      schema: { tags, summary: 'End this login (its access tokens stop working too) and clear the cookie', response: { 204: z.null(), 429: errorBody } },
    },
    async (req, reply) => {
      await login.logout(readRefreshCookie(req));
      clearRefreshCookie(reply, cookieSecure);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      onRequest: app.requireClinician,
      schema: {
        tags,
        summary: 'The signed-in clinician (whoami); works for unverified clinicians too',
        security: [{ bearerAuth: [] }],
        response: { 200: meDto, 401: errorBody, 403: errorBody },
      },
    },
    async (req) => {
      const c = req.clinician!;
      return toMeDto(c, c.institutionId ? await directoryRepo.institution(c.institutionId) : undefined);
    },
  );
};

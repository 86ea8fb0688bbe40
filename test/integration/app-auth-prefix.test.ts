import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { routesOf } from '../helpers/route-table.js';

/** Every (method, path) under the trusted prefixes, read from the app itself. */
const trustedRoutes = (app: FastifyInstance) => routesOf(app).filter((r) => /^\w+ \/api\/(app|alerts|cases|clinical)(\/|$)/.test(r));

/** A path with each `:param` filled in (the hook answers before the params are looked at). */
const urlOf = (route: string) => route.split(' ')[1]!.replace(/:(\w+)/g, 'x$1');

describe('one auth hook per prefix: /api/app, /api/alerts, /api/cases and /api/clinical admit only a signed-in, verified, active clinician', () => {
  let w: AuthWorld;
  let routes: string[];

  beforeAll(async () => {
    w = await authWorld();
    routes = trustedRoutes(w.app);
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the app is built, then the trusted prefixes hold the doctor, burn, form, compose and alert routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const r of ['GET /api/app/inbox', 'POST /api/app/documents/view', 'POST /api/app/burn/:itemId/open', 'POST /api/alerts', 'GET /api/cases/:code/medications', 'POST /api/clinical/normalise']) {
      expect(routes).toContain(r);
    }
  });

  it('When no token is sent, then every route under them answers 401 auth.required', async () => {
    for (const route of routes) {
      const res = await w.app.inject({ method: route.split(' ')[0] as 'GET' | 'POST', url: urlOf(route), payload: route.startsWith('POST') ? {} : undefined });
      expect([route, res.statusCode, res.json().code]).toEqual([route, 401, 'auth.required']);
    }
  });

  it('When an unverified clinician signs in, then every route under them answers 403 actor.unverified', async () => {
    const { accessToken } = await w.login('hph-lee-meiling');
    for (const route of routes) {
      const res = await w.app.inject({ method: route.split(' ')[0] as 'GET' | 'POST', url: urlOf(route), headers: bearer(accessToken), payload: route.startsWith('POST') ? {} : undefined });
      expect([route, res.statusCode, res.json().code]).toEqual([route, 403, 'actor.unverified']);
    }
  });
});

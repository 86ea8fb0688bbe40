import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authWorld, type AuthWorld } from './auth-fixture.js';

type Operation = {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};

/**
 * Issue 5, item 6: every API route has zod schemas for its params, body and every response status,
 * so it is in the OpenAPI document with all of them. Walks the whole document (service and sandbox
 * routes), not a list of known routes.
 */
describe('API routes are fully described', () => {
  let w: AuthWorld;
  let ops: Array<{ key: string; path: string; method: string; op: Operation }>;
  beforeAll(async () => {
    w = await authWorld({ sandbox: true });
    const doc = (await w.app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, method, op })),
    );
  }, 30_000);
  afterAll(() => w?.close());

  const api = () => ops.filter((o) => o.path.startsWith('/api/'));

  it('the walk sees the API (so an empty document cannot pass)', () => {
    expect(api().length).toBeGreaterThan(50);
  });

  it('every API operation declares its success response, and one that takes input declares how it refuses bad input', () => {
    const takesInput = (op: Operation) => (op.parameters ?? []).length > 0 || op.requestBody !== undefined;
    const missing = api().filter(({ op }) => {
      const codes = Object.keys(op.responses ?? {});
      return !codes.some((c) => c.startsWith('2')) || (takesInput(op) && !codes.some((c) => /^4/.test(c)));
    });
    expect(missing.map((m) => m.key)).toEqual([]);
  });

  it('every declared 4xx answer is the shared error body: {code, message}', () => {
    type Resp = { content?: Record<string, { schema?: { properties?: Record<string, unknown>; required?: string[] } }> };
    const bad = api().flatMap(({ key, op }) =>
      Object.entries((op.responses ?? {}) as Record<string, Resp>)
        .filter(([status]) => status.startsWith('4'))
        .filter(([, r]) => {
          const schema = r.content?.['application/json']?.schema;
          return !schema?.properties?.code || !schema.properties.message;
        })
        .map(([status]) => `${key} ${status}`),
    );
    expect(bad).toEqual([]);
  });

  it('every path parameter is declared', () => {
    const undeclared = api().flatMap(({ key, path, op }) =>
      [...path.matchAll(/\{([^}]+)\}/g)]
        .map((m) => m[1]!)
        .filter((name) => !(op.parameters ?? []).some((p) => p.in === 'path' && p.name === name))
        .map((name) => `${key} {${name}}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('a POST, PUT, PATCH or DELETE without a JSON body schema is one of the reviewed body-less actions', () => {
    // Reviewed: these act on their path (or the refresh cookie) and read no body; uploads take the raw
    // file as the body (checked by content in the vault). A new route that reads req.body without a
    // schema would appear here.
    const reviewed = [
      'POST /api/auth/refresh',
      'POST /api/auth/logout',
      'POST /api/auth/admin-token',
      'POST /api/app/documents/{id}/view-token',
      'POST /api/app/burn/{itemId}/open',
      'POST /api/app/cases/{code}/reports',
      'POST /api/app/documents/{id}/retract',
      'POST /api/app/grants/{id}/revoke',
      'POST /api/app/rules/{id}/sign-off',
      'POST /api/app/cases/{code}/burn/document',
      'POST /api/cases/{code}/medications/{id}/stop',
      'POST /api/cases/{code}/medications/import',
      'POST /api/interaction-alerts/{id}/acknowledge',
      'POST /api/referrals/{id}/accept',
      'POST /api/referrals/{id}/cancel',
      'POST /api/admin/audit/verify',
      'POST /api/admin/clinicians/{id}/remove-from-org',
      'POST /api/admin/outbox/{id}/retry',
      'POST /api/admin/outbox/{id}/discard',
      'DELETE /api/admin/cases/{code}/team/{clinicianId}',
      'DELETE /api/admin/cases/{code}/roles/{roleId}',
      'DELETE /api/admin/cases/{code}/groups/{conversationId}',
      // Yida form archive: act on one submission or mapping, by id.
      'POST /api/admin/forms/submissions/{id}/retry',
      'POST /api/admin/forms/submissions/{id}/discard',
      'POST /api/admin/forms/submissions/{id}/approve',
      'POST /api/app/yida/submissions/{id}/approve',
      'DELETE /api/admin/forms/mappings/{formUuid}',
    ];
    const noBody = api().filter(({ method, op }) => ['post', 'put', 'patch', 'delete'].includes(method) && op.requestBody === undefined);
    expect(noBody.map((o) => o.key).sort()).toEqual([...reviewed].sort());
  });
});

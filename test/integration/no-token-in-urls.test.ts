import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authWorld, type AuthWorld } from './auth-fixture.js';

/** Path parameter names in Fastify's route tree, e.g. `:code`, `:intentId` (the tree prints them as `:name`). */
function paramNames(tree: string): string[] {
  return [...tree.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

/**
 * Issue 5: no credential in a URL. Every link the bot sends opens the mini-app, which signs the user
 * in first; view tokens travel in request bodies. This keeps a token-carrying path from coming back:
 * the whole app (service and sandbox routes) is walked, not a list of known routes.
 */
describe('no token in any URL', () => {
  let w: AuthWorld;
  beforeAll(async () => {
    w = await authWorld({ sandbox: true });
  }, 30_000);
  afterAll(() => w?.close());

  it('No registered route has a path parameter named like a token', () => {
    const tree = w.app.printRoutes({ commonPrefix: false });
    const names = paramNames(tree);
    // The walk sees the parameters the app does have, so an empty result cannot pass by accident.
    expect(names).toEqual(expect.arrayContaining(['code', 'id', 'intentId', 'itemId']));
    expect(names.filter((n) => /token/i.test(n))).toEqual([]);
  });

  it('No documented operation takes a token in its path or query string', async () => {
    const doc = (await w.app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> };
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/app/documents/view', '/api/app/burn/view']));
    expect(paths.filter((p) => /\{[^}]*token[^}]*\}/i.test(p))).toEqual([]);
    const inUrl = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => (op.parameters ?? []).filter((p) => (p.in === 'query' || p.in === 'path') && /token/i.test(p.name)).map((p) => `${method} ${path} ${p.name}`)),
    );
    expect(inUrl).toEqual([]);
  });

  it('The view routes take the token in a JSON body and nowhere else', async () => {
    const doc = (await w.app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>> };
    for (const path of ['/api/app/documents/view', '/api/app/burn/view']) {
      expect(Object.keys(doc.paths[path]!), path).toEqual(['post']);
      expect(doc.paths[path]!.post!.requestBody?.content['application/json']?.schema.required, path).toEqual(['token']);
    }
  });
});

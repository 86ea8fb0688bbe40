import type { FastifyInstance } from 'fastify';
import type { JsonSchema } from './schema-arb.js';

/** One route of the running app, as its OpenAPI document describes it. */
export interface RouteSpec {
  method: string;
  /** OpenAPI path, e.g. /api/app/cases/{code}. */
  path: string;
  pathParams: Array<{ name: string; schema?: JsonSchema }>;
  query: Array<{ name: string; schema?: JsonSchema; required: boolean }>;
  /** JSON body schema, or undefined for routes without one (raw uploads, bodiless POSTs). */
  body?: JsonSchema;
  /** Which token the route wants: 'app', 'admin' or none. */
  auth: 'app' | 'admin' | 'none';
}

/** Served routes the OpenAPI document leaves out (docs UI, the mini-app's static files) and one that does not exist. */
const EXTRA: RouteSpec[] = [
  ['GET', '/docs'], ['GET', '/docs/static/{file}'], ['GET', '/docs/yaml'], ['HEAD', '/healthz'],
  ['GET', '/app/{file}'], ['GET', '/app/admin'], ['POST', '/app/{file}'], ['GET', '/api/{file}'], ['PUT', '/api/app/inbox'],
].map(([method, path]) => ({ method: method!, path: path!, pathParams: path!.includes('{file}') ? [{ name: 'file' }] : [], query: [], auth: 'none' as const }));

interface OpenApiOp {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: Array<Record<string, unknown>>;
}

/** Every route in /docs/json (admin, app, auth, sandbox, health) plus the served extras. */
export async function routeTable(app: FastifyInstance): Promise<RouteSpec[]> {
  const res = await app.inject({ method: 'GET', url: '/docs/json' });
  if (res.statusCode !== 200) throw new Error(`/docs/json answered ${res.statusCode}`);
  const doc = res.json() as { paths: Record<string, Record<string, OpenApiOp>> };
  const out: RouteSpec[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      const scheme = Object.keys(op.security?.[0] ?? {})[0];
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: op.requestBody?.content?.['application/json']?.schema,
        auth: scheme === 'adminBearer' ? 'admin' : scheme === 'bearerAuth' ? 'app' : 'none',
      });
    }
  }
  return [...out, ...EXTRA];
}

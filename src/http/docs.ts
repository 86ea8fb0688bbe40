import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * Marks the bearer scheme on guarded routes the route files do not annotate themselves (the admin
 * API), and groups them, so the docs say which token each route wants.
 */
function transform(input: TransformInput) {
  const out = jsonSchemaTransform(input);
  if (!input.url.startsWith('/api/admin')) return out;
  const schema = (out.schema ?? {}) as Record<string, unknown>;
  return { ...out, schema: { tags: ['admin'], security: [{ adminBearer: [] }], ...schema } };
}

/**
 * OpenAPI 3 from the routes' zod schemas (@fastify/swagger + fastify-type-provider-zod), browsable
 * at /docs and as JSON at /docs/json. Register before any route: routes are collected as they are added.
 */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ConsultBridge API',
        version: '0.1.0',
        description:
          'Errors are always `{code, message}` from one code table. Mini-app routes take `Authorization: Bearer <accessToken>` from POST /api/auth/dingtalk; admin routes take an admin token (`npm run admin -- token`).',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Mini-app access token (audience consultbridge.app, 15 min)' },
          adminBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Admin token (audience consultbridge.admin)' },
        },
      },
    },
    transform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: false } });
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Service } from '../../service.js';

/** Slot for the mini-app's authenticated compose routes (registered in app.ts). */
export const appComposeRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (_app, _opts) => {};

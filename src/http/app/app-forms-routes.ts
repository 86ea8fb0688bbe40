import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Service } from '../../service.js';

/** Slot for the mini-app's authenticated forms routes (registered in app.ts). */
export const appFormsRoutes: FastifyPluginAsyncZod<{ service: Service }> = async (_app, _opts) => {};

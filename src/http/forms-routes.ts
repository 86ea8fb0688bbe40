import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Service } from '../service.js';

/** One-time form links the bot sends (case open, consent): the link's API takes the form as JSON. */
export const formsRoutes: FastifyPluginAsyncZod<{ service: Service }> = async () => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Service } from '../service.js';

/** Upload (one-time link) and watermarked view (short-lived view token) of shared documents. */
export const documentRoutes: FastifyPluginAsyncZod<{ service: Service }> = async () => {};

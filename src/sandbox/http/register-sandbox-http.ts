import type { FastifyInstance } from 'fastify';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { AuthRateLimit } from '../../http/auth/auth-routes.js';
import type { Simulator } from '../simulator.js';
import { sandboxAuthRoutes } from './sandbox-auth-routes.js';
import { sandboxChatRoutes } from './sandbox-chat-routes.js';
import type { ChatHistory } from './sandbox-chat-history.js';
import { sandboxRoutes } from './sandbox-routes.js';

/**
 * Sandbox mode only (the wiring never calls it with real DingTalk): the demo chat routes
 * (/sandbox/say, the sandbox chat page's API) and, when the service runs, the demo-user picker
 * sign-in (/api/sandbox/*), and the chat's history kept across restarts (sealed) when one is given.
 * Needs @fastify/rate-limit registered before (global: false).
 */
export async function registerSandboxHttp(
  app: FastifyInstance,
  deps: {
    sim: Simulator;
    signIn?: { directoryRepo: Pick<DirectoryRepository, 'findByDingTalkId'>; rateLimit: AuthRateLimit };
    history?: ChatHistory;
  },
): Promise<void> {
  await app.register(sandboxRoutes, { sim: deps.sim });
  await app.register(sandboxChatRoutes, { sim: deps.sim, history: deps.history });
  if (deps.signIn) await app.register(sandboxAuthRoutes, { sim: deps.sim, ...deps.signIn });
}

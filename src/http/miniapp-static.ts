import { existsSync, readFileSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { projectPath } from '../shared/paths.js';
import { sendError } from './error-handler.js';

/** Where `npm run build -w miniapp` writes the mini-app (built by the root `prepare` step). */
export const MINIAPP_DIST = projectPath('miniapp', 'dist');
export const MINIAPP_PATH = '/app';

export interface MiniappStaticOptions {
  /** The built mini-app folder; defaults to miniapp/dist. */
  root?: string;
}

/**
 * Serves the built mini-app under /app/. Client-side routes (/app/me, /app/admin …) get index.html
 * so a reload or a link from a bot message lands in the app; a missing asset (a path with a file
 * extension) stays a plain 404 so a stale bundle fails loudly instead of parsing HTML as JS.
 * Hashed assets are cached for a year; index.html never is, so a deploy is picked up at once.
 */
export const miniappStatic: FastifyPluginAsync<MiniappStaticOptions> = async (app, opts) => {
  const root = opts.root ?? MINIAPP_DIST;
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) {
    // The service (bot, API) still works without the UI; say how to get it rather than fail the start.
    app.log.warn({ root }, 'mini-app not built; run `npm run build -w miniapp` to serve it at /app/');
    return;
  }
  // Read once: the fallback must not touch the disk per request; the file changes only on deploy.
  const indexHtml = readFileSync(indexPath);
  const assetsDir = join(root, 'assets') + sep;
  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);

  // A prefixed scope, so its not-found handler (the SPA fallback) covers /app/* only.
  await app.register(
    async (scope: FastifyInstance) => {
      await scope.register(fastifyStatic, {
        root,
        prefix: '/',
        // Another plugin may own reply.sendFile; this one never needs it.
        decorateReply: false,
        index: false,
        setHeaders: (reply, path) => {
          reply.header('cache-control', path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      // The folder itself: without this the static handler refuses a directory listing (403).
      scope.get('/', (_req, reply) => sendIndex(reply));
      scope.setNotFoundHandler((req, reply) => {
        const path = req.url.split('?')[0] ?? '';
        if (req.method === 'GET' && extname(path) === '') return sendIndex(reply);
        return sendError(req, reply, 404, 'not_found');
      });
    },
    { prefix: MINIAPP_PATH },
  );
};

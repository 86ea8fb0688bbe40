import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../../src/http/error-handler.js';
import { miniappStatic } from '../../src/http/miniapp-static.js';

let dir: string;
let app: FastifyInstance;

async function appWith(root: string): Promise<FastifyInstance> {
  const a = Fastify({ logger: { level: 'error' } });
  registerErrorHandler(a);
  a.get('/healthz', async () => ({ status: 'ok' }));
  await a.register(miniappStatic, { root });
  return a;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cb-miniapp-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ConsultBridge</title>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await appWith(dir);
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mini-app static serving', () => {
  it('serves index.html at /app/ and never lets it be cached', async () => {
    const res = await app.inject('/app/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>ConsultBridge</title>');
  });

  it('answers client-side routes with index.html (SPA fallback), query strings included', async () => {
    for (const url of ['/app', '/app/me', '/app/admin/clinicians', '/app/inbox?tab=mine']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>ConsultBridge</title>');
    }
  });

  it('serves hashed assets as immutable and other files as revalidated', async () => {
    const js = await app.inject('/app/assets/index-AbC123.js');
    expect(js.statusCode).toBe(200);
    expect(js.body).toBe('console.log("app")');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject('/app/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('keeps a missing asset a coded 404 instead of answering HTML', async () => {
    const res = await app.inject('/app/assets/index-gone.js');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: 'Not found.', hint: expect.any(String) });
  });

  it('does not answer non-GET requests or paths outside /app/ with the app', async () => {
    const post = await app.inject({ method: 'POST', url: '/app/me' });
    expect(post.statusCode).toBe(404);
    const outside = await app.inject('/apple');
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'not_found' });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
  });

  it('does not serve files outside the build folder', async () => {
    writeFileSync(join(dir, '..', `secret-${process.pid}.txt`), 'secret');
    try {
      const res = await app.inject('/app/../secret-' + process.pid + '.txt');
      expect(res.body).not.toContain('secret');
      const encoded = await app.inject('/app/%2e%2e/secret-' + process.pid + '.txt');
      expect(encoded.body).not.toContain('secret');
    } finally {
      rmSync(join(dir, '..', `secret-${process.pid}.txt`), { force: true });
    }
  });

  it('registers nothing (and does not fail the start) when the app is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cb-miniapp-empty-'));
    const bare = await appWith(empty);
    try {
      const res = await bare.inject('/app/');
      expect(res.statusCode).toBe(404);
      expect((await bare.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { sharedKeyEnv } from '../helpers/shared-key-env.js';
import { databaseKind, databaseUrlProblem } from '../../src/config/database-url.js';

describe('config', () => {
  it('When no DingTalk credentials are set, then it runs in sandbox mode with documented defaults', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('sandbox');
    expect(c.dingtalk.apiBase).toBe('https://api.dingtalk.com');
    expect(c.dingtalk.oapiBase).toBe('https://oapi.dingtalk.com');
    expect(c.databaseUrl).toBe('file:./data/consultbridge.db');
    expect(c.http.port).toBe(3000);
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('When credentials are set, then it connects to DingTalk and the robot code defaults to the client id', () => {
    const c = loadConfig({ DINGTALK_CLIENT_ID: 'dingabc', DINGTALK_CLIENT_SECRET: 's', DINGTALK_API_BASE: 'https://api.dingtalk.io/' });
    expect(c.mode).toBe('dingtalk');
    expect(c.dingtalk.robotCode).toBe('dingabc');
    expect(c.dingtalk.apiBase).toBe('https://api.dingtalk.io');
  });
  it('lists every problem at once', () => {
    try {
      loadConfig({ DINGTALK_CLIENT_ID: 'x', PORT: 'abc', DINGTALK_API_BASE: 'not a url', LOG_LEVEL: 'loud', MASTER_KEY: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'DINGTALK_API_BASE', 'LOG_LEVEL', 'MASTER_KEY', 'DINGTALK_CLIENT_SECRET']) expect(problems).toContain(key);
    }
  });
  it('METRICS_TOKEN: unset or empty means loopback-only metrics; a short one is refused', () => {
    expect(loadConfig({}).http.metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).http.metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a-token-of-20-chars!' }).http.metricsToken).toBe('a-token-of-20-chars!');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
  it('a database URL the service cannot serve stops the start with a config error instead of opening a file named after it', () => {
    for (const url of ['mysql://x/y', 'https://example.com/db', 'sqlite://x.db']) {
      expect(() => loadConfig({ DATABASE_URL: url }), url).toThrow(/DATABASE_URL/);
    }
    for (const url of ['file:./data/x.db', './data/x.db', ':memory:', 'file::memory:']) expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });
  it('postgres:// is served now that the service runs on its PostgreSQL repositories; refused with what is missing while a twin or the wiring lacks', () => {
    for (const url of ['postgres://cb@localhost/cb', 'postgresql://127.0.0.1:5432/cb']) expect(loadConfig({ DATABASE_URL: url, ...sharedKeyEnv() }).databaseUrl).toBe(url);
    expect(databaseUrlProblem('postgres://cb@db.example/cb', [], true)).toBeUndefined();
    expect(databaseUrlProblem('postgres://cb@db.example/cb', [], false)).toBe('PostgreSQL mode is not complete: the service is not wired onto its PostgreSQL repositories yet');
    expect(databaseUrlProblem('postgresql://cb@db.example/cb', ['inbox'])).toBe('PostgreSQL mode is not complete: no PostgreSQL repository yet for inbox');
    expect(databaseUrlProblem('mysql://x/y')).toMatch(/unsupported database URL/);
    expect([databaseKind('postgres://h/d'), databaseKind('POSTGRESQL://h/d'), databaseKind('file:x.db'), databaseKind('x.db'), databaseKind('https://h')]).toEqual([
      'postgres',
      'postgres',
      'sqlite',
      'sqlite',
      undefined,
    ]);
  });
  it('untrusted-file limits and render workers: defaults, units converted, nonsense refused', () => {
    const d = loadConfig({}).viewing;
    expect(d.limits).toEqual({ maxPages: 1000, maxObjects: 200_000, maxNesting: 64, maxDecompressedBytes: 256 * 1024 * 1024, maxImagePixels: 40_000_000 });
    expect(d.workers).toEqual({ uploadCheckTimeoutMs: 30_000, renderTimeoutMs: 10_000, memoryMb: 256, threads: 0, idleMs: 60_000 });
    const c = loadConfig({ UPLOAD_MAX_DECOMPRESSED_MB: '16', UPLOAD_MAX_IMAGE_MEGAPIXELS: '2.5', RENDER_IDLE_SECONDS: '0.5', RENDER_THREADS: '3' }).viewing;
    expect([c.limits.maxDecompressedBytes, c.limits.maxImagePixels, c.workers.idleMs, c.workers.threads]).toEqual([16 * 1024 * 1024, 2_500_000, 500, 3]);
    expect(() => loadConfig({ UPLOAD_MAX_PAGES: '0', RENDER_MEMORY_MB: '8', UPLOAD_MAX_NESTING: 'deep' })).toThrow(/UPLOAD_MAX_PAGES[\s\S]*UPLOAD_MAX_NESTING|UPLOAD_MAX_NESTING[\s\S]*UPLOAD_MAX_PAGES/);
  });
});

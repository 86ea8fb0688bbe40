import nock from 'nock';
import type { AuditInput, AuditSink } from '../../src/shared/audit-sink.js';
import { createDingTalkApi, type DingTalkApiDeps } from '../../src/dingtalk/openapi/index.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';

/** Fake hosts for nock; nothing ever resolves them. */
export const API = 'https://api.test';
export const OAPI = 'https://oapi.test';
export const TOKEN_PATH = '/v1.0/oauth2/accessToken';

export function recordingAudit(): AuditSink & { entries: AuditInput[] } {
  const entries: AuditInput[] = [];
  return { entries, append: (e) => entries.push(e) - 1 };
}

/** A real client against the fake hosts, with a manual clock and no real sleeping. */
export function testApi(overrides: Partial<DingTalkApiDeps> = {}) {
  const clock = new ManualClock();
  const sleeps: number[] = [];
  const audit = recordingAudit();
  const api = createDingTalkApi({
    apiBase: API,
    oapiBase: OAPI,
    clientId: 'dingclient',
    clientSecret: 'client-secret-value',
    robotCode: 'dingrobot',
    clock,
    logger: silentLogger,
    audit,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 40 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { api, clock, sleeps, audit };
}

/** Answers the token endpoint `times` times with tokens tok-1, tok-2, … */
export function mockTokens(times = 1, expireIn = 7200): nock.Scope {
  let n = 0;
  return nock(API)
    .post(TOKEN_PATH, { appKey: 'dingclient', appSecret: 'client-secret-value' })
    .times(times)
    .reply(200, () => ({ accessToken: `tok-${++n}`, expireIn }));
}

import axios from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { createCardApi, type CardApi } from './cards.js';
import { createDingApi, type DingApi } from './ding.js';
import { DingTalkApiError } from './errors.js';
import { createCall, type RetryPolicy } from './http.js';
import { createRobotApi, type RobotApi } from './robot.js';
import { createSceneGroupApi, type SceneGroupApi } from './scene-groups.js';
import { createTokenCache } from './token-cache.js';
import { createUserApi, type UserApi } from './users.js';
import { createWebhookApi, type WebhookApi } from './webhook.js';
import { createYidaApi, type YidaApi } from './yida.js';

export { DingTalkApiError, isDingTalkApiError, isAuthError } from './errors.js';
export type { CardTarget, CreateCardInput, UpdateCardInput, CardParams } from './cards.js';
export type { RobotMessage, RecallResult, OtoSendResult } from './robot.js';
export type { CreateSceneGroupInput, SceneGroupMembersInput } from './scene-groups.js';
export type { DingTalkUser, AuthCodeUser } from './users.js';
export type { WebhookBody } from './webhook.js';
export type { DingInput, DingRemindType } from './ding.js';
export type { YidaFormInstance, YidaFormQuery } from './yida.js';
export type { RetryPolicy } from './http.js';

export interface DingTalkApiDeps {
  apiBase: string;
  oapiBase: string;
  clientId: string;
  clientSecret: string;
  robotCode: string;
  clock: Clock;
  logger: Logger;
  audit?: AuditSink;
  /** Per request; DingTalk's gateway itself gives up after ~3 s. Default 10 s. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Origins a sessionWebhook may point at; default: the oapi host. */
  webhookOrigins?: string[];
}

export type DingTalkApi = RobotApi & CardApi & UserApi & SceneGroupApi & WebhookApi & DingApi & YidaApi;

/** QPS windows are 1 s (reference §9), so the first retry waits at least ~0.5 s. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 8000 };

export function createDingTalkApi(deps: DingTalkApiDeps): DingTalkApi {
  // Keep-alive: replies and sends are many small requests to the same two hosts.
  const http = axios.create({
    timeout: deps.timeoutMs ?? 10_000,
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 32 }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 32 }),
  });
  const common = {
    axios: http,
    apiBase: deps.apiBase.replace(/\/+$/, ''),
    oapiBase: deps.oapiBase.replace(/\/+$/, ''),
    logger: deps.logger,
    audit: deps.audit,
    sleep: deps.sleep,
    random: deps.random,
  };
  // The token request gets no retries of its own: the business call around it retries as a whole.
  const tokenCall = createCall({ ...common, retry: { ...DEFAULT_RETRY, attempts: 1 } });
  const tokens = createTokenCache({
    clock: deps.clock,
    fetchToken: async () => {
      const r = await tokenCall<{ accessToken: string; expireIn: number }>({
        op: 'oauth2.accessToken',
        method: 'POST',
        host: 'api',
        path: '/v1.0/oauth2/accessToken',
        body: { appKey: deps.clientId, appSecret: deps.clientSecret },
        auth: false,
      });
      if (typeof r.accessToken !== 'string' || r.accessToken === '') {
        throw new DingTalkApiError({ code: 'token.malformed', kind: 'response', retryable: false });
      }
      return { token: r.accessToken, expiresInSec: typeof r.expireIn === 'number' ? r.expireIn : 7200 };
    },
  });
  const call = createCall({ ...common, tokens, retry: deps.retry ?? DEFAULT_RETRY });
  return {
    ...createRobotApi(call, deps.robotCode),
    ...createCardApi(call, deps.robotCode),
    ...createUserApi(call),
    ...createSceneGroupApi(call),
    ...createWebhookApi(call, deps.webhookOrigins ?? [deps.oapiBase]),
    ...createDingApi(call, deps.robotCode),
    ...createYidaApi(call),
  };
}

import type { AxiosInstance } from 'axios';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { backoffDelay, realSleep } from '../../shared/backoff.js';
import type { Logger } from '../../shared/logger.js';
import { findPhi, PhiBlockedError } from '../phi-guard.js';
import { errorFromResponse, errorFromTransport, isAuthError, isDingTalkApiError } from './errors.js';
import type { TokenCache } from './token-cache.js';

/**
 * The single door to DingTalk: every request goes through `call()`, which (1) refuses payloads that
 * carry patient data, (2) attaches the token in the right place for the host, (3) maps both error
 * styles to DingTalkApiError, (4) refreshes a stale token once, and (5) retries transient failures.
 */
export interface RequestSpec {
  /** Short name for logs and audit, e.g. `robot.groupSend`; never a URL (webhook URLs carry a session key). */
  op: string;
  method: 'GET' | 'POST' | 'PUT';
  /** `api` = v1.0 host (token header), `oapi` = old host (token query), `url` = absolute URL, no token. */
  host: 'api' | 'oapi' | 'url';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Default true for `api`/`oapi`. */
  auth?: boolean;
}

export interface RetryPolicy {
  /** Total tries, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface HttpDeps {
  axios: AxiosInstance;
  apiBase: string;
  oapiBase: string;
  logger: Logger;
  audit?: AuditSink;
  tokens?: TokenCache;
  retry: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export type Call = <T>(spec: RequestSpec) => Promise<T>;

export const TOKEN_HEADER = 'x-acs-dingtalk-access-token';

export function createCall(deps: HttpDeps): Call {
  const sleep = deps.sleep ?? realSleep;
  const log = deps.logger;

  function guard(spec: RequestSpec): void {
    const finding = findPhi({ path: spec.path, query: spec.query, body: spec.body });
    if (!finding) return;
    // Only the finding code is logged or audited: the payload itself is what must not leak.
    log.error({ op: spec.op, finding }, 'outbound payload blocked by PHI guard');
    deps.audit?.append({
      actor: 'system',
      action: AUDIT_ACTIONS.outboundBlocked,
      target: spec.op,
      outcome: 'denied',
      reason: finding,
    });
    throw new PhiBlockedError(finding);
  }

  async function once<T>(spec: RequestSpec, token?: string): Promise<T> {
    const base = spec.host === 'api' ? deps.apiBase : spec.host === 'oapi' ? deps.oapiBase : '';
    const params: Record<string, string> = { ...spec.query };
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token && spec.host === 'api') headers[TOKEN_HEADER] = token;
    if (token && spec.host === 'oapi') params.access_token = token;
    let res;
    try {
      res = await deps.axios.request({
        method: spec.method,
        url: base + spec.path,
        params,
        data: spec.body,
        headers,
        validateStatus: () => true,
      });
    } catch (e) {
      // The axios error holds the request config (token, body); only its code is kept.
      throw errorFromTransport(e);
    }
    const err = errorFromResponse(res.status, res.data);
    if (err) throw err;
    return res.data as T;
  }

  async function withToken<T>(spec: RequestSpec): Promise<T> {
    if (spec.host === 'url' || spec.auth === false || !deps.tokens) return once<T>(spec);
    const token = await deps.tokens.get();
    try {
      return await once<T>(spec, token);
    } catch (e) {
      if (!isAuthError(e)) throw e;
      log.warn({ op: spec.op }, 'dingtalk token rejected; refreshing once');
      deps.tokens.invalidate(token);
      return once<T>(spec, await deps.tokens.get());
    }
  }

  return async function call<T>(spec: RequestSpec): Promise<T> {
    guard(spec);
    const { attempts } = deps.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        return await withToken<T>(spec);
      } catch (e) {
        if (!isDingTalkApiError(e)) throw e;
        const info = { op: spec.op, code: e.code, status: e.status, requestId: e.requestId, attempt };
        if (!e.retryable || attempt >= attempts) {
          log.warn(info, 'dingtalk call failed');
          throw e;
        }
        const delayMs = backoffDelay(
          attempt,
          { baseMs: deps.retry.baseDelayMs, maxMs: deps.retry.maxDelayMs },
          deps.random,
        );
        log.info({ ...info, delayMs }, 'dingtalk call failed; retrying');
        await sleep(delayMs);
      }
    }
  };
}

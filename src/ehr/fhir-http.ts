import type { AxiosInstance } from 'axios';
import type { TokenCache } from '../dingtalk/openapi/token-cache.js';
import { backoffDelay, realSleep } from '../shared/backoff.js';
import type { Logger } from '../shared/logger.js';
import { isEhrError } from './ehr-error.js';
import { errorForStatus, transportError } from './fhir-status.js';

/**
 * The single door to the FHIR server: bearer token (refreshed once on 401), FHIR JSON headers,
 * status mapping to EhrError, and retries with backoff for what is transient (network, timeout,
 * 408/429/5xx). 4xx answers are never retried. Creates are only retried because every create we send
 * is conditional (If-None-Exist), so a retry after a lost answer cannot duplicate the resource.
 */
export interface FhirRequest {
  /** Short name for logs, e.g. `AllergyIntolerance.create`; never a URL. */
  op: string;
  method: 'GET' | 'POST';
  /** Relative to the FHIR base, e.g. `/AllergyIntolerance`. */
  path: string;
  /** FHIR JSON body. */
  json?: unknown;
  /** Form body (search via POST keeps identifiers out of URLs and server access logs). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Statuses the caller handles itself instead of getting an error (e.g. 409 on create). */
  accept?: number[];
}

export interface FhirResponse {
  status: number;
  data: unknown;
  location?: string;
}

export interface FhirRetryPolicy {
  /** Total tries, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface FhirHttpDeps {
  axios: AxiosInstance;
  baseUrl: string;
  tokens: TokenCache;
  retry: FhirRetryPolicy;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export type FhirSend = (req: FhirRequest, opts?: { attempts?: number }) => Promise<FhirResponse>;

const FHIR_JSON = 'application/fhir+json';

export function createFhirHttp(deps: FhirHttpDeps): FhirSend {
  const sleep = deps.sleep ?? realSleep;
  const log = deps.logger;

  async function once(req: FhirRequest, token: string): Promise<FhirResponse> {
    const headers: Record<string, string> = { Accept: FHIR_JSON, Authorization: `Bearer ${token}`, ...req.headers };
    let data: string | undefined;
    if (req.json !== undefined) {
      headers['Content-Type'] = `${FHIR_JSON}; charset=utf-8`;
      data = JSON.stringify(req.json);
    } else if (req.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      data = new URLSearchParams(req.form).toString();
    }
    let res;
    try {
      res = await deps.axios.request({ method: req.method, url: deps.baseUrl + req.path, data, headers, validateStatus: () => true });
    } catch (e) {
      throw transportError(e, req.op);
    }
    const location = typeof res.headers?.location === 'string' ? res.headers.location : undefined;
    if ((res.status >= 200 && res.status < 300) || req.accept?.includes(res.status)) {
      return { status: res.status, data: res.data, location };
    }
    throw errorForStatus(res.status, res.data, req.op, res.headers as Record<string, unknown>);
  }

  async function withToken(req: FhirRequest): Promise<FhirResponse> {
    const token = await deps.tokens.get();
    try {
      return await once(req, token);
    } catch (e) {
      // Only 401 means "this token": 403 is a missing scope, which a new token cannot fix.
      if (!isEhrError(e) || e.httpStatus !== 401) throw e;
      log.warn({ op: req.op }, 'ehr token rejected; refreshing once');
      deps.tokens.invalidate(token);
      return once(req, await deps.tokens.get());
    }
  }

  return async function send(req, opts) {
    const attempts = opts?.attempts ?? deps.retry.attempts;
    for (let attempt = 1; ; attempt++) {
      try {
        return await withToken(req);
      } catch (e) {
        if (!isEhrError(e)) throw e;
        const info = { op: req.op, code: e.shortCode, attempt };
        if (!e.retryable || attempt >= attempts) {
          log.warn(info, 'ehr call failed');
          throw e;
        }
        const backoff = backoffDelay(attempt, { baseMs: deps.retry.baseDelayMs, maxMs: deps.retry.maxDelayMs }, deps.random);
        const delayMs = Math.max(backoff, Math.min(e.retryAfterMs ?? 0, deps.retry.maxDelayMs));
        log.info({ ...info, delayMs }, 'ehr call failed; retrying');
        await sleep(delayMs);
      }
    }
  };
}

import axios from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Config } from '../config/config.js';
import { createTokenCache } from '../dingtalk/openapi/token-cache.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { EhrAdapter } from '../domain/ehr/ehr-port.js';
import { createFhirEhrAdapter } from './fhir-ehr-adapter.js';
import { createFhirHttp, type FhirRetryPolicy } from './fhir-http.js';
import { fhirSystems } from './fhir-systems.js';
import { clientCredentialsFetcher } from './oauth-client.js';
import { createUnconfiguredEhr } from './unconfigured-ehr.js';

export type { EhrAdapter } from '../domain/ehr/ehr-port.js';

export interface EhrDeps {
  clock: Clock;
  logger: Logger;
  retry?: FhirRetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Three tries over ~1.5–3 s: an interactive caller (the alert flow) should not wait long; the queue retries later. */
export const DEFAULT_EHR_RETRY: FhirRetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 4000 };

/** The EHR adapter for the config: FHIR R4 when EHR_FHIR_BASE (and its credentials) are set, else "not configured". */
export function createEhrAdapter(cfg: Config['ehr'], deps: EhrDeps): EhrAdapter {
  const { fhirBase, tokenUrl, clientId, clientSecret } = cfg;
  if (!fhirBase || !tokenUrl || !clientId || !clientSecret) return createUnconfiguredEhr();
  // Its own axios instance: no interceptors or defaults shared with the DingTalk client.
  const http = axios.create({
    timeout: cfg.timeoutMs,
    maxRedirects: 0,
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 8 }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 8 }),
  });
  const tokens = createTokenCache({
    clock: deps.clock,
    fetchToken: clientCredentialsFetcher(http, { tokenUrl, clientId, clientSecret, scope: cfg.scope }),
    refreshMarginMs: 60_000,
  });
  const send = createFhirHttp({
    axios: http,
    baseUrl: fhirBase.replace(/\/+$/, ''),
    tokens,
    retry: deps.retry ?? DEFAULT_EHR_RETRY,
    logger: deps.logger,
    sleep: deps.sleep,
    random: deps.random,
  });
  return createFhirEhrAdapter({ send, systems: fhirSystems(cfg) });
}

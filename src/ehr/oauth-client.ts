import type { AxiosInstance } from 'axios';
import type { FetchedToken } from '../dingtalk/openapi/token-cache.js';
import { EhrError } from './ehr-error.js';
import { transportError } from './fhir-status.js';

/**
 * OAuth2 client-credentials grant (RFC 6749 §4.4) with the client authenticating by HTTP Basic
 * (§2.3.1, which servers must support). Failures are EhrErrors; the secret and the token appear in no
 * log line or error.
 */
export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

const OP = 'oauth2.token';

/** RFC 6749 Appendix B: form-encode id and secret before joining them for Basic. */
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

export function clientCredentialsFetcher(http: AxiosInstance, creds: ClientCredentials): () => Promise<FetchedToken> {
  return async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...(creds.scope ? { scope: creds.scope } : {}) });
    let res;
    try {
      res = await http.post(creds.tokenUrl, form.toString(), {
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          Authorization: basic(creds.clientId, creds.clientSecret),
        },
        validateStatus: () => true,
      });
    } catch (e) {
      throw transportError(e, OP);
    }
    if (res.status === 429 || res.status >= 500) {
      throw new EhrError({ kind: res.status === 429 ? 'throttled' : 'server', op: OP, httpStatus: res.status });
    }
    // invalid_client / unauthorized_client: a configuration problem a retry cannot fix.
    if (res.status !== 200) throw new EhrError({ kind: 'auth', op: OP, httpStatus: res.status });
    const body = res.data as { access_token?: unknown; expires_in?: unknown; token_type?: unknown };
    if (typeof body?.access_token !== 'string' || body.access_token === '' || !/^bearer$/i.test(String(body.token_type ?? 'bearer'))) {
      throw new EhrError({ kind: 'malformed_response', op: OP, httpStatus: res.status });
    }
    const expires = Number(body.expires_in);
    // expires_in is only RECOMMENDED; without it assume a short life so a stale token is not kept long.
    return { token: body.access_token, expiresInSec: Number.isFinite(expires) && expires > 0 ? expires : 300 };
  };
}

/**
 * Credentials in, tickets and tokens out: the stream gateway registration (§1.1), the v1.0 app
 * token (§3.1) and the old oapi `gettoken` the SDK's getAccessToken() uses (§3.2).
 */
import { asRecord, isNonEmptyString, oapiError, oapiOk, ok, v1Error, type Reply } from './sim-http.js';
import type { Route, SimState } from './sim-state.js';
import type { Subscription } from './sim-stream.js';

const credsMatch = (s: SimState, id: unknown, secret: unknown): boolean =>
  id === s.opts.clientId && secret === s.opts.clientSecret;

function parseSubscriptions(v: unknown): Subscription[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const subs = v.map(asRecord).filter((x) => isNonEmptyString(x.type) && isNonEmptyString(x.topic));
  return subs.length === v.length ? subs.map((x) => ({ type: String(x.type), topic: String(x.topic) })) : undefined;
}

const gatewayOpen: Route = {
  method: 'POST',
  path: '/v1.0/gateway/connections/open',
  auth: 'none',
  gateway: true,
  handle(ctx, s): Reply {
    if (s.faults.takeGatewayFailure()) return v1Error(503, 'ServiceUnavailable', 'The service is unavailable.');
    const b = asRecord(ctx.body);
    // The error shape for bad credentials is unconfirmed (dingtalk-api.md §11.3); we reuse the token API's.
    if (!credsMatch(s, b.clientId, b.clientSecret)) {
      return v1Error(400, 'invalidClientIdOrSecret', '无效的clientId或者clientSecret');
    }
    const subscriptions = parseSubscriptions(b.subscriptions);
    if (!subscriptions) return v1Error(400, 'invalidParameter.subscriptions', 'subscriptions is invalid');
    const ticket = s.stream.register({
      clientId: String(b.clientId),
      subscriptions,
      ua: typeof b.ua === 'string' ? b.ua : undefined,
    });
    const endpoint = `ws://127.0.0.1:${s.opts.port}/connect`;
    // The Node SDK comments that the gateway answers XML unless asked for JSON.
    const accept = String(ctx.headers.accept ?? '');
    if (!accept.includes('json')) {
      return {
        status: 200,
        contentType: 'application/xml',
        body: `<OpenConnectionResponse><endpoint>${endpoint}</endpoint><ticket>${ticket}</ticket></OpenConnectionResponse>`,
      };
    }
    return ok({ endpoint, ticket });
  },
};

const accessToken: Route = {
  method: 'POST',
  path: '/v1.0/oauth2/accessToken',
  auth: 'none',
  handle(ctx, s): Reply {
    const b = asRecord(ctx.body);
    if (!credsMatch(s, b.appKey, b.appSecret)) {
      return v1Error(400, 'invalidClientIdOrSecret', '无效的clientId或者clientSecret');
    }
    const t = s.tokens.issue();
    s.events.record('token', { via: 'v1' });
    return ok({ accessToken: t.token, expireIn: t.expiresInSec });
  },
};

const getToken: Route = {
  method: 'GET',
  path: '/oapi/gettoken',
  auth: 'none',
  handle(ctx, s): Reply {
    if (!credsMatch(s, ctx.query.get('appkey'), ctx.query.get('appsecret'))) {
      return oapiError(40096, '不合法的appKey或appSecret');
    }
    const t = s.tokens.issue();
    s.events.record('token', { via: 'oapi' });
    return oapiOk({ access_token: t.token, expires_in: t.expiresInSec });
  },
};

export const authRoutes: Route[] = [gatewayOpen, accessToken, getToken];

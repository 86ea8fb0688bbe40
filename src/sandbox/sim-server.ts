/**
 * The HTTP front door: route lookup, call counting, fault injection, token checks in each host's
 * style, body parsing, then the route handler. Paths under `/oapi` belong to oapi.dingtalk.com.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultRule } from './sim-faults.js';
import { hostError, oapiError, parseBody, readBody, v1Error, type Host, type Reply } from './sim-http.js';
import type { Route, SimState } from './sim-state.js';

const STATUS_CODES: Record<number, string> = {
  429: 'Throttling',
  500: 'system.error',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

function faultReply(host: Host, f: FaultRule): Reply | undefined {
  if (f.errcode !== undefined) {
    return { ...oapiError(f.errcode, f.message ?? 'injected fault'), status: f.status ?? 200 };
  }
  if (f.status === undefined && f.code === undefined) return undefined; // delay only
  const status = f.status ?? (f.code ? 400 : 503);
  const code = f.code ?? STATUS_CODES[status] ?? 'InjectedFault';
  return hostError(host, status, code, f.message ?? code);
}

function authError(route: Route, req: IncomingMessage, query: URLSearchParams, s: SimState): Reply | undefined {
  if (route.auth === 'v1') {
    const token = req.headers['x-acs-dingtalk-access-token'];
    if (typeof token !== 'string' || token === '') {
      return v1Error(400, 'AuthenticationFailed.MissingParameter', 'x-acs-dingtalk-access-token is required');
    }
    return s.tokens.isValid(token) ? undefined : v1Error(400, 'InvalidAuthentication', '不合法的access_token');
  }
  if (route.auth === 'oapi') {
    const token = query.get('access_token');
    if (!token) return oapiError(88, 'ok', { sub_code: '40000', sub_msg: 'access_token is blank' });
    if (s.tokens.isValid(token)) return undefined;
    return s.opts.oapiTokenErrorStyle === 'legacy'
      ? oapiError(40014, '不合法的access_token')
      : oapiError(88, 'ok', { sub_code: '40014', sub_msg: '不合法的access_token' });
  }
  return undefined;
}

function send(res: ServerResponse, r: Reply): void {
  const isText = typeof r.body === 'string';
  const payload = isText ? (r.body as string) : JSON.stringify(r.body);
  res.writeHead(r.status, {
    'content-type': r.contentType ?? (isText ? 'text/plain' : 'application/json;charset=utf-8'),
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

export class CallStats {
  private readonly counts = new Map<string, number>();
  record(method: string, path: string): void {
    const key = `${method} ${path}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  /** Calls whose path starts with `pathPrefix` (any method). */
  calls(pathPrefix = '/'): number {
    let n = 0;
    for (const [key, c] of this.counts) if (key.slice(key.indexOf(' ') + 1).startsWith(pathPrefix)) n += c;
    return n;
  }
}

export function createHttpHandler(routes: Route[], s: SimState, stats: CallStats) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const host: Host = path === '/oapi' || path.startsWith('/oapi/') ? 'oapi' : 'api';
    stats.record(method, path);
    s.events.record('call', { method, path });
    try {
      const raw = await readBody(req);
      const route = routes.find((r) => r.method === method && (r.path === path || (r.prefix === true && path.startsWith(r.path) && path.length > r.path.length)));
      if (s.faults.downNow && !route?.gateway) return send(res, hostError(host, 503, 'ServiceUnavailable'));
      const fault = s.faults.take(method, path);
      if (fault?.hang) return; // never answered; sim.close() drops the socket
      if (fault?.delayMs) await sleep(fault.delayMs);
      const injected = fault ? faultReply(host, fault) : undefined;
      if (injected) return send(res, injected);
      if (!route) {
        return send(res, host === 'oapi'
          ? { ...oapiError(22, 'Invalid method'), status: 404 }
          : v1Error(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.'));
      }
      const denied = authError(route, req, url.searchParams, s);
      if (denied) return send(res, denied);
      const body = parseBody(raw, req.headers['content-type']);
      if (body instanceof Error) {
        return send(res, host === 'oapi' ? oapiError(40035, '不合法的参数') : v1Error(400, 'InvalidParameter', 'body is not valid JSON'));
      }
      send(res, await route.handle({ method, path, query: url.searchParams, body, headers: req.headers }, s));
    } catch {
      if (!res.headersSent) send(res, hostError(host, 500, 'system.error', 'system error'));
    }
  };
}

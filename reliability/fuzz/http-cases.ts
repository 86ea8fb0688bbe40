import fc from 'fast-check';
import { junkContentType, junkPayload, junkString, PROTO_KEYS } from './junk.js';
import type { RouteSpec } from './routes.js';
import { bodyText, fromSchema, type Pools } from './schema-arb.js';

/** One generated request: plain data, so it prints and replays; the bearer token is resolved from `auth` when sent. */
export interface HttpCase {
  route: string;
  method: string;
  url: string;
  auth: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export const APP_AUTHS = ['app:doctor', 'app:admin', 'app:officer', 'app:auditor', 'app:unverified', 'app:suspended'];
export const CONSOLE_AUTHS = ['console:admin', 'console:officer', 'console:auditor'];
export const FORGED_AUTHS = ['forged:wrongSecret', 'forged:algNone', 'forged:noExp', 'forged:noAud', 'forged:hs512', 'forged:expired', 'forged:appWrongSecret', 'forged:garbage', 'forged:empty', 'basic', 'none'];

function authFor(r: RouteSpec): fc.Arbitrary<string> {
  // The doctor (the seeded case's attending) gets furthest into the app routes, so is drawn most often there.
  const own = r.auth === 'admin' ? CONSOLE_AUTHS : r.auth === 'app' ? ['app:doctor', 'app:doctor', 'app:doctor', ...APP_AUTHS] : ['none'];
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.constantFrom(...APP_AUTHS, ...CONSOLE_AUTHS, ...FORGED_AUTHS) });
}

/** %-encoding; lone surrogates go out as the bytes of an unpaired surrogate (invalid UTF-8), as a hostile client would send them. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\u0001')).replace(/%01/g, '%ED%A0%80');
  }
}
const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

/** A path or query value: from the schema and the world's ids, or hostile; sometimes sent with broken %-encoding. */
function paramValue(name: string, schema: RouteSpec['query'][number]['schema'], pools: Pools): fc.Arbitrary<string> {
  const real = pools(name);
  return fc.oneof(
    { weight: real.length ? 5 : 0, arbitrary: real.length ? fc.constantFrom(...real).map(enc) : fc.constant('x') },
    { weight: 4, arbitrary: fromSchema(schema, name, pools).map((v) => enc(asText(v))) },
    { weight: 2, arbitrary: junkString(false).map((s) => enc(s.slice(0, 300))) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%00', '..%2f..%2f', '%C0%AE', '%ff%fe') },
  );
}

function queryString(r: RouteSpec, pools: Pools): fc.Arbitrary<string> {
  const declared = r.query.map((q) =>
    fc.option(paramValue(q.name, q.schema, pools).map((v) => `${enc(q.name)}=${v}`), { freq: 3, nil: undefined }),
  );
  const extra = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS, 'constructor[prototype][x]', '__proto__[role]', 'lang', 'a[]'), fc.string({ maxLength: 6 })), junkString(false)),
    { maxLength: 2 },
  ).map((pairs) => pairs.map(([k, v]) => `${enc(k)}=${enc(v.slice(0, 200))}`));
  // Extra keys in one case of four, so the declared ones are often checked alone.
  const extras = fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: extra });
  return fc.tuple(fc.tuple(...declared), extras).map(([d, e]) => {
    const parts = [...d.filter((x): x is string => x !== undefined), ...e];
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

function bodyFor(r: RouteSpec, pools: Pools, pdfs: Buffer[]): fc.Arbitrary<{ payload?: string | Buffer; contentType?: string }> {
  const junk = fc.record({ payload: junkPayload, contentType: junkContentType });
  const bodiless = r.method === 'GET' || r.method === 'HEAD' || r.method === 'DELETE';
  if (bodiless) return fc.oneof({ weight: 8, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: junk });
  if (r.body) return fc.oneof({ weight: 3, arbitrary: bodyText(r.body, pools).map((payload) => ({ payload, contentType: 'application/json' })) }, { weight: 1, arbitrary: junk });
  // Raw-file routes take the body as bytes; other bodiless POSTs mostly get none.
  if (!/\/(reports|burn\/document)$/.test(r.path)) return fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: junk });
  const files = pdfs.length
    ? fc.tuple(fc.constantFrom(...pdfs), fc.nat(), fc.constantFrom('asis', 'truncate', 'flip')).map(([pdf, n, how]) => {
        const b = Buffer.from(pdf);
        if (how === 'truncate') return b.subarray(0, n % b.length);
        if (how === 'flip') for (let i = 0; i < 8; i++) { const at = (n * (i + 7)) % b.length; b[at] = b[at]! ^ 0xff; }
        return b;
      })
    : fc.constant(Buffer.alloc(0));
  // Files that look like a PDF to a magic-number check and are not one (no bombs: see the README text).
  const lookalikes = fc
    .tuple(fc.constantFrom('%PDF-1.4\n', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', '%PDF-2.0\n'), fc.oneof(fc.constantFrom('<html><body>hi</body></html>', '1 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\n', '\x7fELF\x02\x01'), fc.string({ unit: 'binary', maxLength: 400 })))
    .map(([head, body]) => Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body), Buffer.from('\n%%EOF\n')]));
  const upload = fc.record({ payload: fc.oneof(files, lookalikes), contentType: fc.constantFrom('application/pdf', 'image/png', 'application/octet-stream') });
  return fc.oneof({ weight: 4, arbitrary: upload }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant({}) });
}

const extraHeaders = fc.dictionary(
  fc.constantFrom('accept-language', 'x-forwarded-for', 'cookie', 'accept', 'x-request-id', 'origin', 'if-none-match', 'range'),
  fc.oneof(fc.constantFrom('cb_refresh=' + 'A'.repeat(64), 'cb_refresh=', '*/*', 'zh-HK,zh;q=0.9', '127.0.0.1, ::1', 'bytes=0-1,5-2', '"x"'), fc.string({ unit: 'grapheme-ascii', maxLength: 60 })),
  { maxKeys: 2 },
);

/** One request for one route. */
export function caseFor(r: RouteSpec, pools: Pools, pdfs: Buffer[]): fc.Arbitrary<HttpCase> {
  const params = fc.tuple(...r.pathParams.map((p) => paramValue(p.name, p.schema, pools)));
  return fc.record({ auth: authFor(r), params, query: queryString(r, pools), body: bodyFor(r, pools, pdfs), extra: extraHeaders }).map(({ auth, params, query, body, extra }) => {
    let i = 0;
    const path = r.path.replace(/\{[^}]+\}/g, () => params[i++] ?? 'x');
    const headers: Record<string, string> = { ...extra };
    if (body.contentType !== undefined) headers['content-type'] = body.contentType;
    return { route: `${r.method} ${r.path}`, method: r.method, url: path + query, auth, headers, ...(body.payload === undefined ? {} : { payload: body.payload }) };
  });
}

/** Cases spread evenly over the routes. */
export function anyCase(routes: RouteSpec[], pools: Pools, pdfs: Buffer[]): fc.Arbitrary<HttpCase> {
  const per = routes.map((r) => caseFor(r, pools, pdfs));
  return fc.integer({ min: 0, max: per.length - 1 }).chain((i) => per[i]!);
}

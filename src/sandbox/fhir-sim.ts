import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidHkid } from '../shared/hkid.js';
import { createSimStore, outcome, parseToken, type SimResource } from './fhir-sim-store.js';
import { readBody } from './sim-http.js';

/**
 * A tiny FHIR R4 server for the sandbox and tests (plain node:http on 127.0.0.1): an OAuth2
 * client-credentials token endpoint, Patient search by identifier, conditional create of
 * AllergyIntolerance and DocumentReference (If-None-Exist honoured), MedicationRequest and
 * MedicationStatement search by subject, AllergyIntolerance search by patient (seeded with `addResource`), read by id, and fault switches:
 * `down(true)` answers 503 to everything; `fail()` injects an answer (401, 409, 422 with an
 * OperationOutcome, 5xx, or a delay) for the next matching requests.
 */
export interface FhirSimOptions {
  port?: number;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSec?: number;
  /** Patient.identifier system of HKIDs (EHR_IDENTIFIER_SYSTEM). */
  hkidSystem?: string;
  /** Sandbox: a search for an unknown but check-digit-valid HKID registers that patient. */
  autoRegisterPatients?: boolean;
  now?: () => number;
}

export interface Fault {
  /** Resource type, `token` or `metadata`; any request when absent. */
  on?: string;
  /** How many requests it applies to (default 1). */
  times?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow server, for client timeouts). */
  delayMs?: number;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const TYPES = new Set(['Patient', 'AllergyIntolerance', 'DocumentReference', 'MedicationRequest', 'MedicationStatement', 'Observation']);
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export async function startFhirSim(o: FhirSimOptions = {}) {
  const now = o.now ?? Date.now;
  const store = createSimStore(now);
  const clientId = o.clientId ?? 'sandbox-ehr-client';
  const clientSecret = o.clientSecret ?? 'sandbox-ehr-secret';
  const hkidSystem = o.hkidSystem ?? 'http://ehealth.gov.hk/fhir/hkid';
  const tokens = new Map<string, number>();
  const faults: (Fault & { times: number })[] = [];
  const requests: { method: string; path: string; status: number }[] = [];
  let isDown = false;
  let tokensIssued = 0;

  function issueToken(headers: IncomingMessage['headers'], form: URLSearchParams): Answer {
    const [user, pass] = Buffer.from((headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
    const id = decodeURIComponent(user ?? '');
    const secret = decodeURIComponent(pass ?? '');
    if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
    if (id !== clientId || secret !== clientSecret) return { status: 401, body: { error: 'invalid_client' } };
    const token = randomBytes(18).toString('base64url');
    const ttl = o.tokenTtlSec ?? 3600;
    tokens.set(token, now() + ttl * 1000);
    tokensIssued++;
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: ttl } };
  }

  function authorised(headers: IncomingMessage['headers']): boolean {
    const exp = tokens.get((headers.authorization ?? '').replace(/^Bearer /, ''));
    return exp !== undefined && exp > now();
  }

  function search(type: string, params: URLSearchParams): Answer {
    const subject = params.get('subject') ?? params.get('patient');
    if (subject !== null) return { status: 200, body: store.searchset(store.bySubject(type, subject), Number(params.get('_count') ?? 50)) };
    const token = params.get('identifier');
    if (!token) return { status: 400, body: outcome('required', 'identifier search parameter required') };
    let found = store.searchIdentifier(type, token);
    const { system, value } = parseToken(token);
    if (found.length === 0 && type === 'Patient' && o.autoRegisterPatients && system === hkidSystem && isValidHkid(value)) {
      found = [store.insert({ resourceType: 'Patient', active: true, identifier: [{ system, value }] })];
    }
    return { status: 200, body: store.searchset(found, Number(params.get('_count') ?? 50)) };
  }

  /** A reference `Patient/{id}` to a patient we hold; what a real server checks before accepting the write. */
  function refersToPatient(r: SimResource): boolean {
    const ref = ((r.patient ?? r.subject) as { reference?: unknown } | undefined)?.reference;
    return typeof ref === 'string' && ref.startsWith('Patient/') && store.get('Patient', ref.slice(8)) !== undefined;
  }

  function create(type: string, body: unknown, ifNoneExist: string | undefined, origin: string): Answer {
    const r = body as SimResource | undefined;
    if (!r || typeof r !== 'object' || r.resourceType !== type) return { status: 400, body: outcome('structure', 'resourceType does not match the URL') };
    if (type !== 'Patient' && !refersToPatient(r)) return { status: 422, body: outcome('processing', 'unknown patient reference') };
    if (type === 'DocumentReference' && !(Array.isArray(r.content) && r.content.length > 0)) {
      return { status: 422, body: outcome('required', 'DocumentReference.content is required') };
    }
    const result = store.conditionalCreate(r, ifNoneExist);
    if (result.status === 412) return { status: 412, body: outcome('duplicate', 'If-None-Exist matched more than one resource') };
    const stored = result.resource!;
    return { status: result.status, body: stored, headers: { location: `${origin}/fhir/${type}/${stored.id}/_history/1` } };
  }

  function route(req: IncomingMessage, url: URL, raw: string, origin: string): Answer {
    const m = req.method ?? 'GET';
    if (url.pathname === '/oauth2/token' && m === 'POST') return issueToken(req.headers, new URLSearchParams(raw));
    if (!url.pathname.startsWith('/fhir/')) return { status: 404, body: outcome('not-found', 'unknown path') };
    const parts = url.pathname.slice('/fhir/'.length).split('/').filter(Boolean);
    if (parts[0] === 'metadata' && m === 'GET') {
      return { status: 200, body: { resourceType: 'CapabilityStatement', status: 'active', date: new Date(now()).toISOString(), kind: 'instance', fhirVersion: '4.0.1', format: ['json'] } };
    }
    if (!authorised(req.headers)) return { status: 401, body: outcome('login', 'missing or expired token') };
    const [type, second] = parts as [string, string | undefined];
    if (!TYPES.has(type) || parts.length > 2) return { status: 404, body: outcome('not-supported', 'unsupported interaction') };
    if (m === 'POST' && second === '_search') return search(type, new URLSearchParams(raw));
    if (m === 'GET' && second === undefined) return search(type, url.searchParams);
    if (m === 'GET') {
      const r = store.get(type, second!);
      return r ? { status: 200, body: r } : { status: 404, body: outcome('not-found', 'no such resource') };
    }
    if (m === 'POST' && second === undefined) {
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return { status: 400, body: outcome('structure', 'body is not JSON') };
      }
      const ine = req.headers['if-none-exist'];
      return create(type, body, typeof ine === 'string' ? ine : undefined, origin);
    }
    return { status: 405, body: outcome('not-supported', 'method not allowed') };
  }

  function takeFault(url: URL): Fault | undefined {
    const target = url.pathname === '/oauth2/token' ? 'token' : url.pathname.split('/')[2];
    const i = faults.findIndex((f) => f.on === undefined || f.on === target);
    if (i < 0) return undefined;
    const f = faults[i]!;
    if (--f.times <= 0) faults.splice(i, 1);
    return f;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const raw = await readBody(req);
    let answer: Answer;
    const fault = isDown ? undefined : takeFault(url);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (isDown) answer = { status: 503, body: outcome('transient', 'simulated outage'), headers: { 'retry-after': '1' } };
    else if (fault?.status) answer = { status: fault.status, body: fault.body, headers: fault.headers };
    else answer = route(req, url, raw, origin);
    requests.push({ method: req.method ?? 'GET', path: url.pathname, status: answer.status });
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': FHIR_JSON, ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => {
    handle(req, res, origin).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: `${origin}/fhir`,
    tokenUrl: `${origin}/oauth2/token`,
    clientId,
    clientSecret,
    hkidSystem,
    /** Every request answered: method, path (no query) and status. */
    requests,
    get tokensIssued() {
      return tokensIssued;
    },
    /** Registers a patient under the HKID system; returns its id. */
    addPatient: (hkid: string) => store.insert({ resourceType: 'Patient', active: true, identifier: [{ system: hkidSystem, value: hkid }] }).id!,
    resources: (type: string) => store.all(type),
    /** Stores a resource as the EHR's own (e.g. a MedicationRequest whose subject is `Patient/{id}`); returns it with its id. */
    addResource: (resource: SimResource) => store.insert(resource),
    down(on: boolean) {
      isDown = on;
    },
    fail(f: Fault) {
      faults.push({ ...f, times: f.times ?? 1 });
    },
    /** Forgets every issued token, so the next call gets a 401 (as after a server-side revocation). */
    revokeTokens: () => tokens.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FhirSim = Awaited<ReturnType<typeof startFhirSim>>;

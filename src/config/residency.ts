import { databaseKind } from './database-url.js';

/**
 * Data residency (README "Data residency"): a deployment declares its region (`DATA_REGION`) and the
 * hosts that may receive patient data (`PHI_HOSTS`). Every configured destination of patient data —
 * the database, the blob store, the FHIR server — must be on this machine or on that list, or the
 * service does not start. Pure functions over settings; nothing here opens a connection.
 */

export const DEFAULT_DATA_REGION = 'HK';

/** A region code as it appears in the signed audit checkpoints: one short token, no spaces. */
export const REGION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** A PHI_HOSTS entry: a host name (optionally `*.` for every subdomain), an IPv4 or an IPv6 address. */
const HOST_ENTRY = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$|^\[?[0-9a-f:.]*:[0-9a-f:.]*\]?$/;

export interface PhiDestination {
  /** What receives patient data. */
  kind: 'database' | 'blob_store' | 'fhir';
  /** The setting that chooses it (named in the start-up error). */
  setting: string;
  /** The host it lives on; null for a file or folder on this machine. Never user, password or path. */
  host: string | null;
  /** On this machine: a file, a folder or a loopback address (covered by DATA_REGION without a PHI_HOSTS entry). */
  local: boolean;
}

/** What a deployment declares, and where patient data goes under that declaration. */
export interface ResidencyView {
  region: string;
  phiHosts: string[];
  destinations: PhiDestination[];
}

const normaliseHost = (h: string): string => h.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

/** Splits PHI_HOSTS (comma-separated) into normalised entries; empty items are ignored. */
export function parsePhiHosts(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map(normaliseHost).filter(Boolean);
}

/** Problems with PHI_HOSTS entries (a scheme, port or path where a host name belongs). */
export function phiHostsProblems(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '' && !HOST_ENTRY.test(s))
    .map((s) => `PHI_HOSTS: "${s}" is not a host name (list host names only: no scheme, port or path)`);
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}

/**
 * The hosts a URL points at: its authority (several for a multi-host PostgreSQL URL, and libpq's
 * `?host=`), without user info or port. An empty list means this machine: a file path, `:memory:`,
 * a `file:` URL, or a Unix socket.
 */
export function urlHosts(url: string): string[] {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(url.trim());
  if (!m || /^file:/i.test(url.trim())) return [];
  const hosts = m[1]!.split(',').map(hostOfAuthority).filter(Boolean);
  const query = /\?([^#]*)/.exec(url)?.[1];
  const param = query ? new URLSearchParams(query).get('host') : null;
  const fromParam = (param ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '' && !h.startsWith('/'));
  return [...new Set([...hosts, ...fromParam.map(normaliseHost)])];
}

function hostOfAuthority(authority: string): string {
  const a = authority.trim();
  if (a.startsWith('[')) return normaliseHost(a.slice(0, a.indexOf(']') + 1));
  return normaliseHost(a.replace(/:\d*$/, ''));
}

export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : host === entry));
}

/**
 * Every configured destination of patient data. The blob store is BLOB_DIR when set (a folder: this
 * machine, or a mount the operator answers for), else the database itself on PostgreSQL (its hosts),
 * else a folder beside the SQLite file (or beside the key folder for `:memory:`).
 */
export function phiDestinations(s: { databaseUrl: string; fhirBase?: string; blobDir?: string }): PhiDestination[] {
  const at = (kind: PhiDestination['kind'], setting: string, hosts: string[]): PhiDestination[] =>
    hosts.length === 0 ? [{ kind, setting, host: null, local: true }] : hosts.map((host) => ({ kind, setting, host, local: isLoopback(host) }));
  return [
    ...at('database', 'DATABASE_URL', urlHosts(s.databaseUrl)),
    ...(s.blobDir ? at('blob_store', 'BLOB_DIR', []) : at('blob_store', 'DATABASE_URL', databaseKind(s.databaseUrl) === 'postgres' ? urlHosts(s.databaseUrl) : [])),
    ...(s.fhirBase ? at('fhir', 'EHR_FHIR_BASE', urlHosts(s.fhirBase)) : []),
  ];
}

/** One problem per destination off this machine and off the allowlist: the setting and the host, nothing else of the URL. */
export function residencyProblems(region: string, phiHosts: readonly string[], destinations: readonly PhiDestination[]): string[] {
  const lines = destinations
    .filter((d) => !d.local && d.host !== null && !hostAllowed(d.host, phiHosts))
    .map((d) => `${d.setting}: host ${d.host} may not receive patient data: it is not in PHI_HOSTS (DATA_REGION ${region})`);
  // The database and the blobs kept in it name the same setting and host: one line.
  return [...new Set(lines)];
}

/**
 * The start-up check, on the raw env with the same defaults as the schema, so it is reported together
 * with any field error. (The sandbox's simulated FHIR server, added later, listens on loopback.)
 */
export function residencyEnvProblems(env: Record<string, string | undefined>): string[] {
  const fhirBase = (env.EHR_FHIR_BASE ?? '').trim() || undefined;
  const destinations = phiDestinations({ databaseUrl: (env.DATABASE_URL ?? '').trim() || 'file:', fhirBase, blobDir: (env.BLOB_DIR ?? '').trim() || undefined });
  const region = (env.DATA_REGION ?? '').trim() || DEFAULT_DATA_REGION;
  return [...phiHostsProblems(env.PHI_HOSTS), ...residencyProblems(region, parsePhiHosts(env.PHI_HOSTS), destinations)];
}

/** What /readyz and the console show: the declaration and each destination (hosts only). */
export function residencyView(config: { databaseUrl: string; ehr: { fhirBase?: string }; blobs?: { dir?: string }; residency: { region: string; phiHosts: readonly string[] } }): ResidencyView {
  return {
    region: config.residency.region,
    phiHosts: [...config.residency.phiHosts],
    destinations: phiDestinations({ databaseUrl: config.databaseUrl, fhirBase: config.ehr.fhirBase, blobDir: config.blobs?.dir }),
  };
}

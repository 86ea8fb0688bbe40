import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { phiDestinations, residencyProblems, residencyView, urlHosts } from '../../src/config/residency.js';

const EHR = { EHR_TOKEN_URL: 'https://auth.ehr.example.hk/token', EHR_CLIENT_ID: 'cb', EHR_CLIENT_SECRET: 's3cret-value' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  return [];
}

describe('config: data residency', () => {
  it('When nothing is set, then the region is HK, nothing is allowlisted and the local SQLite file and blob folder are fine', () => {
    const c = loadConfig({});
    expect(c.residency).toEqual({ region: 'HK', phiHosts: [] });
    expect(residencyView(c).destinations).toEqual([
      { kind: 'database', setting: 'DATABASE_URL', host: null, local: true },
      { kind: 'blob_store', setting: 'DATABASE_URL', host: null, local: true },
    ]);
    for (const url of ['file:/var/lib/cb/cb.db', './data/x.db', ':memory:']) expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it('When the FHIR server is off the list, then the start is refused naming the setting and the host, and no secret or path', () => {
    const problems = problemsOf({ ...EHR, EHR_FHIR_BASE: 'https://user:pw@fhir.example.com:8443/r4/secret-path', PHI_HOSTS: 'db.hospital.hk' });
    expect(problems).toEqual(['EHR_FHIR_BASE: host fhir.example.com may not receive patient data: it is not in PHI_HOSTS (DATA_REGION HK)']);
    const text = new ConfigError(problems).message;
    for (const secret of ['pw', 'secret-path', 's3cret-value', '8443']) expect(text).not.toContain(secret);
  });

  it('When the FHIR server is on the list (exactly, any case, or by a *. entry), then the start goes on', () => {
    const c = loadConfig({ ...EHR, EHR_FHIR_BASE: 'https://FHIR.ehr.example.hk/r4', DATA_REGION: 'HK', PHI_HOSTS: ' db.hospital.hk , fhir.ehr.example.hk ' });
    expect(c.residency.phiHosts).toEqual(['db.hospital.hk', 'fhir.ehr.example.hk']);
    expect(residencyView(c).destinations.at(-1)).toEqual({ kind: 'fhir', setting: 'EHR_FHIR_BASE', host: 'fhir.ehr.example.hk', local: false });
    expect(() => loadConfig({ ...EHR, EHR_FHIR_BASE: 'https://fhir.ehr.example.hk/r4', PHI_HOSTS: '*.example.hk' })).not.toThrow();
    // A wildcard covers subdomains, not a look-alike name.
    expect(problemsOf({ ...EHR, EHR_FHIR_BASE: 'https://evilexample.hk/r4', PHI_HOSTS: '*.example.hk' })).toHaveLength(1);
  });

  it('A FHIR server on loopback is on this machine and needs no entry', () => {
    expect(() => loadConfig({ ...EHR, EHR_FHIR_BASE: 'http://127.0.0.1:9000/fhir' })).not.toThrow();
    expect(() => loadConfig({ ...EHR, EHR_FHIR_BASE: 'http://localhost:9000/fhir' })).not.toThrow();
  });

  it('A nonsense region or a URL in PHI_HOSTS is a config error, listed with the others', () => {
    const problems = problemsOf({ DATA_REGION: 'Hong Kong', PHI_HOSTS: 'https://db.hospital.hk:5432', PORT: 'x' }).join('\n');
    for (const key of ['DATA_REGION', 'PHI_HOSTS', 'PORT']) expect(problems).toContain(key);
  });

  it('the check is generic over a URL host: a host-bearing database URL (PostgreSQL) is checked like the FHIR server', () => {
    expect(urlHosts('postgres://cb:pw@DB.Hospital.hk:5432/cb?sslmode=require')).toEqual(['db.hospital.hk']);
    expect(urlHosts('postgresql://cb@db1.hk:5432,db2.hk:5433/cb')).toEqual(['db1.hk', 'db2.hk']);
    expect(urlHosts('postgres://cb@[::1]:5432/cb')).toEqual(['::1']);
    expect(urlHosts('postgres:///cb?host=/var/run/postgresql')).toEqual([]);
    expect(urlHosts('postgres:///cb?host=db3.hk')).toEqual(['db3.hk']);
    expect(urlHosts('file:./data/x.db')).toEqual([]);
    const d = phiDestinations({ databaseUrl: 'postgres://cb:pw@db.cloud.example.com/cb' });
    expect(residencyProblems('HK', ['db.hospital.hk'], d)).toEqual([
      'DATABASE_URL: host db.cloud.example.com may not receive patient data: it is not in PHI_HOSTS (DATA_REGION HK)',
    ]);
    expect(residencyProblems('HK', ['db.cloud.example.com'], d)).toEqual([]);
    expect(residencyProblems('HK', [], phiDestinations({ databaseUrl: 'postgres://cb@localhost/cb' }))).toEqual([]);
  });

  it('the blob store: BLOB_DIR when set (a folder), else the database itself on PostgreSQL, its host reported once when off the list', () => {
    expect(phiDestinations({ databaseUrl: 'postgres://cb@db.hospital.hk/cb' })).toEqual([
      { kind: 'database', setting: 'DATABASE_URL', host: 'db.hospital.hk', local: false },
      { kind: 'blob_store', setting: 'DATABASE_URL', host: 'db.hospital.hk', local: false },
    ]);
    expect(phiDestinations({ databaseUrl: 'postgres://cb@db.hospital.hk/cb', blobDir: '/mnt/cb-blobs' })[1]).toEqual({ kind: 'blob_store', setting: 'BLOB_DIR', host: null, local: true });
    expect(residencyProblems('HK', [], phiDestinations({ databaseUrl: 'postgres://cb@db.cloud.example.com/cb' }))).toEqual([
      'DATABASE_URL: host db.cloud.example.com may not receive patient data: it is not in PHI_HOSTS (DATA_REGION HK)',
    ]);
    const c = loadConfig({ BLOB_DIR: '/mnt/cb-blobs' });
    expect(residencyView(c).destinations.find((d) => d.kind === 'blob_store')).toEqual({ kind: 'blob_store', setting: 'BLOB_DIR', host: null, local: true });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createEhrAdapter } from '../../src/ehr/create-ehr.js';
import { startFhirSim, type FhirSim } from '../../src/sandbox/fhir-sim.js';
import { startSandbox } from '../../src/sandbox/sandbox-mode.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import { allergyInput, documentInput, fhirErrors, HKID, makeAdapter } from '../unit/ehr-fixtures.js';

let sim: FhirSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const start = async (o: Parameters<typeof startFhirSim>[0] = {}) => {
  sim = await startFhirSim({ clientId: 'cb-client', clientSecret: 's3cret:&x', ...o });
  return { sim, ...makeAdapter({ base: sim.baseUrl, tokenUrl: sim.tokenUrl }) };
};
const stored = (s: FhirSim, type: string) => s.resources(type).map(({ meta: _m, ...r }) => r);

describe('EHR adapter against the simulated FHIR server', () => {
  it('When an allergy is written twice, then the server holds one valid resource and both calls return its id', async () => {
    const { sim, adapter } = await start();
    const patientId = sim.addPatient(HKID);
    await expect(adapter.findPatient('a1234563')).resolves.toEqual({ id: patientId });
    await expect(adapter.findPatient('C668047(8)')).resolves.toBeNull();
    const first = await adapter.upsertAllergy(allergyInput());
    const second = await adapter.upsertAllergy(allergyInput());
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(stored(sim, 'AllergyIntolerance')).toHaveLength(1);
    expect(fhirErrors(stored(sim, 'AllergyIntolerance')[0])).toEqual([]);

    const doc = await adapter.shareDocumentReference(documentInput());
    expect((await adapter.shareDocumentReference(documentInput())).id).toBe(doc.id);
    expect(stored(sim, 'DocumentReference')).toHaveLength(1);
    expect(fhirErrors(stored(sim, 'DocumentReference')[0])).toEqual([]);
    // The HKID travelled only in the search form body, never in a URL.
    expect(sim.requests.some((r) => r.path.includes('A123456'))).toBe(false);
  });

  it('When the server revokes our token, then the adapter gets a new one and carries on', async () => {
    const { sim, adapter } = await start();
    sim.addPatient(HKID);
    await adapter.findPatient(HKID);
    sim.revokeTokens();
    await expect(adapter.upsertAllergy(allergyInput())).resolves.toMatchObject({ created: true });
    expect(sim.tokensIssued).toBe(2);
    expect(sim.requests.filter((r) => r.status === 401)).toHaveLength(1);
  });

  it('When errors are injected, then 409 resolves to the existing record, 422 is not retried, a 500 is retried', async () => {
    const { sim, adapter } = await start();
    sim.addPatient(HKID);
    const { id } = await adapter.upsertAllergy(allergyInput());
    sim.fail({ on: 'AllergyIntolerance', status: 409 });
    await expect(adapter.upsertAllergy(allergyInput())).resolves.toEqual({ id, created: false });

    sim.fail({ on: 'AllergyIntolerance', status: 422, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid' }] } });
    const posts = () => sim.requests.filter((r) => r.method === 'POST' && r.path === '/fhir/AllergyIntolerance').length;
    const before = posts();
    await expect(adapter.upsertAllergy(allergyInput({ recordId: 'alert-2' }))).rejects.toMatchObject({ kind: 'rejected', issues: [{ code: 'invalid' }] });
    expect(posts() - before).toBe(1);

    sim.fail({ on: 'AllergyIntolerance', status: 500 });
    await expect(adapter.upsertAllergy(allergyInput({ recordId: 'alert-3' }))).resolves.toMatchObject({ created: true });
    expect(stored(sim, 'AllergyIntolerance')).toHaveLength(2);
  });

  it('When the server is down, then health says down and calls fail retryable; when back, up', async () => {
    const { sim, adapter } = await start();
    sim.addPatient(HKID);
    sim.down(true);
    await expect(adapter.health()).resolves.toEqual({ status: 'down', code: 'ehr.unavailable:http.503' });
    await expect(adapter.upsertAllergy(allergyInput())).rejects.toMatchObject({ code: 'ehr.unavailable', retryable: true });
    sim.down(false);
    await expect(adapter.health()).resolves.toMatchObject({ status: 'up' });
  });

  it('When no EHR is configured, then the adapter says so and refuses writes with a coded error', async () => {
    const cfg = loadConfig({ DINGTALK_CLIENT_ID: 'x', DINGTALK_CLIENT_SECRET: 'y' }).ehr;
    expect(cfg.fhirBase).toBeUndefined();
    const adapter = createEhrAdapter(cfg, { clock: new ManualClock(), logger: silentLogger });
    expect(adapter.configured).toBe(false);
    await expect(adapter.health()).resolves.toEqual({ status: 'not_configured' });
    await expect(adapter.upsertAllergy(allergyInput())).rejects.toMatchObject({ code: 'ehr.not_configured' });
  });

  it('When a FHIR base is set without credentials, then the config is refused naming what is missing', () => {
    expect(() => loadConfig({ EHR_FHIR_BASE: 'https://ehr.example/fhir', EHR_CLIENT_ID: 'a', PHI_HOSTS: 'ehr.example' })).toThrow(
      expect.objectContaining({ problems: ['EHR_TOKEN_URL: required when EHR_FHIR_BASE is set', 'EHR_CLIENT_SECRET: required when EHR_FHIR_BASE is set'] }),
    );
  });

  it('When the sandbox starts without an EHR, then it runs the simulated FHIR server and points the config at it', async () => {
    const config = loadConfig({ SANDBOX_PORT: '0', LOG_LEVEL: 'silent' });
    const sandbox = await startSandbox(config, silentLogger);
    try {
      expect(sandbox.fhir).toBeDefined();
      expect(sandbox.config.ehr).toMatchObject({ fhirBase: sandbox.fhir!.baseUrl, tokenUrl: sandbox.fhir!.tokenUrl });
      const adapter = createEhrAdapter(sandbox.config.ehr, { clock: new ManualClock(), logger: silentLogger });
      // The sandbox registers any valid HKID it is asked about, so demo cases can be written to.
      await expect(adapter.upsertAllergy(allergyInput({ patientHkid: 'C6680478' }))).resolves.toMatchObject({ created: true });
      expect(sandbox.describe().join('\n')).toContain(sandbox.fhir!.baseUrl);
    } finally {
      await sandbox.close();
    }
  });
});

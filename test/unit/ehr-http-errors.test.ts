import nock from 'nock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EhrError } from '../../src/ehr/ehr-error.js';
import { allergyInput, documentInput, fhirErrors, makeAdapter } from './ehr-fixtures.js';
import { BASE, bundle, operationOutcome, ORIGIN, patientSearch, resetNock, TOKEN_URL, tokens } from './ehr-nock.js';

const ALLERGY_KEY = 'identifier=https://consultbridge.hk/fhir/sid/allergy-record|alert-7KQ2M-1';
const created = (id: string) => ({ resourceType: 'AllergyIntolerance', id, meta: { versionId: '1' } });

/** An AllergyIntolerance create carrying our If-None-Exist; the body it received is kept for checks. */
function allergyCreate(bodies: unknown[] = []) {
  return nock(ORIGIN)
    .matchHeader('if-none-exist', ALLERGY_KEY)
    .matchHeader('content-type', /application\/fhir\+json/)
    .post('/fhir/AllergyIntolerance', (b) => (bodies.push(b), true));
}

const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as EhrError);

describe('EHR adapter: writes and error paths', () => {
  beforeEach(() => {
    resetNock();
    tokens('tok-1');
    patientSearch(['901']);
  });
  afterAll(() => nock.enableNetConnect());

  it('When the allergy is new, then one conditional create sends a valid resource and returns the server id', async () => {
    const bodies: unknown[] = [];
    allergyCreate(bodies).reply(201, created('a-77'));
    const { adapter } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL });
    await expect(adapter.upsertAllergy(allergyInput())).resolves.toEqual({ id: 'a-77', created: true });
    expect(bodies).toHaveLength(1);
    expect(fhirErrors(bodies[0])).toEqual([]);
    expect(JSON.stringify(bodies[0])).not.toContain('A123456');
  });

  it('When the server already has it (If-None-Exist matched, 200), then its id is returned and nothing is created', async () => {
    allergyCreate().reply(200, created('a-1'));
    const { adapter } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL });
    await expect(adapter.upsertAllergy(allergyInput())).resolves.toEqual({ id: 'a-1', created: false });
  });

  it('When the server answers without a body, then the id comes from Location', async () => {
    allergyCreate().reply(201, '', { location: `${BASE}/AllergyIntolerance/a-9/_history/1` });
    const { adapter } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL });
    await expect(adapter.upsertAllergy(allergyInput())).resolves.toEqual({ id: 'a-9', created: true });
  });

  it('When the create conflicts (409), then the existing resource is looked up by our identifier', async () => {
    allergyCreate().reply(409, operationOutcome('duplicate', 'exists'));
    const lookup = nock(ORIGIN)
      .post('/fhir/AllergyIntolerance/_search', (b) => new URLSearchParams(b as string).get('identifier')?.endsWith('|alert-7KQ2M-1') === true)
      .reply(200, bundle('AllergyIntolerance', ['a-1']));
    const { adapter, sleeps } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL });
    await expect(adapter.upsertAllergy(allergyInput())).resolves.toEqual({ id: 'a-1', created: false });
    expect(lookup.isDone()).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it('When a 409 cannot be resolved (lookup finds nothing), then it is a rejection', async () => {
    allergyCreate().reply(409);
    nock(ORIGIN).post('/fhir/AllergyIntolerance/_search').reply(200, bundle('AllergyIntolerance', []));
    const e = await fail(makeAdapter({ base: BASE, tokenUrl: TOKEN_URL }).adapter.upsertAllergy(allergyInput()));
    expect(e).toMatchObject({ kind: 'rejected', httpStatus: 409, retryable: false });
  });

  it('When several resources match If-None-Exist (412), then it is a typed error and not retried', async () => {
    const post = allergyCreate().reply(412, operationOutcome('duplicate', 'multiple matches'));
    const again = allergyCreate().reply(201, created('x'));
    const e = await fail(makeAdapter({ base: BASE, tokenUrl: TOKEN_URL }).adapter.upsertAllergy(allergyInput()));
    expect(e).toMatchObject({ kind: 'multiple_matches', code: 'ehr.rejected', httpStatus: 412, retryable: false });
    expect(post.isDone() && !again.isDone()).toBe(true);
  });

  it('When the server rejects the resource (422 with an OperationOutcome), then a typed error carries its codes, no PHI, and there is no retry', async () => {
    const post = allergyCreate().reply(422, {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'processing', details: { coding: [{ code: 'AI_SUBSTANCE_UNKNOWN' }] }, diagnostics: 'Penicillin for A123456(3) CHAN Tai-man' }],
    });
    const again = allergyCreate().reply(201, created('x'));
    const { adapter, sleeps } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL });
    const e = await fail(adapter.upsertAllergy(allergyInput()));
    expect(e).toBeInstanceOf(EhrError);
    expect(e).toMatchObject({ kind: 'rejected', code: 'ehr.rejected', status: 502, httpStatus: 422, retryable: false, op: 'AllergyIntolerance.create' });
    expect(e.issues).toEqual([{ severity: 'error', code: 'processing', details: ['AI_SUBSTANCE_UNKNOWN'] }]);
    expect(JSON.stringify({ ...e, message: e.message, stack: e.stack })).not.toMatch(/A123456|CHAN|Penicillin|Urticaria/);
    expect(post.isDone() && !again.isDone()).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it('When the server fails with 5xx, then the create is retried with backoff and succeeds', async () => {
    allergyCreate().reply(503, operationOutcome('transient', 'busy'));
    allergyCreate().reply(500);
    allergyCreate().reply(201, created('a-5'));
    const { adapter, sleeps } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL, retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 } });
    await expect(adapter.upsertAllergy(allergyInput())).resolves.toEqual({ id: 'a-5', created: true });
    // Equal jitter with random() = 0.5: 75 then 150.
    expect(sleeps).toEqual([75, 150]);
  });

  it('When 5xx persists, then after the last try the error says retryable (for the queue)', async () => {
    allergyCreate().times(3).reply(502);
    const e = await fail(makeAdapter({ base: BASE, tokenUrl: TOKEN_URL }).adapter.upsertAllergy(allergyInput()));
    expect(e).toMatchObject({ kind: 'server', code: 'ehr.unavailable', httpStatus: 502, retryable: true });
  });

  it('When throttled (429 with Retry-After), then the wait honours it', async () => {
    allergyCreate().reply(429, '', { 'retry-after': '2' });
    allergyCreate().reply(201, created('a-6'));
    const { adapter, sleeps } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL, retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 5000 } });
    await expect(adapter.upsertAllergy(allergyInput())).resolves.toMatchObject({ id: 'a-6' });
    expect(sleeps).toEqual([2000]);
  });

  it('When the server is too slow (timeout), then the request is retried, and a lasting timeout is a typed error', async () => {
    allergyCreate().delay(400).reply(201, created('late'));
    allergyCreate().reply(201, created('a-7'));
    const { adapter } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL, timeoutMs: 100 });
    await expect(adapter.upsertAllergy(allergyInput())).resolves.toEqual({ id: 'a-7', created: true });

    patientSearch(['901']);
    allergyCreate().times(3).delay(400).reply(201, created('late'));
    const e = await fail(adapter.upsertAllergy(allergyInput()));
    expect(e).toMatchObject({ kind: 'timeout', code: 'ehr.unavailable', retryable: true });
  });

  it('When the patient is unknown to the EHR, then nothing is written and the error says so', async () => {
    resetNock();
    tokens('tok-1');
    patientSearch([]);
    const post = allergyCreate().reply(201, created('x'));
    const e = await fail(makeAdapter({ base: BASE, tokenUrl: TOKEN_URL }).adapter.upsertAllergy(allergyInput()));
    expect(e).toMatchObject({ kind: 'patient_not_found', code: 'ehr.patient_not_found', retryable: false });
    expect(post.isDone()).toBe(false);
  });

  it('When the HKID matches several patients, then lookup refuses to pick one', async () => {
    resetNock();
    tokens('tok-1');
    nock(ORIGIN).post('/fhir/Patient/_search').reply(200, bundle('Patient', ['1'], 2));
    const { adapter } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL });
    await expect(adapter.findPatient('A123456(3)')).rejects.toMatchObject({ kind: 'multiple_matches' });
  });

  it('When a report is shared, then a valid DocumentReference is created conditionally on its id', async () => {
    const bodies: unknown[] = [];
    nock(ORIGIN)
      .matchHeader('if-none-exist', 'identifier=https://consultbridge.hk/fhir/sid/shared-report|doc-1b2c3d')
      .post('/fhir/DocumentReference', (b) => (bodies.push(b), true))
      .reply(201, { resourceType: 'DocumentReference', id: 'd-1' });
    const { adapter } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL });
    await expect(adapter.shareDocumentReference(documentInput())).resolves.toEqual({ id: 'd-1', created: true });
    expect(fhirErrors(bodies[0])).toEqual([]);
  });

  it('When health is checked, then up needs an R4 CapabilityStatement, and a failure is down with a code (one try)', async () => {
    const { adapter, sleeps } = makeAdapter({ base: BASE, tokenUrl: TOKEN_URL });
    nock(ORIGIN).get('/fhir/metadata').reply(200, { resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    await expect(adapter.health()).resolves.toMatchObject({ status: 'up' });
    nock(ORIGIN).get('/fhir/metadata').reply(503);
    await expect(adapter.health()).resolves.toEqual({ status: 'down', code: 'ehr.unavailable:http.503' });
    nock(ORIGIN).get('/fhir/metadata').reply(200, { resourceType: 'CapabilityStatement', fhirVersion: '5.0.0' });
    await expect(adapter.health()).resolves.toEqual({ status: 'down', code: 'fhir_version' });
    expect(sleeps).toEqual([]);
  });
});

import nock from 'nock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EhrError } from '../../src/ehr/ehr-error.js';
import { ManualClock } from '../../src/shared/clock.js';
import { makeAdapter } from './ehr-fixtures.js';
import { BASE, ORIGIN, patientSearch, resetNock, TOKEN_URL, tokens } from './ehr-nock.js';

const adapterWith = (clock = new ManualClock()) => makeAdapter({ base: BASE, tokenUrl: TOKEN_URL, clock });

describe('EHR adapter: OAuth2 client credentials', () => {
  beforeEach(resetNock);
  afterAll(() => nock.enableNetConnect());

  it('When the EHR rejects the token (401), then a new token is fetched once and the call succeeds', async () => {
    const t = tokens('tok-1', 'tok-2');
    const rejected = nock(ORIGIN).matchHeader('authorization', 'Bearer tok-1').post('/fhir/Patient/_search').reply(401);
    const accepted = patientSearch(['901'], 'tok-2');
    const { adapter, sleeps } = adapterWith();
    await expect(adapter.findPatient('A123456(3)')).resolves.toEqual({ id: '901' });
    expect(t.isDone() && rejected.isDone() && accepted.isDone()).toBe(true);
    expect(sleeps).toEqual([]); // a refresh is not a backoff retry
  });

  it('When the fresh token is rejected too, then the call fails as auth without more tries', async () => {
    tokens('tok-1', 'tok-2');
    const rejected = nock(ORIGIN).post('/fhir/Patient/_search').times(2).reply(401);
    const extra = nock(ORIGIN).post('/fhir/Patient/_search').reply(200, {});
    const { adapter } = adapterWith();
    const e = await adapter.findPatient('A123456(3)').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EhrError);
    expect(e).toMatchObject({ kind: 'auth', code: 'ehr.unavailable', httpStatus: 401, retryable: false });
    expect(rejected.isDone()).toBe(true);
    expect(extra.isDone()).toBe(false);
  });

  it('When the token is still valid, then it is reused; near expiry it is fetched again', async () => {
    const clock = new ManualClock();
    const t = tokens('tok-1');
    patientSearch(['901'], 'tok-1');
    patientSearch(['901'], 'tok-1');
    const { adapter } = adapterWith(clock);
    await adapter.findPatient('A123456(3)');
    await adapter.findPatient('A123456(3)');
    expect(t.isDone()).toBe(true);
    // expires_in 3600 s, refreshed 60 s early.
    clock.advance(3_541_000);
    const t2 = tokens('tok-2');
    patientSearch(['901'], 'tok-2');
    await adapter.findPatient('A123456(3)');
    expect(t2.isDone()).toBe(true);
  });

  it('When several calls start without a token, then one token request serves them all', async () => {
    const t = tokens('tok-1');
    const later = tokens('tok-unused');
    for (let i = 0; i < 3; i++) patientSearch(['901'], 'tok-1');
    const { adapter } = adapterWith();
    await Promise.all([1, 2, 3].map(() => adapter.findPatient('A123456(3)')));
    expect(t.isDone()).toBe(true);
    expect(later.isDone()).toBe(false);
  });

  it('When the token endpoint refuses our credentials, then it is an auth error that names no secret', async () => {
    nock(ORIGIN).post('/oauth2/token').reply(401, { error: 'invalid_client' });
    const { adapter } = adapterWith();
    const e = (await adapter.findPatient('A123456(3)').catch((x: unknown) => x)) as EhrError;
    expect(e).toMatchObject({ kind: 'auth', op: 'oauth2.token', httpStatus: 401 });
    expect(JSON.stringify({ ...e, message: e.message })).not.toMatch(/s3cret|cb-client|A123456/);
  });

  it('When the token endpoint is briefly down, then the whole call is retried and succeeds', async () => {
    nock(ORIGIN).post('/oauth2/token').reply(503);
    tokens('tok-1');
    patientSearch(['901'], 'tok-1');
    const { adapter, sleeps } = adapterWith();
    await expect(adapter.findPatient('A123456(3)')).resolves.toEqual({ id: '901' });
    expect(sleeps).toHaveLength(1);
  });

  it('When the token answer is malformed, then it is a typed error', async () => {
    nock(ORIGIN).post('/oauth2/token').reply(200, { token_type: 'Bearer' });
    const { adapter } = adapterWith();
    await expect(adapter.findPatient('A123456(3)')).rejects.toMatchObject({ kind: 'malformed_response', code: 'ehr.rejected' });
  });
});

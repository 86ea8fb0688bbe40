import nock from 'nock';
import { HKID, HKID_SYSTEM } from './ehr-fixtures.js';

/** nock scopes for a FHIR server at https://ehr.test: token endpoint, patient search, and bundles. */
export const ORIGIN = 'https://ehr.test';
export const BASE = `${ORIGIN}/fhir`;
export const TOKEN_URL = `${ORIGIN}/oauth2/token`;

export const bundle = (type: string, ids: string[], total = ids.length) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total,
  entry: ids.map((id) => ({ resource: { resourceType: type, id }, search: { mode: 'match' } })),
});

export const operationOutcome = (code: string, diagnostics: string) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics, expression: ['AllergyIntolerance.reaction[0].manifestation'] }],
});

const form = (body: unknown) => new URLSearchParams(typeof body === 'string' ? body : (body as Record<string, string>));

/**
 * Answers client-credentials requests with the given tokens in turn. The secret `s3cret:&x` is
 * form-encoded before Basic (RFC 6749 Appendix B), so the wire carries `s3cret%3A%26x`.
 */
export function tokens(...values: string[]) {
  const scope = nock(ORIGIN);
  for (const t of values) {
    scope
      .post('/oauth2/token', (b) => form(b).get('grant_type') === 'client_credentials')
      .basicAuth({ user: 'cb-client', pass: 's3cret%3A%26x' })
      .reply(200, { access_token: t, token_type: 'Bearer', expires_in: 3600 });
  }
  return scope;
}

/** The patient search for HKID, sent as a POST form (so the HKID is in no URL). */
export function patientSearch(ids: string[] = ['901'], token?: string) {
  const scope = nock(ORIGIN);
  if (token) scope.matchHeader('authorization', `Bearer ${token}`);
  return scope.post('/fhir/Patient/_search', (b) => form(b).get('identifier') === `${HKID_SYSTEM}|${HKID}`).reply(200, bundle('Patient', ids));
}

export function resetNock(): void {
  nock.cleanAll();
  nock.disableNetConnect();
}

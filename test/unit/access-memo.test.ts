import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentRequest } from '../../src/domain/access/access-facts.js';
import { createPolicyEngine, loadPolicyEngine, type PolicyEngine } from '../../src/domain/access/policy-engine.js';
import { loadPolicies, SCHEMA_FILE } from '../../src/domain/access/policy-loader.js';
import { decidesByAttributesOnly } from '../../src/domain/access/policy-reads.js';
import { clinician, doc, POLICY_DIR } from './access-fixtures.js';
import { applyChange, build, comparable, expectSameDecisions } from './access-request-arbs.js';

/**
 * The policies of a policy file with `text` beside the shipped schema, parsed by the service's own loader
 * (so `conditions` and `openScope` come from Cedar as in production).
 */
function parseExtra(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cb-memo-'));
  writeFileSync(join(dir, SCHEMA_FILE), readFileSync(join(POLICY_DIR, SCHEMA_FILE)));
  writeFileSync(join(dir, 'extra.cedar'), text);
  return loadPolicies(dir).policies;
}

describe('remembering answers of policies that decide by attributes only', () => {
  let memo: PolicyEngine;
  let plain: PolicyEngine;
  beforeAll(() => {
    memo = loadPolicyEngine(POLICY_DIR, { validateRequests: false });
    plain = loadPolicyEngine(POLICY_DIR, { validateRequests: false, memoize: false });
  });

  it('the shipped policies decide by attributes only (so the memo is in use), and a policy that looks at who is asking turns it off', () => {
    const loaded = loadPolicies(POLICY_DIR);
    expect(decidesByAttributesOnly(loaded.policies)).toBe(true);
    const permit = (scope: string, when = 'true') => parseExtra(`@id("x") permit (${scope}) when { ${when} };`);
    expect(decidesByAttributesOnly(permit('principal, action, resource', 'principal.role == "doctor" && resource has restrictedCategory'))).toBe(true);
    expect(decidesByAttributesOnly(permit('principal, action, resource', 'principal == Clinician::"u-1"'))).toBe(false);
    expect(decidesByAttributesOnly(permit('principal, action, resource', 'resource in Case::"C-1"'))).toBe(false);
    expect(decidesByAttributesOnly(permit('principal, action, resource', 'principal is Clinician'))).toBe(false);
    expect(decidesByAttributesOnly(permit('principal, action, resource', '[principal].contains(Clinician::"u-1")'))).toBe(false);
    expect(decidesByAttributesOnly(permit('principal == Clinician::"u-1", action, resource'))).toBe(false);
    expect(decidesByAttributesOnly(permit('principal, action, resource == Document::"d-1"'))).toBe(false);
    // Policies built by hand (no JSON form, scope unknown): no memo.
    expect(decidesByAttributesOnly(loaded.policies.map(({ conditions: _, ...p }) => p))).toBe(false);
  });

  it('gives the same decision, policies and errors as asking Cedar every time, over many requests sharing one memo', () => {
    expectSameDecisions(memo, plain, 2000, 2);
  });

  it('asks Cedar when the resource is the principal, so an extra entity it would parse is never left out of the key', () => {
    // Found by the property above: the audit-log entity (with a value Cedar refuses) was sent but not keyed.
    const make = (broken: boolean) => {
      const req = build('readAudit', clinician({ role: 'auditor' }), doc(), { code: 'C-1', institutionIds: [], closed: false }, {}, false);
      if (broken) {
        applyChange(req, { kind: 'set', who: 'resource', name: 'case', value: { __entity: { type: 'if', id: 'x' } } });
        applyChange(req, { kind: 'resourceIsPrincipal' });
      } else applyChange(req, { kind: 'resourceIsPrincipal' });
      return req;
    };
    const engine = loadPolicyEngine(POLICY_DIR, { validateRequests: false });
    engine.decide(make(false));
    expect(comparable(engine.decide(make(true)), true)).toEqual(comparable(plain.decide(make(true)), true));
    expect(engine.decide(make(true)).errors).not.toEqual([]);
  });

  it('answers a second clinician like the first only when everything the policies read is the same', () => {
    const engine = loadPolicyEngine(POLICY_DIR, { validateRequests: false });
    const view = (id: string, over = {}, rel = {}) => documentRequest(clinician({ id, ...over }), 'view', doc(), { careRole: 'attending', patientConsentsToInstitution: true, ...rel });
    expect(engine.decide(view('u-1')).allowed).toBe(true);
    expect(engine.decide(view('u-2')).allowed).toBe(true); // same facts, another clinician: the remembered answer
    expect(engine.decide(view('u-3', { suspended: true })).allowed).toBe(false);
    expect(engine.decide(view('u-4', { verified: false })).policies).toEqual(['forbid-unverified']);
    expect(engine.decide(view('u-5', {}, { careRole: 'observer' })).allowed).toBe(false);
    expect(engine.decide(view('u-6', { role: 'admin' })).policies).toEqual(['forbid-content-non-clinical']);
  });

  it('keeps answering as Cedar does when a policy compares who is asking (memo off for that slice)', () => {
    const shipped = loadPolicies(POLICY_DIR);
    const loaded = { ...shipped, policies: [...shipped.policies, ...parseExtra('@id("self-only") forbid (principal, action == Action::"view", resource) when { principal == Clinician::"u-9" };')] };
    const engine = createPolicyEngine(loaded, { validateRequests: false });
    const view = (id: string) => documentRequest(clinician({ id }), 'view', doc(), { careRole: 'attending', patientConsentsToInstitution: true });
    expect(engine.decide(view('u-1')).allowed).toBe(true);
    expect(engine.decide(view('u-9'))).toMatchObject({ allowed: false, policies: ['self-only'] });
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentRequest } from '../../src/domain/access/access-facts.js';
import { createAttributePruner } from '../../src/domain/access/attribute-pruning.js';
import { ACCESS_ACTIONS, type CedarEntity } from '../../src/domain/access/access-vocabulary.js';
import { createPolicyEngine, loadPolicyEngine, type PolicyEngine } from '../../src/domain/access/policy-engine.js';
import { loadPolicies } from '../../src/domain/access/policy-loader.js';
import { clinician, doc, POLICY_DIR } from './access-fixtures.js';
import { build, caseArb, clinicianArb, comparable, documentArb, expectSameDecisions, relationArb } from './access-request-arbs.js';

describe('sending Cedar only the attributes the policies read', () => {
  let pruned: PolicyEngine;
  let full: PolicyEngine;
  let checked: PolicyEngine;
  beforeAll(() => {
    // The memo is off here: this compares pruning alone (access-memo.test.ts covers the memo).
    pruned = loadPolicyEngine(POLICY_DIR, { validateRequests: false, memoize: false });
    full = loadPolicyEngine(POLICY_DIR, { validateRequests: false, pruneAttributes: false, memoize: false });
    checked = loadPolicyEngine(POLICY_DIR);
  });

  it('decides requests from the builders as the schema-checked engine (used in tests) does', () => {
    const requestArb = fc.tuple(fc.constantFrom(...ACCESS_ACTIONS), clinicianArb, documentArb, caseArb, relationArb, fc.boolean());
    fc.assert(
      fc.property(requestArb, ([action, c, d, k, rel, onDocument]) => {
        const req = build(action, c, d, k, rel, onDocument);
        const fast = pruned.decide(req);
        expect(fast.errors).toEqual([]);
        expect(comparable(fast, true)).toEqual(comparable(checked.decide(req), true));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same decision, policies, errors and missing conditions as sending everything', () => {
    expectSameDecisions(pruned, full, 1500, 3);
  });

  it('reads the conditions from Cedar when policies come without their JSON form, and decides the same', () => {
    const loaded = loadPolicies(POLICY_DIR);
    expect(loaded.policies.every((p) => Array.isArray(p.conditions))).toBe(true);
    const bare = createPolicyEngine(
      { ...loaded, policies: loaded.policies.map(({ conditions: _, ...p }) => p) },
      { validateRequests: false },
    );
    const requestArb = fc.tuple(fc.constantFrom(...ACCESS_ACTIONS), clinicianArb, documentArb, caseArb, relationArb, fc.boolean());
    fc.assert(
      fc.property(requestArb, ([action, c, d, k, rel, onDocument]) => {
        const req = build(action, c, d, k, rel, onDocument);
        expect(comparable(bare.decide(req), true)).toEqual(comparable(pruned.decide(req), true));
      }),
      { numRuns: 200 },
    );
  });

  it('leaves out the attributes the slice never reads, and only those', () => {
    const types = new Set(['Clinician', 'Institution', 'Case', 'Document', 'AuditLog']);
    const prune = createAttributePruner({ principal: new Set(['role', 'institution']), resource: new Set(['authorInstitution']) }, types);
    const req = documentRequest(clinician(), 'view', doc(), {});
    const [principal, resource] = prune(req) as [CedarEntity, CedarEntity];
    expect(Object.keys(principal.attrs).sort()).toEqual(['institution', 'role']);
    expect(Object.keys(resource.attrs)).toEqual(['authorInstitution']);
    expect(req.entities![1]!.attrs.case).toBeDefined(); // the caller's request is not changed
  });

  it('keeps a value Cedar would refuse, so the request still fails closed', () => {
    const prune = createAttributePruner({ principal: new Set(), resource: new Set() }, new Set(['Institution']));
    const req = documentRequest(clinician(), 'view', doc(), {});
    req.entities![0]!.attrs.note = 1.5;
    expect(prune(req)[0]!.attrs).toEqual({ note: 1.5 });
  });

  it('keeps what either role reads when the principal is also the resource', () => {
    const prune = createAttributePruner({ principal: new Set(['role']), resource: new Set(['authorInstitution']) }, new Set(['Institution']));
    const req = documentRequest(clinician(), 'view', doc(), {});
    req.resource = req.principal;
    req.entities![0]!.attrs.authorInstitution = { __entity: { type: 'Institution', id: 'QMH' } };
    expect(Object.keys(prune(req)[0]!.attrs).sort()).toEqual(['authorInstitution', 'role']);
  });

  it('sends entities untouched when the principal appears twice', () => {
    const prune = createAttributePruner({ principal: new Set(), resource: new Set() }, new Set(['Institution']));
    const req = documentRequest(clinician(), 'view', doc(), {});
    req.entities!.push(req.entities![0]!);
    expect(prune(req)).toBe(req.entities);
  });
});

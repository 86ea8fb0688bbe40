import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLogRequest,
  caseRequest,
  directoryRequest,
  documentRequest,
  type CaseFacts,
  type ClinicianFacts,
  type DocumentFacts,
  type RelationFacts,
} from '../../src/domain/access/access-facts.js';
import { createAttributePruner } from '../../src/domain/access/attribute-pruning.js';
import { ACCESS_ACTIONS, type AccessAction, type AccessRequest, type CedarEntity } from '../../src/domain/access/access-vocabulary.js';
import { createPolicyEngine, loadPolicyEngine, type AccessDecision, type PolicyEngine } from '../../src/domain/access/policy-engine.js';
import { loadPolicies } from '../../src/domain/access/policy-loader.js';
import { clinician, doc, POLICY_DIR } from './access-fixtures.js';

const institutions = ['QMH', 'HKSH', ''];

const clinicianArb: fc.Arbitrary<ClinicianFacts> = fc.record({
  id: fc.constantFrom('u-1', 'u-2', 'QMH'),
  institutionId: fc.constantFrom(...institutions),
  role: fc.constantFrom('doctor', 'nurse', 'pharmacist', 'admin', 'privacy_officer', 'auditor', null),
  verified: fc.boolean(),
  suspended: fc.boolean(),
});
const documentArb: fc.Arbitrary<DocumentFacts> = fc.record({
  id: fc.constantFrom('d-1', 'd-2'),
  caseCode: fc.constantFrom('C-1', 'C-2'),
  authorInstitutionId: fc.constantFrom(...institutions),
  restrictedCategory: fc.option(fc.constantFrom('psychiatry', 'hiv'), { nil: null }),
});
const caseArb: fc.Arbitrary<CaseFacts> = fc.record({
  code: fc.constantFrom('C-1', 'C-2'),
  institutionIds: fc.uniqueArray(fc.constantFrom(...institutions), { maxLength: 3 }),
});
const relationArb: fc.Arbitrary<RelationFacts> = fc.record(
  {
    careRole: fc.constantFrom('attending', 'consulting', 'referring', 'observer', ''),
    hasGrant: fc.boolean(),
    hasBreakGlass: fc.boolean(),
    patientConsentsToInstitution: fc.boolean(),
    hasRestrictedConsent: fc.boolean(),
    step: fc.constantFrom('attending', 'privacy'),
    isRequester: fc.boolean(),
  },
  { requiredKeys: [] },
);

function build(action: AccessAction, c: ClinicianFacts, d: DocumentFacts, k: CaseFacts, rel: RelationFacts, onDocument: boolean): AccessRequest {
  switch (action) {
    case 'view':
      return documentRequest(c, 'view', d, rel);
    case 'requestAccess':
      return onDocument ? documentRequest(c, 'requestAccess', d, rel) : caseRequest(c, 'requestAccess', k, rel);
    case 'readAudit':
      return auditLogRequest(c);
    case 'manageDirectory':
      return directoryRequest(c, onDocument ? c.institutionId : 'HKSH');
    default:
      return caseRequest(c, action, k, rel);
  }
}

/** Values Cedar accepts and values it refuses (each must leave the decision as it was). */
const junkArb: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  true,
  7,
  2 ** 60,
  1.5,
  null,
  undefined,
  'text',
  '\ud800',
  [1, 'a', { __entity: { type: 'Institution', id: 'QMH' } }],
  [null],
  { __entity: { type: 'Institution', id: 'QMH' } },
  { __entity: { type: 'Unknown', id: 'x' } },
  { __entity: { type: 'if', id: 'x' } },
  { __entity: { type: 'Case', id: 'C-1', extra: 1 } },
  { __extn: { fn: 'ip', arg: '10.0.0.1' } },
  { __x: 1 },
  { a: { b: [true] } },
  JSON.parse('['.repeat(200) + ']'.repeat(200)),
  2n,
);
const nameArb = fc.constantFrom('case', 'institution', 'institutions', 'role', 'verified', 'suspended', 'authorInstitution', 'restrictedCategory', 'extra', '__proto__');

type Change =
  | { kind: 'set'; who: 'principal' | 'resource'; name: string; value: unknown }
  | { kind: 'delete'; who: 'principal' | 'resource'; name: string }
  | { kind: 'duplicate'; who: 'principal' | 'resource'; differ: boolean }
  | { kind: 'escapedUid' }
  | { kind: 'otherEntity' }
  | { kind: 'resourceIsPrincipal' };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), who: fc.constantFrom('principal' as const, 'resource' as const), name: nameArb, value: junkArb }),
  fc.record({ kind: fc.constant('delete' as const), who: fc.constantFrom('principal' as const, 'resource' as const), name: nameArb }),
  fc.record({ kind: fc.constant('duplicate' as const), who: fc.constantFrom('principal' as const, 'resource' as const), differ: fc.boolean() }),
  fc.constantFrom<Change>({ kind: 'escapedUid' }, { kind: 'otherEntity' }, { kind: 'resourceIsPrincipal' }),
);

function applyChange(req: AccessRequest, ch: Change): void {
  const entities = req.entities!;
  if (ch.kind === 'otherEntity') {
    entities.push({ uid: { type: 'Institution', id: 'QMH' }, attrs: { name: 'Queen Mary' }, parents: [] });
    return;
  }
  if (ch.kind === 'resourceIsPrincipal') {
    req.resource = req.principal;
    return;
  }
  const principal = entities.find((x) => x.uid.type === req.principal.type && x.uid.id === req.principal.id)!;
  if (ch.kind === 'escapedUid') {
    // The same entity again, its uid spelled the other way Cedar accepts: fine while both copies are equal.
    entities.push({ ...principal, uid: { __entity: req.principal } as never });
    return;
  }
  const uid = req[ch.who];
  const e = entities.find((x) => x.uid.type === uid.type && x.uid.id === uid.id)!;
  if (ch.kind === 'duplicate') entities.push({ ...e, attrs: ch.differ ? { ...e.attrs, extra: 1 } : e.attrs });
  else if (ch.kind === 'delete') delete e.attrs[ch.name];
  else Object.defineProperty(e.attrs, ch.name, { value: ch.value, enumerable: true, writable: true, configurable: true });
}

/**
 * Errors are compared exactly when the request holds at most one bad value. With several, Cedar names
 * only the first it meets, in hash order, which depends on what else was sent; then both must still fail.
 * JSON parse errors also name a column of the text sent, shorter when attributes are left out. Policy
 * errors come in the order of Cedar's policy map, which differs between two engines.
 */
const comparable = (d: AccessDecision, exactErrors: boolean) => ({
  ...d,
  policies: [...d.policies].sort(),
  errors: exactErrors ? d.errors.map((e) => e.replace(/ at line \d+ column \d+$/, '')).sort() : d.errors.length > 0,
});

describe('sending Cedar only the attributes the policies read', () => {
  let pruned: PolicyEngine;
  let full: PolicyEngine;
  let checked: PolicyEngine;
  beforeAll(() => {
    pruned = loadPolicyEngine(POLICY_DIR, { validateRequests: false });
    full = loadPolicyEngine(POLICY_DIR, { validateRequests: false, pruneAttributes: false });
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
    const requestArb = fc
      .tuple(fc.constantFrom(...ACCESS_ACTIONS), clinicianArb, documentArb, caseArb, relationArb, fc.boolean(), fc.array(changeArb, { maxLength: 3 }))
      .map(([action, c, d, k, rel, onDocument, changes]) => ({ action, c, d, k, rel, onDocument, changes }));
    fc.assert(
      fc.property(requestArb, ({ action, c, d, k, rel, onDocument, changes }) => {
        // Each engine gets its own copy: a decision must not depend on what the other did to the request.
        const make = () => {
          const req = build(action, c, d, k, rel, onDocument);
          for (const ch of changes) applyChange(req, ch);
          return req;
        };
        const exact = changes.filter((ch) => ch.kind === 'set').length <= 1;
        expect(comparable(pruned.decide(make()), exact)).toEqual(comparable(full.decide(make()), exact));
      }),
      { numRuns: 1500 },
    );
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

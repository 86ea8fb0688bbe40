/**
 * Generators of access requests for property tests of the engine's fast paths (attribute pruning,
 * decision memo): requests from the builders, and changes that make them odd or invalid.
 */
import fc from 'fast-check';
import {
  auditLogRequest,
  caseRequest,
  directoryRequest,
  documentRequest,
  ruleSetRequest,
  type CaseFacts,
  type ClinicianFacts,
  type DocumentFacts,
  type RelationFacts,
} from '../../src/domain/access/access-facts.js';
import { expect } from 'vitest';
import { ACCESS_ACTIONS, type AccessAction, type AccessRequest } from '../../src/domain/access/access-vocabulary.js';
import type { AccessDecision } from '../../src/domain/access/policy-engine.js';

export const institutions = ['QMH', 'HKSH', ''];

export const clinicianArb: fc.Arbitrary<ClinicianFacts> = fc.record({
  id: fc.constantFrom('u-1', 'u-2', 'QMH'),
  institutionId: fc.constantFrom(...institutions),
  role: fc.constantFrom('doctor', 'nurse', 'pharmacist', 'admin', 'privacy_officer', 'auditor', null),
  verified: fc.boolean(),
  suspended: fc.boolean(),
});
export const documentArb: fc.Arbitrary<DocumentFacts> = fc.record({
  id: fc.constantFrom('d-1', 'd-2'),
  caseCode: fc.constantFrom('C-1', 'C-2'),
  authorInstitutionId: fc.constantFrom(...institutions),
  restrictedCategory: fc.option(fc.constantFrom('psychiatry', 'hiv'), { nil: null }),
  caseClosed: fc.boolean(),
});
export const caseArb: fc.Arbitrary<CaseFacts> = fc.record({
  code: fc.constantFrom('C-1', 'C-2'),
  institutionIds: fc.uniqueArray(fc.constantFrom(...institutions), { maxLength: 3 }),
  closed: fc.boolean(),
});
export const relationArb: fc.Arbitrary<RelationFacts> = fc.record(
  {
    careRole: fc.constantFrom('attending', 'consulting', 'referring', 'observer', ''),
    hasGrant: fc.boolean(),
    hasBreakGlass: fc.boolean(),
    hasConsultGrant: fc.boolean(),
    patientConsentsToInstitution: fc.boolean(),
    hasRestrictedConsent: fc.boolean(),
    step: fc.constantFrom('attending', 'privacy'),
    isRequester: fc.boolean(),
  },
  { requiredKeys: [] },
);

export function build(action: AccessAction, c: ClinicianFacts, d: DocumentFacts, k: CaseFacts, rel: RelationFacts, onDocument: boolean): AccessRequest {
  switch (action) {
    case 'view':
      return documentRequest(c, 'view', d, rel);
    case 'requestAccess':
      return onDocument ? documentRequest(c, 'requestAccess', d, rel) : caseRequest(c, 'requestAccess', k, rel);
    case 'readAudit':
      return auditLogRequest(c);
    case 'manageDirectory':
      return directoryRequest(c, onDocument ? c.institutionId : 'HKSH');
    case 'reviewRules':
      return ruleSetRequest(c, '1.2.0');
    default:
      return caseRequest(c, action, k, rel);
  }
}

/** Values Cedar accepts and values it refuses (each must leave the decision as it was). */
export const junkArb: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
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
export const nameArb = fc.constantFrom('case', 'institution', 'institutions', 'role', 'verified', 'suspended', 'authorInstitution', 'restrictedCategory', 'extra', '__proto__');

export type Change =
  | { kind: 'set'; who: 'principal' | 'resource'; name: string; value: unknown }
  | { kind: 'delete'; who: 'principal' | 'resource'; name: string }
  | { kind: 'duplicate'; who: 'principal' | 'resource'; differ: boolean }
  | { kind: 'escapedUid' }
  | { kind: 'otherEntity' }
  | { kind: 'resourceIsPrincipal' };

export const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), who: fc.constantFrom('principal' as const, 'resource' as const), name: nameArb, value: junkArb }),
  fc.record({ kind: fc.constant('delete' as const), who: fc.constantFrom('principal' as const, 'resource' as const), name: nameArb }),
  fc.record({ kind: fc.constant('duplicate' as const), who: fc.constantFrom('principal' as const, 'resource' as const), differ: fc.boolean() }),
  fc.constantFrom<Change>({ kind: 'escapedUid' }, { kind: 'otherEntity' }, { kind: 'resourceIsPrincipal' }),
);

export function applyChange(req: AccessRequest, ch: Change): void {
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
export const comparable = (d: AccessDecision, exactErrors: boolean) => ({
  ...d,
  policies: [...d.policies].sort(),
  errors: exactErrors ? d.errors.map((e) => e.replace(/ at line \d+ column \d+$/, '')).sort() : d.errors.length > 0,
});


/**
 * Property: engines `a` and `b` give the same decision, policies and errors (and missing conditions) for
 * builder requests with up to `maxChanges` odd or invalid changes. Each engine gets its own copy of the
 * request: a decision must not depend on what the other did to it.
 */
export function expectSameDecisions(a: { decide(r: AccessRequest): AccessDecision }, b: { decide(r: AccessRequest): AccessDecision }, numRuns: number, maxChanges: number): void {
  const requestArb = fc
    .tuple(fc.constantFrom(...ACCESS_ACTIONS), clinicianArb, documentArb, caseArb, relationArb, fc.boolean(), fc.array(changeArb, { maxLength: maxChanges }))
    .map(([action, c, d, k, rel, onDocument, changes]) => ({ action, c, d, k, rel, onDocument, changes }));
  fc.assert(
    fc.property(requestArb, ({ action, c, d, k, rel, onDocument, changes }) => {
      const make = () => {
        const req = build(action, c, d, k, rel, onDocument);
        for (const ch of changes) applyChange(req, ch);
        return req;
      };
      const exact = changes.filter((ch) => ch.kind === 'set').length <= 1;
      expect(comparable(a.decide(make()), exact)).toEqual(comparable(b.decide(make()), exact));
    }),
    { numRuns },
  );
}

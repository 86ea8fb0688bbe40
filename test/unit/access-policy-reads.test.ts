import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../src/domain/access/policy-loader.js';
import { attributeReads, type AttributeReads } from '../../src/domain/access/policy-reads.js';
import { POLICY_DIR } from './access-fixtures.js';

function est(text: string): cedar.PolicyJson {
  const json = cedar.policyToJson(text);
  if (json.type === 'failure') throw new Error(json.errors.map((e) => e.message).join('; '));
  return json.json;
}

const readsOf = (...texts: string[]) => attributeReads(texts.map(est));
const sorted = (r: AttributeReads | null) => r && { principal: [...r.principal].sort(), resource: [...r.resource].sort() };

describe('attributeReads', () => {
  const shipped = loadPolicies(POLICY_DIR).policies;
  const slice = (action: string) => shipped.filter((p) => p.actions === 'all' || p.actions.includes(action as never)).map((p) => est(p.text));

  it('finds what the shipped view policies read: not the document case', () => {
    expect(sorted(attributeReads(slice('view')))).toEqual({
      principal: ['institution', 'role', 'suspended', 'verified'],
      resource: ['authorInstitution', 'restrictedCategory'],
    });
  });

  it('finds that share reads only whether the case is closed, and decideRequest the case institutions too', () => {
    expect(sorted(attributeReads(slice('share')))).toEqual({ principal: ['role', 'suspended', 'verified'], resource: ['closed'] });
    expect(sorted(attributeReads(slice('decideRequest')))).toEqual({
      principal: ['institution', 'role', 'suspended', 'verified'],
      resource: ['closed', 'institutions'],
    });
  });

  it('counts `has` with a path as a read of its first attribute', () => {
    expect(sorted(readsOf('permit (principal, action, resource) when { principal has a.b.c && resource has d };'))).toEqual({
      principal: ['a'],
      resource: ['d'],
    });
  });

  it('allows reading context fields and comparing entities without reading them', () => {
    expect(sorted(readsOf('permit (principal in Group::"g", action, resource) when { context.x && resource == principal };'))).toEqual({
      principal: [],
      resource: [],
    });
  });

  it.each([
    ['an attribute of an attribute', 'permit (principal, action, resource) when { resource.case.open };'],
    ['a nested context field (it may be an entity)', 'permit (principal, action, resource) when { context.who.role == "x" };'],
    ['an attribute of an entity literal', 'permit (principal, action, resource) when { Clinician::"u-1".role == "x" };'],
    ['an attribute of the action', 'permit (principal, action, resource) when { action.risky };'],
    ['an attribute of a conditional', 'permit (principal, action, resource) when { (if context.a then principal else resource).role == "x" };'],
    ['tags', 'permit (principal, action, resource) when { principal.hasTag("t") };'],
    ['a record literal with fields named like an operator (read conservatively)', 'permit (principal, action, resource) when { {"has": principal, "attr": "role"} == context.r };'],
  ])('cannot tell (null) for %s', (_name, text) => {
    expect(readsOf('permit (principal, action, resource) when { principal.role == "doctor" };', text)).toBeNull();
  });
});

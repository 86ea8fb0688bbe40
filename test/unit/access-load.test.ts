import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicyEngine } from '../../src/domain/access/policy-engine.js';
import { SCHEMA_FILE } from '../../src/domain/access/policy-loader.js';
import { POLICY_DIR } from './access-fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the real policy folder, with `extra` files written over it. */
function policyCopy(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cb-policies-'));
  dirs.push(dir);
  for (const f of readdirSync(POLICY_DIR)) copyFileSync(join(POLICY_DIR, f), join(dir, f));
  for (const [f, text] of Object.entries(extra)) writeFileSync(join(dir, f), text);
  return dir;
}

function refusal(dir: string): { code?: string; message: string } {
  try {
    loadPolicyEngine(dir);
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected the load to be refused');
}

describe('loading the access policies', () => {
  it('loads the shipped policies and lists every @id', () => {
    const engine = loadPolicyEngine(policyCopy());
    expect(engine.policyIds).toContain('view-care-team');
    expect(engine.policyIds).toContain('forbid-suspended');
    expect(new Set(engine.policyIds).size).toBe(engine.policyIds.length);
  });

  it('refuses policy text that does not parse, naming the file', () => {
    const e = refusal(policyCopy({ '90-bad.cedar': '@id("broken")\npermit (principal, action, resource) when { principal. };' }));
    expect(e.code).toBe('config.invalid');
    expect(e.message).toContain('90-bad.cedar');
  });

  it('refuses a policy that uses an attribute the schema does not have, naming the policy', () => {
    const e = refusal(policyCopy({ '90-bad.cedar': '@id("vip-view")\npermit (principal, action == Action::"view", resource) when { principal.isVip };' }));
    expect(e.code).toBe('config.invalid');
    expect(e.message).toContain('vip-view');
  });

  it('refuses a policy without an @id', () => {
    const e = refusal(policyCopy({ '90-bad.cedar': 'permit (principal, action == Action::"readAudit", resource);' }));
    expect(e.message).toMatch(/@id/);
  });

  it('refuses a duplicate @id', () => {
    const e = refusal(policyCopy({ '90-bad.cedar': '@id("view-care-team")\nforbid (principal, action, resource) when { false };' }));
    expect(e.message).toContain('duplicate policy id "view-care-team"');
  });

  it('refuses a schema that does not parse', () => {
    const e = refusal(policyCopy({ [SCHEMA_FILE]: 'entity Clinician { role: Strin' }));
    expect(e.code).toBe('config.invalid');
    expect(e.message).toContain(SCHEMA_FILE);
  });

  it('refuses a schema that lacks one of our actions', () => {
    const schema = readFileSync(join(POLICY_DIR, SCHEMA_FILE), 'utf8').replace(
      /action manageDirectory appliesTo[^;]*;/,
      '',
    );
    const e = refusal(policyCopy({ [SCHEMA_FILE]: schema, '30-oversight.cedar': '' }));
    expect(e.message).toContain('manageDirectory');
  });

  it('refuses a folder with no schema', () => {
    const dir = policyCopy();
    rmSync(join(dir, SCHEMA_FILE));
    expect(refusal(dir).message).toContain(SCHEMA_FILE);
  });
});

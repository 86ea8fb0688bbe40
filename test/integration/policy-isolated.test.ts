import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPoliciesIsolated } from '../../src/domain/access/load-policies-isolated.js';
import { loadPolicies } from '../../src/domain/access/policy-loader.js';
import { POLICY_DIR } from '../../src/domain/access/policy-dir.js';

describe('policies checked in a child process at start', () => {
  it('returns exactly what the in-process loader returns', async () => {
    expect(await loadPoliciesIsolated(POLICY_DIR)).toEqual(JSON.parse(JSON.stringify(loadPolicies(POLICY_DIR))));
  });
  it('refuses a policy that does not validate, with Cedar’s message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-pol-'));
    try {
      cpSync(POLICY_DIR, dir, { recursive: true });
      writeFileSync(join(dir, '99-bad.cedar'), '@id("bad") permit(principal, action == Action::"view", resource) when { principal.nope == 1 };');
      await expect(loadPoliciesIsolated(dir)).rejects.toMatchObject({ code: 'config.invalid' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPoliciesIsolated } from '../../src/domain/access/load-policies-isolated.js';
import { policyFolderKey, writeCheckedPolicies } from '../../src/domain/access/policy-check-cache.js';
import { loadPolicies } from '../../src/domain/access/policy-loader.js';
import { POLICY_DIR } from '../../src/domain/access/policy-dir.js';

const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
const copyOfPolicies = () => {
  const dir = temp('cb-pol-');
  cpSync(POLICY_DIR, dir, { recursive: true });
  return dir;
};
const badPolicy = '@id("bad") permit(principal, action == Action::"view", resource) when { principal.nope == 1 };';

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('policies checked in a child process at start', () => {
  it('returns exactly what the in-process loader returns, and keeps the answer keyed by the files', async () => {
    const cache = temp('cb-polcache-');
    expect(await loadPoliciesIsolated(POLICY_DIR, cache)).toEqual(JSON.parse(JSON.stringify(loadPolicies(POLICY_DIR))));
    expect(readdirSync(cache)).toEqual([`${policyFolderKey(POLICY_DIR)}.json`]);
  });

  it('refuses a policy that does not validate, with Cedar’s message', async () => {
    const dir = copyOfPolicies();
    writeFileSync(join(dir, '99-bad.cedar'), badPolicy);
    await expect(loadPoliciesIsolated(dir, temp('cb-polcache-'))).rejects.toMatchObject({ code: 'config.invalid' });
  });

  it('uses a kept answer only for the very same files: an edited policy is checked again', async () => {
    const dir = copyOfPolicies();
    const cache = temp('cb-polcache-');
    const key = policyFolderKey(dir)!;
    // A kept answer for these files is used as it is (no new check: the marker comes back).
    writeCheckedPolicies(cache, key, { schema: {}, policies: [{ id: 'from-cache', file: 'x', text: '', effect: 'permit', actions: 'all' }] });
    expect((await loadPoliciesIsolated(dir, cache)).policies.map((p) => p.id)).toEqual(['from-cache']);
    // Any edit changes the key, so the stale answer cannot hide a policy that no longer validates.
    writeFileSync(join(dir, '99-bad.cedar'), badPolicy);
    expect(policyFolderKey(dir)).not.toBe(key);
    await expect(loadPoliciesIsolated(dir, cache)).rejects.toMatchObject({ code: 'config.invalid' });
    // A refusal is not kept.
    expect(readdirSync(cache)).toEqual([`${key}.json`]);
  });

  it('an unreadable policy folder is refused as invalid config, not a crash', async () => {
    await expect(loadPoliciesIsolated(join(temp('cb-pol-'), 'missing'), temp('cb-polcache-'))).rejects.toMatchObject({ code: 'config.invalid' });
  });
});

import { loadPoliciesIsolated } from '../domain/access/load-policies-isolated.js';
import { POLICY_DIR } from '../domain/access/policy-dir.js';

/**
 * `npm run build` ends here: checks the shipped policies once (a policy that does not validate fails
 * the build) and leaves the answer in the policy-check cache, so `npm start` need not check them again.
 */
try {
  const loaded = await loadPoliciesIsolated(POLICY_DIR);
  process.stdout.write(`policies checked: ${loaded.policies.length} policies\n`);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = 1;
}

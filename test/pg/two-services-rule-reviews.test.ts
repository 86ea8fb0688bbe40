import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../src/compose/service.js';
import { DISABLED_RULES_TTL_MS } from '../../src/domain/clinical/rule-review-book.js';
import { silentLogger } from '../../src/shared/logger.js';
import { pgAvailable, usePgDatabase } from '../helpers/pg-test-db.js';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { sharedKeyEnv } from '../helpers/shared-key-env.js';

/**
 * Issue 11: the pharmacist's disabled interaction rules on two service instances on one PostgreSQL.
 * A rule disabled (or enabled again) through one instance is skipped (or checked again) by the other's
 * interaction checks within the short cache time, not only after a restart.
 */
describe.skipIf(!pgAvailable())('two services on one PostgreSQL: rule reviews', () => {
  const database = usePgDatabase('tworules');
  const clock = new ManualClock();
  let a: Harness;
  let b: Service;

  beforeAll(async () => {
    a = await startHarness({ clock, env: { DATABASE_URL: database.url(), ...sharedKeyEnv() } });
    b = await createService(a.service.config, { logger: silentLogger, clock, instanceId: 'b' });
  });
  afterAll(async () => {
    await b?.stop().catch(() => undefined);
    await a?.close();
  });

  it('a rule disabled through instance a is skipped by instance b within the cache time, and checked again once re-enabled', async () => {
    const rule = a.service.ruleReviews.book.ruleSet().rules[0]!;
    const blank = { signedOffBy: null, signedOffAt: null, disabledBy: null, disabledAt: null, disabledReason: null, enabledBy: null, enabledAt: null, enabledReason: null };
    // b has checked before (its cache holds "nothing disabled").
    expect((await b.ruleReviews.book.disabledRuleIds()).has(rule.id)).toBe(false);

    await a.service.ruleReviews.book.save(rule.id, { ...blank, disabledBy: 'pharm-1', disabledAt: clock.now(), disabledReason: 'duplicate of a local rule', updatedAt: clock.now() });
    expect((await a.service.ruleReviews.book.disabledRuleIds()).has(rule.id)).toBe(true);
    clock.advance(DISABLED_RULES_TTL_MS);
    expect((await b.ruleReviews.book.disabledRuleIds()).has(rule.id)).toBe(true);

    await a.service.ruleReviews.book.save(rule.id, { ...blank, enabledBy: 'pharm-2', enabledAt: clock.now(), enabledReason: 'needed after all', updatedAt: clock.now() });
    clock.advance(DISABLED_RULES_TTL_MS);
    expect((await b.ruleReviews.book.disabledRuleIds()).has(rule.id)).toBe(false);
  });
});

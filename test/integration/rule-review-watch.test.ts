import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, WONG } from '../helpers/sharing-flow.js';
import { alertCase, alertWorld, type AlertWorld } from './alert-fixture.js';
import { listAlerts, prescribe } from './interaction-fixture.js';
import { HO, makeHkid } from './sharing-edge-fixture.js';

const PHARMACIST = 'qmh-tsang-kawai';
const RULE = 'anticoag-vka-nsaids';

/**
 * A rule the pharmacist disables stops alerting in the running service (the interaction watch reads the
 * RuleReviews port on each check); re-enabled, it alerts again on the next entry.
 */
describe('a disabled interaction rule and the interaction watch', () => {
  let w: AlertWorld;
  let code: string;
  const rules = (action: 'disable' | 'enable', reason: string) =>
    asUser(w.h, w.app, PHARMACIST, { method: 'POST', url: `/api/app/rules/${RULE}/${action}`, payload: { reason } });
  const alertRules = async () => ((await listAlerts(w, HO, code)).json() as { alerts: { ruleId: string }[] }).alerts.map((a) => a.ruleId);

  beforeAll(async () => {
    w = await alertWorld();
    code = await alertCase(w, makeHkid('R', '314159'));
  });
  afterAll(async () => w?.close());

  it('warfarin + an NSAID raise no alert while the rule is disabled, and one once it is re-enabled', async () => {
    expect((await rules('disable', 'Trial: local anticoagulation service reviews these')).statusCode).toBe(200);
    expect((await prescribe(w, code, HO, 'Warfarin 3 mg')).unresolved).toEqual([]);
    expect((await prescribe(w, code, WONG, 'Ibuprofen 400 mg')).unresolved).toEqual([]); // resolved, so checked
    expect(await alertRules()).not.toContain(RULE);

    expect((await rules('enable', 'Trial over')).statusCode).toBe(200);
    await prescribe(w, code, WONG, 'Naproxen 250 mg');
    expect(await alertRules()).toContain(RULE);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInteractionChecker, type CaseProduct } from '../../src/domain/clinical/interaction-checker.js';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';

const PHARMACIST = 'qmh-tsang-kawai';
const DOCTOR = 'qmh-chan-taiman';
const ADMIN = 'qmh-cb-admin';

/** Issue 13 item 2: a pharmacist reviews the interaction rules in the mini-app; nobody else may. */
describe('interaction rule review (pharmacists)', () => {
  let w: AuthWorld;
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    w.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const auditRows = async (action: string) => {
    await w.h.service.audit.flush();
    return w.h.service.db.sqlite.prepare('SELECT actor, target, outcome, reason FROM audit_entries WHERE action = ? ORDER BY idx').all(action) as Array<Record<string, string | null>>;
  };

  beforeAll(async () => {
    w = await authWorld();
    for (const u of [PHARMACIST, DOCTOR, ADMIN]) tokens[u] = (await w.login(u)).accessToken;
  }, 30_000);
  afterAll(() => w?.close());

  it('lists the rule set version and every rule, not reviewed, with sides, citations and counts', async () => {
    const res = await call(PHARMACIST, 'GET', '/api/app/rules');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.version).toBe('1.2.0');
    expect(body.rules.length).toBe(body.counts.total);
    expect(body.counts).toMatchObject({ reviewed: 0, disabled: 0, notReviewed: body.counts.total });
    const first = body.rules[0];
    expect(first).toMatchObject({ id: 'onc01-amphetamines-maoi', severity: 'contraindicated', state: { status: 'not_reviewed', signedOff: null } });
    expect(first.b[0]).toMatchObject({ classId: 'maoi', members: expect.arrayContaining(['phenelzine', 'moclobemide']) });
    expect(first.citations[0]).toMatch(/^PMID 22539083/);
  });

  it('refuses a doctor and an admin: 403 rule.pharmacist_only, and the attempt to change is audited as denied', async () => {
    for (const who of [DOCTOR, ADMIN]) {
      const list = await call(who, 'GET', '/api/app/rules');
      expect(list.statusCode, list.body).toBe(403);
      expect(list.json().code).toBe('rule.pharmacist_only');
    }
    const res = await call(DOCTOR, 'POST', '/api/app/rules/onc01-amphetamines-maoi/disable', { reason: 'I do not like it' });
    expect(res.statusCode).toBe(403);
    expect(await w.h.service.ruleReviews.book.disabledRuleIds()).not.toContain('onc01-amphetamines-maoi');
    expect(await auditRows(AUDIT_ACTIONS.ruleDisabled)).toEqual([
      { actor: w.clinicianId(DOCTOR), target: 'onc01-amphetamines-maoi@1.2.0', outcome: 'denied', reason: 'not_pharmacist' },
    ]);
  });

  it('disable needs a reason (400 rule.reason_required); with one, the port returns the rule id and the page says who and why', async () => {
    const rule = 'onc02-atazanavir-ppi';
    for (const reason of ['', '  ', 'no']) {
      const res = await call(PHARMACIST, 'POST', `/api/app/rules/${rule}/disable`, { reason });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('rule.reason_required');
    }
    const missing = await call(PHARMACIST, 'POST', `/api/app/rules/${rule}/disable`, {});
    expect(missing.statusCode).toBe(400);
    expect(await w.h.service.ruleReviews.book.disabledRuleIds()).not.toContain(rule);

    const res = await call(PHARMACIST, 'POST', `/api/app/rules/${rule}/disable`, { reason: ' Covered by our local PPI protocol alert ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toMatchObject({ status: 'disabled', disabled: { reason: 'Covered by our local PPI protocol alert', by: { nameEn: 'TSANG Ka-wai' } } });
    expect(await w.h.service.ruleReviews.book.disabledRuleIds()).toContain(rule);
    // What the interaction watch does with the port: the disabled rule no longer alerts on its pair.
    const checker = createInteractionChecker(w.h.service.ruleReviews.book.ruleSet);
    const drug = (name: string): CaseProduct => ({ name, resolution: { entry: `drug.${name}`, canonical: name, ingredients: [name], how: 'exact', score: 1 } });
    const pair = [drug('atazanavir'), drug('omeprazole')];
    expect(checker.check(pair).alerts.map((a) => a.rule)).toContain(rule);
    expect(checker.check(pair, { disabledRules: await w.h.service.ruleReviews.book.disabledRuleIds() }).alerts.map((a) => a.rule)).not.toContain(rule);
    const again = await call(PHARMACIST, 'POST', `/api/app/rules/${rule}/disable`, { reason: 'twice' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('rule.state_changed');

    const back = await call(PHARMACIST, 'POST', `/api/app/rules/${rule}/enable`, { reason: 'Local protocol withdrawn' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().state).toMatchObject({ status: 'not_reviewed', disabled: null, enabled: { reason: 'Local protocol withdrawn' } });
    expect(await w.h.service.ruleReviews.book.disabledRuleIds()).not.toContain(rule);
    expect(checker.check(pair, { disabledRules: await w.h.service.ruleReviews.book.disabledRuleIds() }).alerts.map((a) => a.rule)).toContain(rule);
    const target = `${rule}@1.2.0`;
    const pharmacist = w.clinicianId(PHARMACIST);
    expect((await auditRows(AUDIT_ACTIONS.ruleDisabled)).filter((r) => r.target === target)).toEqual([{ actor: pharmacist, target, outcome: 'success', reason: null }]);
    expect(await auditRows(AUDIT_ACTIONS.ruleEnabled)).toEqual([{ actor: pharmacist, target, outcome: 'success', reason: null }]);
  });

  it('sign-off marks the rule reviewed by name, once; unknown rules answer 404; the console shows the counts', async () => {
    const res = await call(PHARMACIST, 'POST', '/api/app/rules/onc01-amphetamines-maoi/sign-off');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toMatchObject({ status: 'reviewed', signedOff: { by: { nameEn: 'TSANG Ka-wai', role: 'pharmacist' } } });
    expect((await call(PHARMACIST, 'POST', '/api/app/rules/onc01-amphetamines-maoi/sign-off')).statusCode).toBe(409);
    const unknown = await call(PHARMACIST, 'POST', '/api/app/rules/no-such-rule/sign-off');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('rule.not_found');
    expect(await auditRows(AUDIT_ACTIONS.ruleSignedOff)).toEqual([
      { actor: w.clinicianId(PHARMACIST), target: 'onc01-amphetamines-maoi@1.2.0', outcome: 'success', reason: null },
    ]);
    const list = (await call(PHARMACIST, 'GET', '/api/app/rules')).json();
    expect(list.counts).toMatchObject({ reviewed: 1, disabled: 0 });

    const admin = await w.app.inject({ method: 'POST', url: '/api/auth/admin-token', headers: bearer(tokens[ADMIN]!) });
    expect(admin.statusCode, admin.body).toBe(200);
    const summary = await w.app.inject({ url: '/api/admin/clinical/rules', headers: bearer(admin.json().token) });
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json()).toEqual({ version: '1.2.0', counts: list.counts });
  });
});

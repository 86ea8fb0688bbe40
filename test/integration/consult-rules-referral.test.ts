import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, lastCardTo, openCase, press, shareReport } from '../helpers/sharing-flow.js';
import { makeHkid } from './sharing-edge-fixture.js';
import { addHphCardiologists, fakeOnCall, KO, YEUNG } from './referral-fixture.js';

/**
 * Issue 14 "done when": an ECG flagged by a rule opens a referral by itself — through the real SDK,
 * the simulator and the real referral module. Dr Chan (QMH, attending) shares an ECG flagged STEMI?;
 * nobody refers it, yet the first-call cardiologist at HPH (the fallback institution) gets an emergency
 * referral card, Dr Chan is told which rule opened it, and the rule gives nobody access: the
 * cardiologist can open the ECG only after accepting (the referral's consult grant).
 */
describe('a rule-triggered consult through the real referral module', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  const onCall = fakeOnCall(() => h, { 'HPH:cardiology': { first: [YEUNG], second: [KO] } });
  const cardsTo = (userId: string) => h.sim.sent.filter((s) => s.via === 'card' && (s.userIds ?? []).includes(userId));
  const viewToken = (userId: string, documentId: string) => asUser(h, app, userId, { method: 'POST', url: `/api/app/documents/${documentId}/view-token` });

  beforeAll(async () => {
    h = await startHarness({ env: { REFERRAL_FALLBACK_INSTITUTIONS: 'HPH' }, service: { onCall } });
    addHphCardiologists(h);
    app = await appFor(h);
    code = await openCase(h, h.demo.groups.cardiologyConsult, makeHkid('S', '246802'), [{ institutionCode: 'HPH', status: 'granted' }]);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When an ECG flagged STEMI? is shared, then an emergency cardiology referral opens by itself, the attending is told the rule, and access comes only with acceptance', async () => {
    const docId = await shareReport(h, app, h.demo.groups.cardiologyConsult, CHAN, code, undefined, '?type=ecg&flag=STEMI%3F');

    const card = await eventually(() => cardsTo(YEUNG)[0], 15_000, 'the first call’s referral card');
    expect(card.text).toContain(`Referral · ${code} · Emergency`);
    const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
    const [referral] = await h.service.referrals.repo.forCase(caseId);
    expect(referral).toMatchObject({ requesterId: null, specialty: 'cardiology', severity: 'emergency', institutionId: 'HPH', triggerRuleId: 'ecg-stemi', triggerItemType: 'document', triggerItemId: docId });
    expect(onCall.asked.at(-1)).toMatchObject({ institutionId: 'HPH', specialty: 'cardiology' });

    // The attending (Dr Chan) is told 1:1 which rule opened it; the flag itself never reaches chat.
    const told = await eventually(() => h.sim.sent.find((s) => s.via === 'oto' && s.text.includes('ecg-stemi')), 15_000, 'the attending’s notice');
    expect(told.text).toContain(code);
    expect(JSON.stringify(h.sim.sent)).not.toContain('STEMI?');

    // The rule grants nothing: the cardiologist cannot open the ECG until he accepts the referral.
    expect((await viewToken(YEUNG, docId)).statusCode).toBe(403);
    const ok = await press(h, lastCardTo(h, YEUNG).outTrackId!, YEUNG, { action: 'referral_accept', referralId: referral!.id });
    expect(ok.text).toContain('Accepted');
    expect((await viewToken(YEUNG, docId)).statusCode).toBe(200);

    // Fired once: the firing is recorded with its referral, and the case screen tags the ECG.
    expect(await h.service.repos.ruleFirings.forItem('document', docId)).toEqual([expect.objectContaining({ ruleId: 'ecg-stemi', referralId: referral!.id })]);
    const view = (await asUser(h, app, CHAN, { method: 'GET', url: `/api/app/cases/${code}` })).json() as { consultTriggers: unknown[] };
    expect(view.consultTriggers).toEqual([{ ruleId: 'ecg-stemi', itemType: 'document', documentId: docId, firedAt: expect.any(Number), referralOpened: true, referralId: expect.any(String) }]);
  }, 90_000);
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, openCase, shareReport, WONG } from '../helpers/sharing-flow.js';
import { ask, auditMark, auditSince, clinicianId, makeHkid, pressDecision, requestByText } from './sharing-edge-fixture.js';

/**
 * Approving a request the policy would still refuse (the requester's institution lacks the patient's
 * consent, a restricted category without extra consent) warns the approver and names what is missing,
 * instead of granting something useless. Card, text and mini-app API.
 */
describe('approving what the policy would still refuse', () => {
  let h: Harness;
  let app: FastifyInstance;
  let group: string;
  let noConsent: string;
  let noConsentDoc: string;

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    group = h.sim.org.addGroup({ title: 'Consult approve', memberIds: [CHAN, WONG] }).openConversationId;
    noConsent = await openCase(h, group, makeHkid('G', '223606'), []);
    noConsentDoc = await shareReport(h, app, group, CHAN, noConsent);
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const caseIdOf = async (code: string) => (await h.service.secure.cases.queries.findCase(code)).id;
  const grantOf = async (docId: string, code: string) => (await h.service.secure.grants.activeGrantFor(clinicianId(h, WONG), docId, await caseIdOf(code))).hasGrant;

  it('When the attending presses Approve but the patient has not consented to the requester’s institution, then nothing is granted and the card names the missing consent', async () => {
    const { card, requestId } = await requestByText(h, noConsent, WONG);
    const mark = await auditMark(h);
    const from = h.sim.sent.length;
    const answer = await pressDecision(h, card, CHAN, 'approve');
    expect(answer).toContain('未批准');
    expect(answer).toContain('病人未向海濱私家醫院給予互通同意'); // Dr Chan reads Chinese
    expect(await grantOf(noConsentDoc, noConsent)).toBe(false);
    expect((await h.service.secure.approvals.get(requestId)).status).toBe('pending');
    const denied = await auditSince(h, mark, { action: 'access.approved' });
    expect(denied).toMatchObject([{ actor: clinicianId(h, CHAN), target: requestId, outcome: 'denied', reason: 'would_not_open:sharing_consent' }]);
    // The requester is not told "Access granted".
    expect(h.sim.sent.slice(from).some((s) => (s.userIds ?? []).includes(WONG) && s.text.includes('approved your access'))).toBe(false);
  });

  it('When the attending types `approve C-…`, then the reply names the missing consent too', async () => {
    const reply = await ask(h, group, CHAN, `@ConsultBridge approve ${noConsent}`);
    expect(reply).toContain('病人未向海濱私家醫院給予互通同意');
    expect(await grantOf(noConsentDoc, noConsent)).toBe(false);
  });

  it('When the approver uses the mini-app, then the answer is 409 approval.would_not_open with the missing conditions', async () => {
    const pending = await h.service.secure.approvals.pendingFor(clinicianId(h, CHAN), [noConsentDoc]);
    const res = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/requests/${pending[0]!.id}/decide?lang=en`, payload: { decision: 'approve' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'approval.would_not_open', missing: ['sharing_consent'] });
    expect(res.json().message).toContain('has not given sharing consent to Harbourside Private Hospital');
    // Denying still works.
    const deny = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/requests/${pending[0]!.id}/decide`, payload: { decision: 'deny' } });
    expect(deny.statusCode).toBe(200);
  });

  it('When the report is in a restricted category without extra consent, then approval names that condition', async () => {
    const restrictedGroup = h.sim.org.addGroup({ title: 'Consult restricted', memberIds: [CHAN, WONG] }).openConversationId;
    const code = await openCase(h, restrictedGroup, makeHkid('G', '244949'), [{ institutionCode: 'HPH', status: 'granted' }]);
    const docId = await shareReport(h, app, restrictedGroup, CHAN, code, undefined, '?restricted=hiv');
    const { card } = await requestByText(h, code, WONG);
    const answer = await pressDecision(h, card, CHAN, 'approve');
    expect(answer).toContain('受限類別');
    expect(await grantOf(docId, code)).toBe(false);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, LAM, viewAs, viewToken, WONG } from '../helpers/sharing-flow.js';
import { ask, auditSince, caseWithReport, clinicianId, makeHkid, otoTo, requestByText, sentSince } from './sharing-edge-fixture.js';

const HOUR = 3_600_000;
type Button = { label: string; action: string; params: Record<string, string> };
const buttonsOf = (card: { raw: unknown }) => JSON.parse((card.raw as { cardData: { cardParamMap: { buttons: string } } }).cardData.cardParamMap.buttons) as Button[];

/**
 * Grants and cases (issue 12 item 5) through the real SDK, the simulator, the service and HTTP: the
 * approver picks how long access runs, a grant can be revoked (card, chat, mini-app) and stops views at
 * once, the attending closes and re-opens a case, and a consent change tells the clinicians it affects.
 */
describe('grants and cases', () => {
  let h: Harness;
  let app: FastifyInstance;
  let group: string;
  let code: string;
  let docId: string;
  let caseId: string;
  /** From the first test: the approval card and the GP's "approved" message. */
  let first: { cardId: string; grantedText: string };
  const liveGrant = async (userId: string) => (await h.service.secure.grants.activeGrantFor(clinicianId(h, userId), docId, caseId)).hasGrant;
  /** Any message (group or 1:1) to `userId` or in `group` after `from` whose text contains `needle`. */
  const heard = (from: number, needle: string | RegExp, who: { userId?: string; group?: string }) =>
    sentSince(h, from, (s) => (who.userId ? (s.userIds ?? []).includes(who.userId) : s.conversationId === who.group) && (typeof needle === 'string' ? s.text.includes(needle) : needle.test(s.text)));

  /** The service's case authoriser asked directly (bypassing every use-case guard), from the current rows. */
  const policySays = async (userId: string, action: 'share' | 'requestAccess' | 'manageCase') => {
    const row = (await h.service.directoryRepo.findByDingTalkId(userId))!;
    const facts = await h.service.secure.cases.queries.caseFacts(caseId, row.id);
    return h.service.secure.authorize({ clinician: row, trusted: row.verified && !row.suspended }, action, facts);
  };

  /** WONG asks for the report by text and Dr Chan approves on the card with `duration` (default: the ★ button). */
  async function grantWong(duration?: string) {
    const { card } = await requestByText(h, code, WONG);
    const approve = buttonsOf(card).find((b) => b.params.decision === 'approve' && (!duration || b.params.duration === duration))!;
    const from = h.sim.sent.length;
    const response = await h.sim.clickCard({ outTrackId: card.outTrackId!, userId: CHAN, params: { action: approve.action, ...approve.params } });
    const granted = await otoTo(h, from, WONG);
    return { card, approve, response, granted };
  }

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ group, code, docId } = await caseWithReport(h, app, { hkid: makeHkid('G', '135791') }));
    caseId = (await h.service.secure.cases.queries.findCase(code)).id;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the approver picks 4 hours on the card, then the grant runs 4 h, the decided card says until when and offers only [Revoke]', async () => {
    const { card } = await requestByText(h, code, WONG);
    const approves = buttonsOf(card).filter((b) => b.params.decision === 'approve');
    // continuing_care defaults to 72 h: that choice comes first and is starred; Dr Chan reads Chinese.
    expect(approves.map((b) => b.params.duration)).toEqual(['72h', '4h', '24h', '7d']);
    expect(approves[0]!.label).toBe('批准 · 72 小時 ★');
    const four = approves.find((b) => b.params.duration === '4h')!;
    const at = h.service.clock.now();
    const from = h.sim.sent.length;
    const response = (await h.sim.clickCard({ outTrackId: card.outTrackId!, userId: CHAN, params: { action: four.action, ...four.params } })) as { cardData: { cardParamMap: { status: string; buttons: string } } };
    expect(response.cardData.cardParamMap.status).toMatch(/有效至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const left = JSON.parse(response.cardData.cardParamMap.buttons) as Button[];
    expect(left).toEqual([{ label: '撤銷存取權', action: 'revoke', params: { grantId: expect.any(String) } }]);
    first = { cardId: card.outTrackId!, grantedText: (await otoTo(h, from, WONG)).text };
    const grant = await h.service.secure.grants.find(left[0]!.params.grantId!);
    expect(grant!.expiresAt - grant!.createdAt).toBe(4 * HOUR);
    expect(grant!.createdAt).toBeGreaterThanOrEqual(at);
  });

  it('When the attending presses [Revoke], then the grant ends at once, a view token already issued stops working, the GP is told 1:1, and it is audited', async () => {
    const grantId = (await h.service.secure.grants.liveOnCase(caseId)).find((g) => g.clinicianId === clinicianId(h, WONG))!.id;
    const token = await viewToken(h, app, first.grantedText, WONG);
    const from = h.sim.sent.length;
    await h.sim.clickCard({ outTrackId: first.cardId, userId: CHAN, params: { action: 'revoke', grantId } });
    expect((await heard(from, /revoked your access on/, { userId: WONG })).text).toContain(code);
    expect(await liveGrant(WONG)).toBe(false);
    const res = await viewAs(h, app, token, WONG);
    expect(res.statusCode).toBe(403);
    const revoked = await auditSince(h, 0, { action: 'grant.revoked' });
    expect(revoked).toMatchObject([{ actor: clinicianId(h, CHAN), target: docId, outcome: 'success', reason: 'revoked' }]);
  });

  it('When a consultant types `revoke C-… @GP`, then it is refused (not the attending nor the approver); the attending’s own `revoke` works', async () => {
    await grantWong();
    expect(await liveGrant(WONG)).toBe(true);
    const from = h.sim.sent.length;
    h.sim.say(group, LAM, `@ConsultBridge revoke ${code} @WONG`, { atUserIds: [WONG] });
    await heard(from, /can't do that|沒有此權限/, { userId: LAM }).catch(() => heard(from, /can't do that|沒有此權限/, { group }));
    expect(await liveGrant(WONG)).toBe(true);
    const reply = await ask(h, group, CHAN, `@ConsultBridge revoke ${code} @WONG`, [WONG]);
    expect(reply).toContain('已結束');
    expect(await liveGrant(WONG)).toBe(false);
    expect(await ask(h, group, CHAN, `@ConsultBridge revoke ${code}`)).toContain(`revoke ${code} @`);
  });

  it('When the GP holds a grant and the attending revokes it from the mini-app, then the case screen’s grant list empties', async () => {
    await grantWong('24h');
    const list = await asUser(h, app, CHAN, { method: 'GET', url: `/api/app/cases/${code}/grants` });
    expect(list.statusCode).toBe(200);
    const grants = list.json() as Array<{ grantId: string; grantee: { id: string }; mayRevoke: boolean; expiresAt: number; createdAt: number }>;
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ grantee: { id: clinicianId(h, WONG) }, mayRevoke: true });
    expect(grants[0]!.expiresAt - grants[0]!.createdAt).toBe(24 * HOUR);
    expect((await asUser(h, app, WONG, { method: 'GET', url: `/api/app/cases/${code}/grants` })).statusCode).toBe(403);
    const res = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/grants/${grants[0]!.grantId}/revoke` });
    expect(res.json()).toMatchObject({ caseCode: code, granteeId: clinicianId(h, WONG), ended: 1 });
    expect(await liveGrant(WONG)).toBe(false);
    const again = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/grants/${grants[0]!.grantId}/revoke` });
    expect(again.json()).toMatchObject({ code: 'grant.none_live' });
  });

  it('When a consent change withdraws the GP’s institution, then the GP is told he can no longer open the case’s documents; granting it back tells him he can', async () => {
    await grantWong();
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    const submit = async (status: 'granted' | 'withdrawn') => {
      const { intentId } = await h.service.secure.cases.consent.startConsentForm(chan, code);
      const res = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/forms/consent/${intentId}`, payload: { consents: [{ institutionCode: 'HPH', status }] } });
      expect(res.statusCode).toBe(200);
    };
    let from = h.sim.sent.length;
    await submit('withdrawn');
    const lost = await heard(from, 'can no longer open', { userId: WONG });
    expect(lost.text).toContain(code);
    from = h.sim.sent.length;
    await submit('granted');
    expect((await heard(from, 'can now open', { userId: WONG })).text).toContain(code);
    // Nobody else's access changed (the QMH team is unaffected): no notice to them.
    const consentNotice = (s: { text: string }) => s.text.includes('Consent changed') || s.text.includes('同意已更改');
    expect(h.sim.sent.filter((s) => consentNotice(s) && ((s.userIds ?? []).includes(LAM) || (s.userIds ?? []).includes(CHAN)))).toEqual([]);
  });

  it('When a consultant types `close`, then it is refused; when the attending closes the case, then grants end, the team and the GP are told, and share/request/burn/alert are refused as case.closed', async () => {
    expect(await liveGrant(WONG)).toBe(true);
    let from = h.sim.sent.length;
    h.sim.say(group, LAM, `@ConsultBridge close ${code}`);
    await heard(from, /can't do that|沒有此權限/, { userId: LAM }).catch(() => heard(from, /can't do that|沒有此權限/, { group }));
    from = h.sim.sent.length;
    const reply = await ask(h, group, CHAN, `@ConsultBridge close ${code}`);
    expect(reply).toContain(`個案 ${code} 已結束`);
    expect(reply).toContain('已結束 1 項存取權');
    await heard(from, new RegExp(`closed case ${code}|已結束個案 ${code}`), { userId: LAM });
    expect((await heard(from, `closed case ${code}; your access`, { userId: WONG })).text).toContain(code);
    expect(await liveGrant(WONG)).toBe(false);
    expect((await h.service.secure.cases.queries.findCase(code)).status).toBe('closed');

    // Read-only: every way to add something is refused with the coded, two-language error.
    const closedEn = 'This case is closed';
    const closedZh = '此個案已結束';
    from = h.sim.sent.length;
    h.sim.say(group, CHAN, `@ConsultBridge share ${code}`);
    await heard(from, closedZh, { userId: CHAN }).catch(() => heard(from, closedZh, { group }));
    from = h.sim.sent.length;
    h.sim.dm(WONG, `@ConsultBridge request ${code} continuing_care`);
    await heard(from, closedEn, { userId: WONG });
    from = h.sim.sent.length;
    h.sim.say(group, CHAN, `@ConsultBridge burn ${code}`);
    await heard(from, closedZh, { userId: CHAN }).catch(() => heard(from, closedZh, { group }));
    from = h.sim.sent.length;
    h.sim.say(group, CHAN, `@ConsultBridge allergy-alert ${code}`);
    await heard(from, closedZh, { userId: CHAN }).catch(() => heard(from, closedZh, { group }));
    for (const [url, payload] of [
      [`/api/app/cases/${code}/burn`, { text: 'hello', burnAfterSeconds: 30 }],
      [`/api/app/documents/${docId}/request`, { reasonCode: 'continuing_care' }],
    ] as const) {
      const res = await asUser(h, app, url.includes('request') ? WONG : CHAN, { method: 'POST', url, payload });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'case.closed' });
    }
    // The policy holds by itself: asked directly, with no use-case guard in the way, the service's own
    // authorisers refuse sharing into the closed case and asking for or deciding access on it.
    expect(await policySays(CHAN, 'share')).toEqual({ allowed: false, policies: ['forbid-closed-case'] });
    expect(await policySays(WONG, 'requestAccess')).toEqual({ allowed: false, policies: ['forbid-closed-case'] });
    expect(await policySays(CHAN, 'manageCase')).toEqual({ allowed: true, policies: ['manage-case-attending'] });
    // Still readable by the team: the attending's own view works.
    const view = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/documents/${docId}/view-token` });
    expect(view.statusCode).toBe(200);
    const audit = await auditSince(h, 0, { action: 'case.closed' });
    expect(audit.map((a) => [a.actor, a.outcome])).toEqual([
      [clinicianId(h, LAM), 'denied'],
      [clinicianId(h, CHAN), 'success'],
    ]);
  });

  it('When the attending re-opens it from the mini-app, then the team is told and sharing works again', async () => {
    const from = h.sim.sent.length;
    const res = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/cases/${code}/status`, payload: { status: 'open' } });
    expect(res.json()).toEqual({ caseCode: code, status: 'open', grantsEnded: 0 });
    await heard(from, new RegExp(`re-opened case ${code}|已重新開啟個案 ${code}`), { userId: LAM });
    expect((await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/cases/${code}/status`, payload: { status: 'open' } })).statusCode).toBe(409);
    const burn = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/cases/${code}/burn`, payload: { text: 'hello', burnAfterSeconds: 30 } });
    expect(burn.statusCode).toBe(201);
    expect((await auditSince(h, 0, { action: 'case.reopened' })).map((a) => a.outcome)).toEqual(['success']);
    expect(await policySays(CHAN, 'share')).toEqual({ allowed: true, policies: ['share-care-team'] });
    expect(await policySays(WONG, 'requestAccess')).toEqual({ allowed: true, policies: ['request-access-clinical-staff'] });
  });
});

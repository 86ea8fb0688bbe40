import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, LAM, WONG, openCase, shareReport } from '../helpers/sharing-flow.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';

describe('doctor API: inbox, case view, request → approve → view with a token bound to the viewer', () => {
  let w: AuthWorld;
  let code: string;
  let docId: string;
  const tok: Record<string, string> = {};
  const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
    w.app.inject({ method, url, payload, headers: bearer(tok[who]!) });

  beforeAll(async () => {
    w = await authWorld();
    const group = w.h.demo.groups.cardiologyConsult;
    code = await openCase(w.h, group, 'A123456(3)', [{ institutionCode: 'HPH', status: 'granted' }]);
    docId = await shareReport(w.h, w.app, group, CHAN, code, undefined, '?type=discharge_summary');
    for (const u of [CHAN, LAM, WONG]) tok[u] = (await w.login(u)).accessToken;
  }, 30_000);
  afterAll(() => w.close());

  it('Given no token, when the inbox is asked for, then 401 with a coded error', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/app/inbox' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.required' });
  });

  it('The reasons list carries every purpose-of-use code with both labels', async () => {
    const res = await call('GET', '/api/app/reasons', WONG);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toContainEqual({ code: 'continuing_care', en: 'Continuing care (referring doctor)', zh: '持續護理（轉介醫生）' });
  });

  it('The case view shows the team with roles and the document to its attending; an outsider gets 403, an unknown code too', async () => {
    const res = await call('GET', `/api/app/cases/${code}`, CHAN);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.code).toBe(code);
    expect(body.myCareRole).toBe('attending');
    expect(body.team).toContainEqual(expect.objectContaining({ nameZh: '陳大文', careRole: 'attending', verified: true, institutionCode: 'QMH' }));
    expect(body.documents.map((d: { documentId: string }) => d.documentId)).toEqual([docId]);
    expect(JSON.stringify(body)).not.toMatch(/TEST Patient|A123456|1950/);
    expect((await call('GET', `/api/app/cases/${code}`, WONG)).statusCode).toBe(403);
    expect((await call('GET', '/api/app/cases/C-ZZZZZ', CHAN)).json()).toMatchObject({ code: 'access.denied' });
  });

  it('Wong (not on the team) is refused a view token with reasons, requests access, Chan sees it and approves with a note, and Wong views a PDF stamped with his name', async () => {
    const refused = await call('POST', `/api/app/documents/${docId}/view-token`, WONG);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().reasons.length).toBeGreaterThan(0);
    // Wong's DingTalk language is English; the app may ask for the words in its own language.
    expect(refused.json().message).toBe('You can’t open this yet.');
    const zh = (await call('POST', `/api/app/documents/${docId}/view-token?lang=zh`, WONG)).json();
    expect(zh.message).toBe('你暫時不能開啟此文件。');
    expect(zh.reasons.join('')).toMatch(/[\u4e00-\u9fff]/);

    expect((await call('POST', `/api/app/documents/${docId}/request`, WONG, { reasonCode: 'made_up' })).statusCode).toBe(400);
    const asked = await call('POST', `/api/app/documents/${docId}/request`, WONG, { reasonCode: 'continuing_care' });
    expect(asked.statusCode).toBe(200);
    const { requestId } = asked.json();
    expect(asked.json().status).toBe('pending');
    // Asking twice returns the same request.
    expect((await call('POST', `/api/app/documents/${docId}/request`, WONG, { reasonCode: 'continuing_care' })).json().requestId).toBe(requestId);

    const wongInbox = (await call('GET', '/api/app/inbox', WONG)).json();
    expect(wongInbox.myRequests).toEqual([expect.objectContaining({ requestId, caseCode: code, status: 'pending', reasonCode: 'continuing_care' })]);
    const chanInbox = (await call('GET', '/api/app/inbox', CHAN)).json();
    expect(chanInbox.toDecide).toEqual([expect.objectContaining({ requestId, caseCode: code, documentId: docId, requester: expect.objectContaining({ nameZh: '黃小明', institutionCode: 'HPH' }) })]);
    // Lam is consulting, not attending: nothing to decide.
    expect((await call('GET', '/api/app/inbox', LAM)).json().toDecide).toEqual([]);
    expect((await call('POST', `/api/app/requests/${requestId}/decide`, LAM, { decision: 'approve' })).statusCode).toBeGreaterThanOrEqual(400);

    const decided = await call('POST', `/api/app/requests/${requestId}/decide`, CHAN, { decision: 'approve', reason: 'ok for follow-up' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().status).toBe('approved');
    expect((await call('POST', `/api/app/requests/${requestId}/decide`, CHAN, { decision: 'approve' })).statusCode).toBe(409);
    expect((await w.h.service.secure.approvals.get(requestId)).steps[0]?.note).toBe('ok for follow-up');

    // With the grant the case opens for him too.
    expect((await call('GET', `/api/app/cases/${code}`, WONG)).statusCode).toBe(200);

    const issued = await call('POST', `/api/app/documents/${docId}/view-token`, WONG);
    expect(issued.statusCode).toBe(200);
    const { url, token } = issued.json();
    expect(url).toBe('/api/app/documents/view');
    expect(url).not.toContain(token);

    // A forwarded token is useless to anyone else, even a team member, and the refusal is audited.
    const forwarded = await call('POST', url, CHAN, { token });
    expect(forwarded.statusCode).toBe(403);
    await w.h.service.audit.flush();
    const refusals = w.h.service.db.sqlite.prepare("SELECT actor, target, outcome FROM audit_entries WHERE action = 'access.decision' AND reason = 'token.other_viewer'").all();
    expect(refusals).toEqual([{ actor: w.clinicianId(CHAN), target: docId, outcome: 'denied' }]);
    expect((await w.app.inject({ method: 'POST', url, payload: { token } })).statusCode).toBe(401);

    const view = await call('POST', url, WONG, { token });
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('application/pdf');
    expect(view.headers['cache-control']).toBe('no-store');
    const text = await extractPdfText(view.rawPayload);
    expect(text.pages[0]!.text).toContain('黃小明');
    expect(text.pages[0]!.text).toContain('Echo report');
    // The watermark's footer line names what it is, in the viewer's language (Dr Wong reads English); never its title.
    expect(text.pages[0]!.text.replace(/\s+/g, ' ')).toMatch(/Confidential · Discharge summary · Viewed by/);

    const chanCase = (await call('GET', `/api/app/cases/${code}`, CHAN)).json();
    expect(chanCase.documents[0].openedBy).toEqual([expect.objectContaining({ person: expect.objectContaining({ nameZh: '黃小明' }), viewCount: 1 })]);
    expect((await call('GET', '/api/app/inbox', WONG)).json().myRequests[0].status).toBe('approved');
  }, 30_000);

  it('When the attending denies with a note, the requester sees it denied, no view token is issued, and the note stays out of the audit', async () => {
    const HO = 'qmh-ho-wingyee';
    tok[HO] = (await w.login(HO)).accessToken;
    const { requestId } = (await call('POST', `/api/app/documents/${docId}/request`, HO, { reasonCode: 'second_opinion' })).json();
    const denied = await call('POST', `/api/app/requests/${requestId}/decide?lang=en`, CHAN, { decision: 'deny', reason: 'not-needed-xyz' });
    expect(denied.statusCode).toBe(200);
    expect(denied.json()).toMatchObject({ status: 'denied', message: 'Denied; the requester has been told.' });
    expect((await call('GET', '/api/app/inbox', HO)).json().myRequests).toEqual([expect.objectContaining({ requestId, status: 'denied' })]);
    expect((await call('POST', `/api/app/documents/${docId}/view-token`, HO)).statusCode).toBe(403);
    await w.h.service.audit.flush();
    expect(JSON.stringify(w.h.service.db.sqlite.prepare('SELECT * FROM audit_entries').all())).not.toContain('not-needed-xyz');
    expect((await call('POST', `/api/app/requests/${requestId}/decide`, CHAN, { decision: 'maybe' })).json()).toMatchObject({ code: 'request.invalid' });
  });

  it('A team member who has not opened the new report finds it in the inbox', async () => {
    const group = w.h.demo.groups.cardiologyConsult;
    const chan = await w.h.service.directory.resolveOrEnroll(CHAN, '');
    await w.h.service.secure.cases.team.addMember(chan, code, LAM, 'consulting', group);
    const lam = (await call('GET', '/api/app/inbox', LAM)).json();
    expect(lam.newDocuments).toEqual([expect.objectContaining({ documentId: docId, caseCode: code, author: expect.objectContaining({ nameZh: '陳大文' }) })]);
  });
});

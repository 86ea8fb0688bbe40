import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { makePdf } from '../fixtures/make-pdf.js';
import { burnCase, sendBurnDocument, sendBurnText, WATERMARK } from './burn-fixture.js';

const SECRET = 'K+ 6.8 — repeat before 17:00';

describe('mini-app: opening a burn-after-reading item', () => {
  let w: AuthWorld;
  let code: string;
  beforeAll(async () => {
    w = await authWorld();
    code = await burnCase(w.h, 'A123456(3)');
  }, 30_000);
  afterAll(() => w.close());

  const open = async (userId: string, itemId: string) =>
    w.app.inject({ method: 'POST', url: `/api/app/burn/${itemId}/open`, headers: bearer((await w.login(userId)).accessToken) });

  it('A recipient opens the text: their countdown starts, runs down with the clock, and at the deadline the answer is 410 burned', async () => {
    const itemId = await sendBurnText(w.h, w.app, code, SECRET, '10s');
    const first = await open(LAM, itemId);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 10, watermark: WATERMARK });
    expect(first.headers['cache-control']).toBe('no-store');
    // The screen stamps the viewer over the text (DingTalk 密聊 style): Dr Lam's own name, role and the HK time now.
    expect((first.json() as { watermark: unknown }).watermark).toEqual({ name: expect.stringContaining('LAM Ka-ming'), role: 'doctor', at: expect.stringMatching(/HKT$/) });

    w.clock.advance(4_000);
    expect((await open(LAM, itemId)).json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 6, watermark: WATERMARK });
    // Dr Wong's countdown is his own: it starts at his first open, not Dr Lam's.
    expect((await open(WONG, itemId)).json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 10, watermark: WATERMARK });

    w.clock.advance(6_000); // Dr Lam's deadline
    const late = await open(LAM, itemId);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'burned' });
    expect(late.body).not.toContain('K+');
    expect((await open(WONG, itemId)).json()).toMatchObject({ remainingSeconds: 4 });
  });

  it('The author is not a recipient: 403 and no text; an unknown item is 404', async () => {
    const itemId = await sendBurnText(w.h, w.app, code, SECRET, '10s');
    const res = await open(CHAN, itemId);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'access.denied' });
    expect(res.body).not.toContain('K+');
    expect((await open(LAM, 'eph_00000000000000000000000000000000')).statusCode).toBe(404);
  });

  it('A document is not sent back as JSON: I get a burn view token bound to me, and my countdown starts when the PDF is fetched', async () => {
    const itemId = await sendBurnDocument(w.h, w.app, code, await makePdf({ text: 'Burn ECG' }), '10s');
    const res = await open(LAM, itemId);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ kind: 'document', remainingSeconds: null, url: '/api/app/burn/view' });
    expect(out.text).toBeUndefined();
    expect(w.h.service.burn.viewTokens.verify(out.token, w.clock.now())).toMatchObject({ d: itemId, v: w.clinicianId(LAM) });
    const view = async (userId: string, token: string) =>
      w.app.inject({ method: 'POST', url: out.url, headers: bearer((await w.login(userId)).accessToken), payload: { token } });

    // Forwarded to another recipient: refused before anything opens, and recorded against the one who presented it.
    const forwarded = await view(WONG, out.token);
    expect(forwarded.statusCode).toBe(403);
    expect(forwarded.json()).toMatchObject({ code: 'access.denied' });
    await w.h.service.audit.flush();
    const refusals = (await w.h.service.audit.repo.list({ outcome: 'denied', action: 'access.decision' }, { limit: 1 })).entries;
    expect(refusals).toMatchObject([{ actor: w.clinicianId(WONG), target: itemId, reason: 'token.other_viewer' }]);
    expect((await w.app.inject({ method: 'POST', url: out.url, payload: { token: out.token } })).statusCode).toBe(401);
    expect((await open(LAM, itemId)).json()).toMatchObject({ remainingSeconds: null }); // nothing started yet

    const pdf = await view(LAM, out.token);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.headers['x-burn-remaining']).toBe('10');
    w.clock.advance(3_000);
    expect((await open(LAM, itemId)).json()).toMatchObject({ kind: 'document', remainingSeconds: 7 });
    w.clock.advance(7_000); // my deadline: the same token now gets `burned`, and no PDF
    const late = await view(LAM, w.h.service.burn.viewTokens.issue(itemId, w.clinicianId(LAM), w.clock.now()).token);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'burned' });
  });

  it('A burn view token is refused in the body when tampered with (400) or expired (410), audited; never in the path', async () => {
    const itemId = 'eph_00000000000000000000000000000001';
    const { token } = w.h.service.burn.viewTokens.issue(itemId, w.clinicianId(LAM), w.clock.now() - 60 * 60_000);
    const headers = bearer((await w.login(LAM)).accessToken);
    const expired = await w.app.inject({ method: 'POST', url: '/api/app/burn/view', headers, payload: { token } });
    expect([expired.statusCode, expired.json().code]).toEqual([410, 'view.token_expired']);
    const doc = w.h.service.viewTokens.issue(itemId, w.clinicianId(LAM), w.clock.now()).token; // a document view token is not a burn one
    const wrongKind = await w.app.inject({ method: 'POST', url: '/api/app/burn/view', headers, payload: { token: doc } });
    expect([wrongKind.statusCode, wrongKind.json().code]).toEqual([400, 'view.token_invalid']);
    await w.h.service.audit.flush();
    const reasons = (await w.h.service.audit.repo.list({ outcome: 'denied', action: 'access.decision' }, { limit: 2 })).entries.map((e) => [e.actor, e.reason]);
    expect(reasons).toEqual([[w.clinicianId(LAM), 'token.invalid'], [w.clinicianId(LAM), 'token.expired']]);
    expect((await w.app.inject({ method: 'GET', url: `/api/burn/view/${token}/content`, headers })).statusCode).toBe(404);
  });

  it('Without a session the route is 401', async () => {
    expect((await w.app.inject({ method: 'POST', url: '/api/app/burn/eph_x/open' })).statusCode).toBe(401);
  });
});

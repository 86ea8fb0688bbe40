import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appLinkId } from '../helpers/app-session.js';
import { replyAfter } from '../helpers/service-harness.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { hkidFor, patientForm } from './case-chat-fixture.js';

const LAM = 'qmh-lam-kaming';
const WONG = 'hph-wong-siuming';
const LEE = 'hph-lee-meiling'; // not verified

/**
 * The bot's form links open the mini-app: `/app/form/<kind>/<intentId>`, no credential in the URL.
 * The real service over the simulator (SDK, stream, outbox) and the real app API, signed in the
 * app's way; the clock is moved by hand for expiry.
 */
describe('mini-app form links (case open, consent)', () => {
  let w: AuthWorld;
  const tokens: Record<string, string> = {};
  const auth = async (userId: string) => bearer((tokens[userId] ??= (await w.login(userId)).accessToken));
  let groups = 0;
  const newGroup = (memberIds: string[]) => w.h.sim.org.addGroup({ title: `Forms ${++groups}`, memberIds }).openConversationId;

  /** A command in the group; resolves with the 1:1 form message the bot sends the speaker. */
  async function formLink(group: string, userId: string, text: string): Promise<string> {
    const dm = replyAfter(w.h.sim, { userId, via: 'oto' });
    w.h.sim.say(group, userId, `@ConsultBridge ${text}`);
    return (await dm).text;
  }
  const getIntent = async (userId: string, id: string) => w.app.inject({ method: 'GET', url: `/api/app/forms/${id}`, headers: await auth(userId) });
  const submit = async (userId: string, kind: 'case-open' | 'consent', id: string, payload: object) =>
    w.app.inject({ method: 'POST', url: `/api/app/forms/${kind}/${id}`, headers: await auth(userId), payload });

  beforeAll(async () => {
    w = await authWorld({ sandbox: false });
  });
  afterAll(async () => w?.close());

  let code = '';
  let caseGroup = '';

  it('When a doctor types case open, then the 1:1 link opens the mini-app form and carries no token', async () => {
    caseGroup = newGroup([LAM, WONG]);
    const dm = await formLink(caseGroup, LAM, 'case open');
    const url = /\((https?:[^)\s]+)\)/.exec(dm)?.[1] ?? '';
    expect(url).toMatch(new RegExp(`^${w.h.service.publicUrl}/app/form/case-open/[A-Za-z0-9_-]{22}$`));
    const intentId = appLinkId(dm, 'form/case-open');
    // The id is no credential: the app API does nothing with it without a sign-in.
    expect((await w.app.inject({ method: 'GET', url: `/api/app/forms/${intentId}` })).json()).toMatchObject({ code: 'auth.required' });
  });

  it('When another clinician signs in with the same link, then they get not_found and nothing happens; the owner then opens the case once', async () => {
    const group = newGroup([LAM, WONG]);
    const intentId = appLinkId(await formLink(group, LAM, 'case open'), 'form/case-open');
    const form = patientForm(hkidFor('500002'));
    const sentBefore = w.h.sim.sent.length;

    const peek = await getIntent(WONG, intentId);
    expect(peek.statusCode).toBe(404);
    expect(peek.json()).toEqual({ code: 'not_found', message: 'Not found.', hint: expect.any(String) });
    const stolen = await submit(WONG, 'case-open', intentId, form);
    expect(stolen.statusCode).toBe(404);
    expect(await w.h.service.secure.cases.queries.caseForConversation(group)).toBeUndefined();
    expect(await w.h.service.secure.cases.dataSubjects.records.findByHkid(form.hkid)).toBeUndefined();
    expect(w.h.sim.sent.length).toBe(sentBefore);
    // Both tries are on the record under the one who made them (the link's id, no form values).
    await w.h.service.audit.flush();
    const refused = w.h.service.db.sqlite.prepare("SELECT actor, target, outcome FROM audit_entries WHERE action = 'case.form_link_refused' AND target = ?").all(intentId);
    expect(refused).toEqual([1, 2].map(() => ({ actor: w.clinicianId(WONG), target: intentId, outcome: 'denied' })));

    const mine = await getIntent(LAM, intentId);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    const intent = mine.json() as { kind: string; caseCode: string | null; expiresAt: number; institutions: Array<{ code: string }> };
    expect(intent).toMatchObject({ kind: 'case-open', caseCode: null });
    expect(intent.expiresAt - w.clock.now()).toBe(10 * 60_000);
    expect(intent.institutions.map((i) => i.code)).toEqual(expect.arrayContaining(['QMH', 'HPH']));

    const announced = replyAfter(w.h.sim, { conversationId: group, via: 'group' });
    const ok = await submit(LAM, 'case-open', intentId, form);
    expect(ok.statusCode, ok.body).toBe(200);
    const body = ok.json() as { caseCode: string; created: boolean };
    expect(body).toEqual({ caseCode: expect.stringMatching(/^C-[A-Z0-9]{5}$/), created: true });
    expect((await announced).text).toContain(`Case ${body.caseCode} opened by 林嘉明 Dr LAM Ka-ming`);
    code = body.caseCode;
    caseGroup = group;

    // One use: the owner's second submit and a late look are refused; the stranger still learns nothing.
    const again = await submit(LAM, 'case-open', intentId, form);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict' });
    expect((await getIntent(LAM, intentId)).statusCode).toBe(409);
    expect((await getIntent(WONG, intentId)).statusCode).toBe(404);
    await w.h.service.audit.flush();
    for (const secret of ['500002', 'TSANG', '曾浩然', '1958-07-21']) expect(JSON.stringify(w.h.sim.sent.map((s) => [s.text, s.raw]))).not.toContain(secret);
  });

  it('When the form is invalid, then the error names the field and the link stays usable', async () => {
    const group = newGroup([LAM]);
    const intentId = appLinkId(await formLink(group, LAM, 'case open'), 'form/case-open');
    const form = patientForm(hkidFor('500003'));
    const bad = await submit(LAM, 'case-open', intentId, { ...form, hkid: 'K500003(X)' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'hkid.invalid' });
    expect(bad.body).not.toContain('500003');
    const noName = await submit(LAM, 'case-open', intentId, { ...form, nameEn: undefined, nameZh: undefined });
    expect(noName.statusCode).toBe(400);
    // A case-open intent is not a consent form.
    expect((await submit(LAM, 'consent', intentId, { consents: [{ institutionCode: 'HPH', status: 'granted' }] })).statusCode).toBe(404);
    expect((await submit(LAM, 'case-open', intentId, form)).json()).toMatchObject({ created: true });
  });

  it('When the link is older than 10 minutes, then the app says it has expired (410, not a sign-in error) and nothing is written', async () => {
    const group = newGroup([LAM]);
    const intentId = appLinkId(await formLink(group, LAM, 'case open'), 'form/case-open');
    w.clock.advance(10 * 60_000);
    tokens[LAM] = (await w.login(LAM)).accessToken; // the old access token may have lapsed with the clock
    const late = await getIntent(LAM, intentId);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'link.expired' });
    expect((await submit(LAM, 'case-open', intentId, patientForm(hkidFor('500004')))).statusCode).toBe(410);
    expect(await w.h.service.secure.cases.queries.caseForConversation(group)).toBeUndefined();
  });

  it('When an unverified clinician holds a link id, then the app refuses them before any form', async () => {
    const group = newGroup([LAM]);
    const intentId = appLinkId(await formLink(group, LAM, 'case open'), 'form/case-open');
    const res = await getIntent(LEE, intentId);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'actor.unverified' });
  });

  it('When the attending asks for the consent form, then only she can record it, once, for that case', async () => {
    tokens[LAM] = (await w.login(LAM)).accessToken;
    tokens[WONG] = (await w.login(WONG)).accessToken;
    const dm = await formLink(caseGroup, LAM, `consent ${code}`);
    expect(dm).toContain(`${w.h.service.publicUrl}/app/form/consent/`);
    expect(dm).not.toContain('/forms/');
    const intentId = appLinkId(dm, 'form/consent');

    const intent = await getIntent(LAM, intentId);
    expect(intent.json()).toMatchObject({ kind: 'consent', caseCode: code });
    expect((await getIntent(WONG, intentId)).statusCode).toBe(404);
    const payload = { consents: [{ institutionCode: 'HPH', status: 'withdrawn', reference: 'signed form 12' }] };
    expect((await submit(WONG, 'consent', intentId, payload)).statusCode).toBe(404);
    const c = await w.h.service.secure.cases.queries.findCase(code);
    expect(await w.h.service.secure.cases.queries.hasSharingConsent(c.patientId, 'HPH')).toBe(true);

    const empty = await submit(LAM, 'consent', intentId, { consents: [] });
    expect(empty.statusCode).toBe(400);
    const ok = await submit(LAM, 'consent', intentId, payload);
    expect(ok.json()).toEqual({ caseCode: code, recorded: 1 });
    expect(await w.h.service.secure.cases.queries.hasSharingConsent(c.patientId, 'HPH')).toBe(false);
    expect((await submit(LAM, 'consent', intentId, { consents: [{ institutionCode: 'HPH', status: 'granted' }] })).statusCode).toBe(409);
    expect(await w.h.service.secure.cases.queries.hasSharingConsent(c.patientId, 'HPH')).toBe(false);
  });
});

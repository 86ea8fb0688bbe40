import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf.js';
import { replyAfter } from '../helpers/service-harness.js';
import { CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { BURN_GROUP, burnCase, WATERMARK } from './burn-fixture.js';
import { auditMark, auditSince, eventually, expectDenial, LEE } from './sharing-edge-fixture.js';

/** The mini-app compose API (share a report, send a burn message) and the chat commands that link to its screens. */
describe('mini-app compose: share a report and send a burn message', () => {
  let w: AuthWorld;
  let code: string;
  let group: string;
  const tok: Record<string, string> = {};
  const upload = (who: string, bytes: Buffer | string, type = 'application/pdf', path = 'reports') =>
    w.app.inject({ method: 'POST', url: `/api/app/cases/${code}/${path}`, headers: { ...bearer(tok[who]!), 'content-type': type }, payload: bytes });
  const documents = async () => w.h.service.secure.documentsRepo.listByCase((await w.h.service.secure.casesRepo.caseByCode(code))!.id);
  const blobs = () => (existsSync(join(w.h.dir, 'blobs')) ? readdirSync(join(w.h.dir, 'blobs')).length : 0);

  beforeAll(async () => {
    w = await authWorld();
    group = BURN_GROUP(w.h);
    // Chan attending; Lam and Wong consulting.
    code = await burnCase(w.h, 'A123456(3)');
    for (const u of [CHAN, LAM, WONG, LEE]) tok[u] = (await w.login(u)).accessToken;
  }, 30_000);
  afterAll(() => w.close());

  it('`@ConsultBridge share`, `burn` and `allergy-alert` answer 1:1 with a link to the case’s mini-app screen and no token in it', async () => {
    const tokensBefore = w.h.service.db.sqlite.prepare('SELECT COUNT(*) AS n FROM link_tokens').get() as { n: number };
    for (const [command, path] of [['share', 'share'], ['burn', 'burn?after=120'], ['allergy-alert', 'alert']] as const) {
      const link = replyAfter(w.h.sim, { userId: CHAN, via: 'oto' });
      const said = replyAfter(w.h.sim, { conversationId: group, via: 'webhook' });
      w.h.sim.say(group, CHAN, `@ConsultBridge ${command} ${code}${command === 'burn' ? ' 2m' : ''}`);
      const text = (await link).text;
      expect(text).toContain(`(${w.h.service.publicUrl}/app/case/${code}/${path})`);
      expect(text).not.toMatch(/\/(upload|alert|burn)\/[A-Za-z0-9_-]{10,}/);
      expect((await said).text).toMatch(/1:1|私訊/);
    }
    // No one-time link was minted for any of them.
    expect(w.h.service.db.sqlite.prepare('SELECT COUNT(*) AS n FROM link_tokens').get()).toEqual(tokensBefore);
  });

  it('What I may compose follows the policy: the attending may do all three, an unknown code is refused like a case I am off', async () => {
    const mine = await w.app.inject({ method: 'GET', url: `/api/app/cases/${code}/compose`, headers: bearer(tok[CHAN]!) });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ caseCode: code, share: true, burn: true, alert: 'share', burnSeconds: { min: 10, max: 86_400, default: 30 } });
    expect(mine.json().alertChoices.criticality).toEqual(['low', 'high', 'unable-to-assess']);
    const unknown = await w.app.inject({ method: 'GET', url: '/api/app/cases/C-ZZZZZ/compose', headers: bearer(tok[CHAN]!) });
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json()).toMatchObject({ code: 'access.denied' });
    const unverified = await w.app.inject({ method: 'GET', url: `/api/app/cases/${code}/compose`, headers: bearer(tok[LEE]!) });
    expect(unverified.json()).toMatchObject({ code: 'actor.unverified' });
    expect((await w.app.inject({ method: 'GET', url: `/api/app/cases/${code}/compose` })).statusCode).toBe(401);
  });

  it('The attending shares a PDF from the app: stored only as ciphertext, audited, the group gets a content-free card, and it is on the case', async () => {
    const mark = await auditMark(w.h);
    const card = replyAfter(w.h.sim, { conversationId: group, via: 'card' }, 30_000); // the first upload starts a render worker
    const res = await upload(CHAN, await makePdf({ pages: 1, text: 'Compose echo report' }));
    expect(res.statusCode, res.body).toBe(201);
    const { documentId, caseCode, mediaType } = res.json();
    expect({ caseCode, mediaType }).toEqual({ caseCode: code, mediaType: 'application/pdf' });
    expect(res.headers['cache-control']).toBe('no-store');

    const blob = readFileSync(join(w.h.dir, 'blobs', documentId));
    expect(blob.includes('%PDF')).toBe(false);
    expect(blob.includes('Compose echo report')).toBe(false);

    const shared = (await auditSince(w.h, mark, { action: 'document.shared' })).find((e) => e.target === documentId);
    expect(shared).toMatchObject({ actor: w.clinicianId(CHAN), outcome: 'success' });

    const sent = await card;
    expect(sent.outTrackId).toBe(`doc:${documentId}:${group}`);
    expect(sent.text).toContain(`New report · case ${code}`);
    expect(sent.text).not.toMatch(/A123456|Compose echo/);

    const view = (await w.app.inject({ method: 'GET', url: `/api/app/cases/${code}`, headers: bearer(tok[CHAN]!) })).json();
    expect(view.documents.map((d: { documentId: string }) => d.documentId)).toContain(documentId);
  });

  it('A clinician the policy does not let share gets 403, nothing is stored, and the refusal is audited', async () => {
    const chan = await w.h.service.directory.resolveOrEnroll(CHAN, '');
    await w.h.service.secure.cases.team.removeMember(chan, code, WONG);
    try {
      const [docs, files, mark] = [(await documents()).length, blobs(), await auditMark(w.h)];
      const res = await upload(WONG, await makePdf({ text: 'Not allowed' }));
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'access.denied' });
      expect(await documents()).toHaveLength(docs);
      expect(blobs()).toBe(files);
      expectDenial(await auditSince(w.h, mark), { actor: w.clinicianId(WONG), target: code, reason: 'share.not_allowed' });
      // The burn screen is refused the same way.
      const burn = await w.app.inject({ method: 'POST', url: `/api/app/cases/${code}/burn`, headers: bearer(tok[WONG]!), payload: { text: 'x', burnAfterSeconds: 30 } });
      expect(burn.statusCode).toBe(403);
      expect((await w.app.inject({ method: 'GET', url: `/api/app/cases/${code}/compose`, headers: bearer(tok[WONG]!) })).statusCode).toBe(403);
    } finally {
      await w.h.service.secure.cases.team.addMember(chan, code, WONG, 'consulting', group);
    }
  });

  it('A wrong type, an empty file, a damaged PDF or one over 20 MB is a coded 4xx and nothing is stored', async () => {
    const [docs, files] = [(await documents()).length, blobs()];
    const pdf = await makePdf({ text: 'x' });
    const cases: Array<[Buffer | string, string, number, string]> = [
      ['just some text, not a report', 'text/plain', 415, 'upload.type'],
      [Buffer.from('GIF89a-not-accepted'), 'application/pdf', 415, 'upload.type'],
      [Buffer.alloc(0), 'application/pdf', 400, 'upload.empty'],
      [pdf.subarray(0, pdf.length - 200), 'application/pdf', 400, 'upload.corrupt'],
      [Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)]), 'application/pdf', 413, 'request.too_large'],
    ];
    for (const [bytes, type, status, errorCode] of cases) {
      const res = await upload(CHAN, bytes, type);
      expect(res.statusCode, errorCode).toBe(status);
      expect(res.json()).toMatchObject({ code: errorCode });
    }
    expect(await documents()).toHaveLength(docs);
    expect(blobs()).toBe(files);
  });

  it('A burn message from the app reaches the group as a card whose Open leads a recipient into the mini-app, where it opens with their countdown', async () => {
    const card = replyAfter(w.h.sim, { conversationId: group, via: 'card' });
    const res = await w.app.inject({ method: 'POST', url: `/api/app/cases/${code}/burn`, headers: bearer(tok[CHAN]!), payload: { text: 'K+ 6.8 recheck now', burnAfterSeconds: 20 } });
    expect(res.statusCode, res.body).toBe(201);
    const { itemId, recipients } = res.json();
    expect(recipients).toBe(2);
    const sent = await card;
    expect(sent.outTrackId).toBe(`burn:${itemId}:${group}`);
    expect(sent.text).not.toContain('K+');

    const from = w.h.sim.sent.length;
    await w.h.sim.clickCard({ outTrackId: sent.outTrackId!, userId: LAM, params: { action: 'burn_open', itemId } });
    const answer = await eventually(() => w.h.sim.sent.slice(from).find((s) => s.via === 'oto' && (s.userIds ?? []).includes(LAM)));
    expect(answer.text).toContain(`/app/burn/${itemId}`);

    const opened = await w.app.inject({ method: 'POST', url: `/api/app/burn/${itemId}/open`, headers: bearer(tok[LAM]!) });
    expect(opened.json()).toEqual({ kind: 'text', text: 'K+ 6.8 recheck now', remainingSeconds: 20, watermark: WATERMARK });
  });

  it('A burn document from the app is accepted by its bytes; a burn time out of range or an empty text is refused with a code', async () => {
    const doc = await upload(CHAN, await makePdf({ text: 'Burn ECG' }), 'application/octet-stream', 'burn/document?after=60');
    expect(doc.statusCode, doc.body).toBe(201);
    const opened = await w.app.inject({ method: 'POST', url: `/api/app/burn/${doc.json().itemId}/open`, headers: bearer(tok[WONG]!) });
    expect(opened.json()).toMatchObject({ kind: 'document', remainingSeconds: null });

    const before = await w.h.service.burn.service.pendingCount();
    const short = await w.app.inject({ method: 'POST', url: `/api/app/cases/${code}/burn`, headers: bearer(tok[CHAN]!), payload: { text: 'x', burnAfterSeconds: 5 } });
    expect(short.json()).toMatchObject({ code: 'burn.duration_invalid' });
    const blank = await w.app.inject({ method: 'POST', url: `/api/app/cases/${code}/burn`, headers: bearer(tok[CHAN]!), payload: { text: '   ' } });
    expect(blank.json()).toMatchObject({ code: 'request.invalid' });
    const bad = await upload(CHAN, 'plain text', 'text/plain', 'burn/document');
    expect(bad.json()).toMatchObject({ code: 'upload.type' });
    expect(await w.h.service.burn.service.pendingCount()).toBe(before);
  });

  it('The compose routes are in the OpenAPI document', async () => {
    const doc = (await w.app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of ['/api/app/cases/{code}/compose', '/api/app/cases/{code}/reports', '/api/app/cases/{code}/burn', '/api/app/cases/{code}/burn/document', '/api/app/cases/{code}/alert']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf.js';
import { loadSampleJpeg } from '../fixtures/watermark-documents.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { CHAN, WONG } from '../helpers/sharing-flow.js';
import { burnViewAs, openInApp } from './burn-fixture.js';
import { alertCase, alertRow, alertWorld, allergiesFor, FORM, sceneGroupOf, submitAlert, type AlertWorld } from './alert-fixture.js';
import { eventually, makeHkid, sentSince } from './sharing-edge-fixture.js';

const SCAN_TEXT = 'Allergy bracelet scan';

/**
 * The optional scan on an allergy alert: sent in the same submit as base64, refused by content when it
 * is not a PDF/JPEG/PNG (nothing stored), delivered as a burn-after-reading document to the same
 * recipients (watermarked per viewer), burned like the text, and never sent to the EHR.
 */
describe('allergy alert with a scan', () => {
  let w: AlertWorld;
  let code: string;
  const counts = async () => {
    const one = (sql: string) => (w.h.service.db.sqlite.prepare(sql).get() as { n: number }).n;
    return { alerts: one('select count(*) n from allergy_alerts'), items: one('select count(*) n from ephemeral_items'), ehr: (await w.h.service.ehrQueue.listPending()).length, vault: one('select count(*) n from vault_keys') };
  };
  beforeAll(async () => {
    w = await alertWorld();
    code = await alertCase(w, makeHkid('U', '979323'));
  });
  afterAll(async () => w?.close());

  it('When the scan is not a PDF, JPEG or PNG, then the submit is refused with upload.type and nothing is stored', async () => {
    const before = await counts();
    const fake = Buffer.from('MZ\x90\x00 not a document at all, whatever the name says', 'latin1');
    const res = await submitAlert(w, code, { ...FORM, scan: fake.toString('base64') });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'upload.type' });
    expect(await counts()).toEqual(before);
  });

  it('When a PDF scan is attached, then a recipient opens it from the card as a PDF watermarked for them, it burns, and the EHR never gets it', async () => {
    const pdf = await makePdf({ pages: 1, text: SCAN_TEXT });
    const from = w.h.sim.sent.length;
    const res = await submitAlert(w, code, { ...FORM, scan: pdf.toString('base64') });
    expect(res.statusCode, res.body).toBe(201);
    const { alertId, scan } = res.json() as { alertId: string; scan: boolean };
    expect(scan).toBe(true);
    const group = await sceneGroupOf(w, alertId);
    const row = await alertRow(w, alertId);
    const scanId = row.scanItemId!;
    expect(await w.h.service.burn.repo.find(scanId)).toMatchObject({ kind: 'document', status: 'active', mediaType: 'application/pdf', burnAfterMs: 600_000 }); // the alert's read window (ALERT_READ_WINDOW_MINUTES, 10 min)
    // Same recipients as the text.
    const ids = async (itemId: string) => (await w.h.service.burn.repo.recipients(itemId)).map((r) => r.clinicianId).sort();
    expect(await ids(scanId)).toEqual(await ids(row.ephemeralItemId!));

    const card = await sentSince(w.h, from, (s) => s.via === 'card' && s.conversationId === group.openConversationId);
    expect(JSON.stringify(card)).toContain(scanId);
    await w.h.sim.clickCard({ outTrackId: `alert:${alertId}:${group.openConversationId}`, userId: WONG, params: { action: 'burn_open', itemId: scanId } });
    const answer = await sentSince(w.h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(WONG));
    const opened = await openInApp(w.h, w.app, answer.text, WONG);
    expect(opened.json()).toMatchObject({ kind: 'document', remainingSeconds: null });
    const wongToken = (opened.json() as { token: string }).token;
    const view = await burnViewAs(w.h, w.app, wongToken, WONG);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.headers['content-type']).toBe('application/pdf');
    expect(view.headers['x-burn-remaining']).toBe('600');
    const { pages } = await extractPdfText(new Uint8Array(view.rawPayload));
    expect(pages[0]!.text).toContain(SCAN_TEXT);
    expect(pages[0]!.text).toMatch(/T-[A-Z0-9]{8}/); // the viewer's trace code stamped on the page
    expect(view.rawPayload.equals(pdf)).toBe(false);

    // Past Dr Wong's 10-minute window the scan is unreadable for him; at the item's lifetime it is shredded.
    w.clock.advance(600_000);
    const again = await burnViewAs(w.h, w.app, wongToken, WONG);
    expect(again.statusCode).toBe(410);
    w.clock.advance(24 * 3_600_000);
    await eventually(async () => (await w.h.service.burn.repo.find(scanId))?.status === 'destroyed');
    await eventually(async () => (await alertRow(w, alertId)).burnNotedAt !== null);
    const key = w.h.service.db.sqlite.prepare('select wrapped_key from vault_keys where document_id = ?').get(scanId) as { wrapped_key: Buffer | null } | undefined;
    expect(key?.wrapped_key ?? null).toBeNull();

    // Only the structured allergy went to the EHR.
    await eventually(async () => (await w.h.service.ehrQueue.status(row.ehrPendingId))?.status === 'done');
    expect(allergiesFor(w.fhir, alertId)).toHaveLength(1);
    for (const type of ['DocumentReference', 'Binary', 'Media']) expect(w.fhir.resources(type)).toHaveLength(0);
    expect(JSON.stringify(w.fhir.resources('AllergyIntolerance'))).not.toContain(SCAN_TEXT);
  });

  it('When the mini-app posts an alert with a damaged PNG, then it is refused; with a JPEG scan, then it is taken', async () => {
    const login = await w.app.inject({ method: 'POST', url: '/api/auth/dingtalk', payload: { code: w.h.sim.issueAuthCode(CHAN) } });
    expect(login.statusCode, login.body).toBe(200);
    const headers = { authorization: `Bearer ${(login.json() as { accessToken: string }).accessToken}` };
    const png = Buffer.from('89504e470d0a1a0a', 'hex'); // a PNG signature with nothing after it: damaged
    const bad = await w.app.inject({ method: 'POST', url: '/api/alerts', headers, payload: { caseCode: code, ...FORM, scan: png.toString('base64') } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'upload.corrupt' });
    const jpeg = Buffer.from(loadSampleJpeg());
    const ok = await w.app.inject({ method: 'POST', url: '/api/alerts', headers, payload: { caseCode: code, ...FORM, scan: jpeg.toString('base64') } });
    expect(ok.statusCode, ok.body).toBe(201);
    const { alertId, scan } = ok.json() as { alertId: string; scan: boolean };
    expect(scan).toBe(true);
    expect(await w.h.service.burn.repo.find((await alertRow(w, alertId)).scanItemId!)).toMatchObject({ kind: 'document', mediaType: 'image/jpeg' });
  });
});

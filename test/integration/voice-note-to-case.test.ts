import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { caseWithReport, eventually, makeHkid, otoTo } from './sharing-edge-fixture.js';

/**
 * A voice note to a case (issue 13 item 4) and the case key points (item 5), through the real SDK, the
 * simulator's audio messages and the mini-app API: the 1:1 answer links to a confirm page (id and case
 * code only); the page shows the matched terms; saving files the transcript as a sealed case note; the
 * key points suggest what the notes mention, a confirmed problem brings its guideline link.
 */
describe('voice note → case, and the case key points', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let group: string;
  const audit = async (action: string) => {
    await h.service.audit.flush();
    return h.service.db.sqlite.prepare('SELECT target, outcome, reason FROM audit_entries WHERE action = ? ORDER BY rowid').all(action) as Array<{ target: string; outcome: string; reason: string | null }>;
  };
  /** Sends a voice note 1:1; returns the kept note's id from the confirm link in the answer, and the answer. */
  const voiceNote = async (userId: string, recognition: string) => {
    const answer = replyAfter(h.sim, { userId, via: 'oto' });
    h.sim.dm(userId, recognition, { voice: { durationMs: 3000, downloadCode: 'dl-voice-2' } });
    const text = (await answer).text;
    const id = text.match(/\/app\/doctor\/voice\/([A-Za-z0-9_-]+)\?case=/)?.[1];
    return { id: id!, text };
  };
  const api = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => asUser(h, app, who, { method, url, payload });

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ code, group } = await caseWithReport(h, app, { hkid: makeHkid('W', '615231') }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When a doctor sends 1:1 “AF 病人食緊薄血丸”, then the answer links each of her cases to a confirm page by id and code only, and the page shows warfarin (exact, 1) to her alone', async () => {
    const { id, text } = await voiceNote(LAM, 'AF 病人食緊薄血丸');
    expect(text).toMatch(new RegExp(`\\[Add to case ${code} as note / as medication\\]\\(http[^)]*/app/doctor/voice/${id}\\?case=${code}\\)`));
    expect(text).not.toContain('食緊');
    const page = await api(LAM, 'GET', `/api/app/voice/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const body = page.json();
    expect(body.recognition).toBe('AF 病人食緊薄血丸');
    expect(body.terms).toContainEqual(expect.objectContaining({ heard: '薄血丸', entry: 'drug.warfarin', canonical: 'warfarin', how: 'exact', score: 1 }));
    expect(body.cases.map((c: { code: string }) => c.code)).toContain(code);
    // Someone else holding the link finds nothing; the stored row is sealed.
    expect((await api(CHAN, 'GET', `/api/app/voice/${id}`)).json()).toMatchObject({ code: 'voice.expired' });
    const stored = h.service.db.sqlite.prepare('SELECT payload FROM voice_drafts WHERE id = ?').get(id) as { payload: string };
    expect(stored.payload).toMatch(/^ft1\./);
    expect(stored.payload).not.toContain('薄血丸');
  });

  it('When she saves it to the case as a note, then it is kept sealed and audited by code, the draft is gone, and “as medication” without a confirmed drug is refused', async () => {
    const { id } = await voiceNote(LAM, 'AF 病人食緊薄血丸');
    const noDrug = await api(LAM, 'POST', `/api/app/voice/${id}/save`, { caseCode: code, as: 'medication', confirmed: [] });
    expect(noDrug.statusCode).toBe(400);
    expect(noDrug.json()).toMatchObject({ code: 'voice.no_drug' });
    const saved = await api(LAM, 'POST', `/api/app/voice/${id}/save`, { caseCode: code, as: 'note', confirmed: [] });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ caseCode: code, as: 'note', unresolved: [] });
    const row = h.service.db.sqlite.prepare("SELECT body FROM case_notes WHERE case_id = (SELECT id FROM cases WHERE code = ?) AND kind = 'note'").get(code) as { body: string };
    expect(row.body).toMatch(/^ft1\./);
    expect((await audit('voice.saved')).at(-1)).toEqual({ target: code, outcome: 'success', reason: 'note' });
    expect((await audit('case.note_added')).at(-1)).toEqual({ target: code, outcome: 'success', reason: 'voice' });
    const again = await api(LAM, 'POST', `/api/app/voice/${id}/save`, { caseCode: code, as: 'note', confirmed: [] });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'voice.expired' });
  });

  it('When the attending opens the key points, then the note is there with AF suggested as a problem and warfarin as a medication; confirming AF stores it and brings NICE NG196', async () => {
    const before = (await api(CHAN, 'GET', `/api/app/cases/${code}/summary`)).json();
    expect(before.notes[0]).toMatchObject({ text: 'AF 病人食緊薄血丸', source: 'voice' });
    expect(before.notes[0].author.nameEn).toBeTruthy();
    expect(before.suggestions.problems).toContainEqual(expect.objectContaining({ entry: 'dx.atrial-fibrillation', heard: 'AF' }));
    expect(before.suggestions.medications).toContainEqual(expect.objectContaining({ entry: 'drug.warfarin', heard: '薄血丸' }));
    expect(before.documents).toHaveLength(1);
    expect(Object.keys(before.documents[0]).sort()).toEqual(['createdAt', 'docType', 'id']);
    expect(before.guidelines).toEqual([]);

    const confirmed = await api(CHAN, 'POST', `/api/app/cases/${code}/problems`, { term: 'AF', entry: 'dx.atrial-fibrillation' });
    expect(confirmed.statusCode).toBe(201);
    const after = (await api(CHAN, 'GET', `/api/app/cases/${code}/summary`)).json();
    expect(after.problems).toEqual([expect.objectContaining({ entry: 'dx.atrial-fibrillation', term: 'atrial fibrillation' })]);
    expect(after.suggestions.problems.map((s: { entry: string }) => s.entry)).not.toContain('dx.atrial-fibrillation');
    expect(after.guidelines).toContainEqual(expect.objectContaining({ reference: 'NICE NG196', url: 'https://www.nice.org.uk/guidance/ng196' }));
    expect((await api(CHAN, 'POST', `/api/app/cases/${code}/problems`, { term: 'AF', entry: 'dx.atrial-fibrillation' })).statusCode).toBe(409);
    expect((await api(CHAN, 'POST', `/api/app/cases/${code}/problems`, { term: '薄血丸', entry: 'drug.warfarin' })).json()).toMatchObject({ code: 'note.not_a_problem' });
    expect((await audit('case.problem_confirmed')).at(-1)).toEqual({ target: code, outcome: 'success', reason: null });
  });

  it('When she sends “病人食緊薄血丸” and confirms warfarin “as medication”, then it is a warfarin entry on the case (meds-core add use case) and the key points list it with its prescriber and guideline', async () => {
    const { id } = await voiceNote(LAM, '病人食緊薄血丸');
    const saved = await api(LAM, 'POST', `/api/app/voice/${id}/save`, { caseCode: code, as: 'medication', confirmed: ['drug.warfarin'] });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ caseCode: code, as: 'medication', unresolved: [] });
    expect(saved.json().ids).toHaveLength(1);
    expect((await audit('medication.added')).at(-1)).toMatchObject({ target: code, outcome: 'success' });
    expect((await audit('voice.saved')).at(-1)).toEqual({ target: code, outcome: 'success', reason: 'medication' });
    const s = (await api(CHAN, 'GET', `/api/app/cases/${code}/summary`)).json();
    expect(s.medications).toEqual([expect.objectContaining({ id: saved.json().ids[0], text: '薄血丸', terms: ['warfarin'], source: 'clinician' })]);
    expect(s.medications[0].prescriber.nameEn).toBeTruthy();
    expect(s.suggestions.medications.map((m: { entry: string }) => m.entry)).not.toContain('drug.warfarin');
    expect(s.guidelines.map((g: { reference: string }) => g.reference)).toEqual(['NICE NG196', 'NICE NG158']);
    expect(s.interactionAlerts).toEqual([]);

    // The attending adds metronidazole on the medication list: the interaction alert shows on the key points (content-free).
    const added = await api(CHAN, 'POST', `/api/cases/${code}/medications`, { text: 'metronidazole', confirmed: ['drug.metronidazole'] });
    expect(added.statusCode).toBe(201);
    const alerts = await eventually(async () => {
      const a = (await api(CHAN, 'GET', `/api/app/cases/${code}/summary`)).json().interactionAlerts as Array<{ severity: string; status: string }>;
      return a.length > 0 && a;
    });
    expect(alerts).toEqual([expect.objectContaining({ severity: 'major', status: 'open' })]);
  });

  it('When someone not on the team asks for the key points or confirms a problem, then access.denied, audited; the summary is never cached', async () => {
    const res = await api(WONG, 'GET', `/api/app/cases/${code}/summary`);
    expect(res.statusCode).toBe(403);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toMatch(/薄血丸|warfarin|fibrillation/);
    expect((await audit('case.summary_read')).at(-1)).toEqual({ target: code, outcome: 'denied', reason: 'policy' });
    expect((await api(WONG, 'POST', `/api/app/cases/${code}/problems`, { term: 'AF', entry: 'dx.atrial-fibrillation' })).statusCode).toBe(403);
  });

  it('When “@ConsultBridge summary C-…” is sent in the group, then the sender alone gets the link 1:1 and nothing clinical is in any chat payload', async () => {
    const from = h.sim.sent.length;
    const link = otoTo(h, from, CHAN);
    h.sim.say(group, CHAN, `@ConsultBridge summary ${code}`);
    const sent = await link;
    expect(sent.text).toContain(`/app/doctor/cases/${code}/summary`);
    const payloads = JSON.stringify(h.sim.sent.slice(from));
    expect(payloads).not.toMatch(/warfarin|薄血丸|fibrillation|NG196/);
  });
});

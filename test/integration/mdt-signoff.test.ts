import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkDate } from '../../src/shared/hk-time.js';
import { adminTokenFor } from '../helpers/admin-token.js';
import { remindOverdueMdtActions } from '../../src/usecases/mdt/mdt-actions.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, LAM, viewAs, WONG } from '../helpers/sharing-flow.js';
import { cardTo, caseWithReport, clinicianId, HO, makeHkid, otoTo, sentSince } from './sharing-edge-fixture.js';

type Sent = Harness['sim']['sent'][number];

/**
 * MDT meetings with sign-off (issue 14 item 4), through the real SDK, the simulator and the mini-app
 * API: booked in chat, minutes pre-filled by rules from a transcript, a three-step chain (presenting
 * doctor → attending → department head) with one return, archived to the case as an `mdt_summary`
 * document (watermarked view, approval history on the last page), actions tracked until done.
 */
describe('MDT meeting: transcript → summary → three-step sign-off → archived to the case', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let group: string;
  let meetingId: string;
  const api = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => asUser(h, app, who, { method, url, payload });
  const audit = async (action: string) => {
    await h.service.audit.flush();
    return h.service.db.sqlite.prepare('SELECT actor, target, outcome, reason FROM audit_entries WHERE action = ? ORDER BY rowid').all(action) as Array<{ actor: string; target: string; outcome: string; reason: string | null }>;
  };
  const meetingDay = hkDate(Date.now() + 2 * 86_400_000);
  const transcript = [
    'MDT cardiology / family medicine',
    'Problems: atrial fibrillation, heart failure',
    'Medications: warfarin, metformin',
    'Decisions:',
    '- Continue anticoagulation',
    'Actions:',
    `- @陳大文 repeat echo by ${meetingDay}`,
    '- @Dr LAM Ka-ming check INR by 2020-01-02',
  ].join('\n');
  /** Presses a button of an MDT sign-off card with the params the card carries; answers the 1:1 text. */
  const pressCard = async (card: Sent, userId: string, action: 'mdt_approve' | 'mdt_return') => {
    const buttons = JSON.parse((card.raw as { cardData: { cardParamMap: { buttons: string } } }).cardData.cardParamMap.buttons) as Array<{ action: string; params?: Record<string, string> }>;
    const b = buttons.find((x) => x.action === action)!;
    const answer = replyAfter(h.sim, { userId, via: 'oto' });
    await h.sim.clickCard({ outTrackId: card.outTrackId!, userId, params: { action: b.action, ...b.params } });
    return (await answer).text;
  };

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ code, group } = await caseWithReport(h, app, { hkid: makeHkid('M', '731552'), nameEn: 'MDTPATIENT Siu' }));
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.addMember(chan, code, WONG, 'consulting', group);
    // The department head is read off the directory title (DEPARTMENT_HEAD_TITLE).
    await h.service.directoryRepo.update(clinicianId(h, WONG), { title: 'Chief of Service, Family Medicine' }, Date.now());
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When Dr Lam books `mdt C-… <date> 14:00 @Dr Ho` in the group, then Dr Ho (not on the care team) is invited through a consult grant, the group hears code, time and count, and each participant gets the meeting link 1:1 — no patient data in chat', async () => {
    const from = h.sim.sent.length;
    const answer = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, LAM, `@ConsultBridge mdt ${code} ${meetingDay} 14:00 @何詠儀`, { atUserIds: [HO] });
    const got = (await answer).text;
    expect(got).toContain(`MDT meeting for **${code}** booked for ${meetingDay} 14:00 HKT: 4 participants (1 invited with consult access)`);
    for (const who of [CHAN, LAM, WONG, HO]) {
      const dm = await sentSince(h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(who) && s.text.includes('/app/doctor/mdt/'));
      meetingId = /\/app\/doctor\/mdt\/([0-9a-f-]{36})/.exec(dm.text)![1]!;
    }
    const bad = await api(LAM, 'POST', `/api/app/mdt/${meetingId}/transcript`, { transcript: '' });
    expect(bad.statusCode).toBe(400);
    expect((await audit('mdt.scheduled')).at(-1)).toMatchObject({ target: meetingId, outcome: 'success', reason: 'participants:4:invited:1' });
    // The invitation is a case-level consult grant, lasting past the meeting (MDT_INVITE_GRANT_MINUTES).
    const grant = h.service.db.sqlite.prepare("SELECT kind, document_id, expires_at FROM grants WHERE clinician_id = ? AND case_id = (SELECT id FROM cases WHERE code = ?)").get(clinicianId(h, HO), code) as { kind: string; document_id: string | null; expires_at: number };
    expect(grant).toMatchObject({ kind: 'consult', document_id: null });
    expect(grant.expires_at).toBeGreaterThan(Date.parse(`${meetingDay}T14:00:00+08:00`) + 23 * 3_600_000);
    expect((await audit('grant.created')).at(-1)).toMatchObject({ reason: 'consult_mdt' });
    expect(h.sim.sent.slice(from).some((s) => /MDTPATIENT|731552/.test(JSON.stringify(s)))).toBe(false);
  });

  it('When a time in the past is given, then the booking is refused with the coded error', async () => {
    const answer = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, LAM, `@ConsultBridge mdt ${code} 2020-01-01 09:00`);
    expect((await answer).text).toContain('YYYY-MM-DD HH:mm');
  });

  it('When Dr Lam attaches the transcript, then the summary is pre-filled by rules: sections, owners by @-name, due dates, lexicon terms — and only participants may read it', async () => {
    const res = await api(LAM, 'POST', `/api/app/mdt/${meetingId}/transcript`, { transcript });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.decisions).toEqual(['Continue anticoagulation']);
    expect(s.problems.map((p: { entry: string }) => p.entry)).toEqual(['dx.atrial-fibrillation', 'dx.heart-failure']);
    expect(s.medications.map((p: { entry: string }) => p.entry)).toEqual(['drug.warfarin', 'drug.metformin']);
    expect(s.actions).toEqual([
      { text: `repeat echo by ${meetingDay}`, ownerId: clinicianId(h, CHAN), dueAt: Date.parse(`${meetingDay}T23:59:00+08:00`) },
      { text: 'check INR by 2020-01-02', ownerId: clinicianId(h, LAM), dueAt: Date.parse('2020-01-02T23:59:00+08:00') },
    ]);
    expect((await api('qmh-tsang-kawai', 'GET', `/api/app/mdt/${meetingId}`)).json()).toMatchObject({ code: 'mdt.not_found' });
    const stored = h.service.db.sqlite.prepare('SELECT transcript, summary FROM mdt_minutes WHERE meeting_id = ?').get(meetingId) as { transcript: string; summary: string };
    expect(stored.transcript).toMatch(/^ft1\./);
    expect(`${stored.transcript}${stored.summary}`).not.toContain('warfarin');
  });

  it('When the summary goes through presenter → attending (returns it) → resubmitted → presenter → attending → department head, then it is archived to the case', async () => {
    let from = h.sim.sent.length;
    const sub = await api(LAM, 'POST', `/api/app/mdt/${meetingId}/submit`);
    expect(sub.statusCode).toBe(200);
    expect(sub.json().steps.map((s: { role: string; approver: { nameEn: string } }) => [s.role, s.approver.nameEn])).toEqual([['presenter', 'Dr LAM Ka-ming'], ['attending', 'Dr CHAN Tai-man'], ['department_head', 'Dr WONG Siu-ming']]);
    expect(await pressCard(await cardTo(h, from, LAM, 'mdt-step:'), LAM, 'mdt_approve')).toContain('Approved. The next step has been asked.');
    // The case screen's list says where it stands: in approval, step 2 of 3, waiting on the attending.
    expect((await api(WONG, 'GET', `/api/app/cases/${code}/mdt`)).json().items[0]).toMatchObject({ id: meetingId, status: 'in_approval', step: { position: 2, of: 3, approver: { nameEn: 'Dr CHAN Tai-man' } }, canOpen: true });
    // Not Dr Wong's turn yet.
    expect((await api(WONG, 'POST', `/api/app/mdt/${meetingId}/decision`, { decision: 'approved' })).json()).toMatchObject({ code: 'mdt.not_your_step' });
    // A Return on the card without a comment answers with the mini-app link; the comment is written there.
    const chanCard = await cardTo(h, from, CHAN, 'mdt-step:');
    expect(await pressCard(chanCard, CHAN, 'mdt_return')).toContain(`/app/doctor/mdt/${meetingId}`);
    from = h.sim.sent.length;
    // A card whose template has an input sends the comment with the press: returned from the card.
    const buttons = JSON.parse((chanCard.raw as { cardData: { cardParamMap: { buttons: string } } }).cardData.cardParamMap.buttons) as Array<{ action: string; params?: Record<string, string> }>;
    const ret = buttons.find((b) => b.action === 'mdt_return')!;
    const answer = replyAfter(h.sim, { userId: CHAN, via: 'oto' });
    await h.sim.clickCard({ outTrackId: chanCard.outTrackId!, userId: CHAN, params: { action: ret.action, ...ret.params, comment: 'INR target missing' } });
    expect((await answer).text).toMatch(/Returned to the editor|已連同你的意見退回/);
    expect((await api(CHAN, 'POST', `/api/app/mdt/${meetingId}/decision`, { decision: 'approved' })).json()).toMatchObject({ code: 'mdt.state_changed' });
    expect((await otoTo(h, from, LAM)).text).toContain('returned the MDT summary');
    expect((await audit('mdt.returned')).at(-1)).toMatchObject({ target: meetingId, outcome: 'success', reason: 'round:1:step:2:attending' });

    // Edited and sent again: the chain starts again from the first step.
    const view = (await api(LAM, 'GET', `/api/app/mdt/${meetingId}`)).json();
    const summary = { ...view.summary, decisions: ['Continue anticoagulation, INR target 2–3'] };
    expect((await api(LAM, 'POST', `/api/app/mdt/${meetingId}/summary`, { summary })).statusCode).toBe(200);
    from = h.sim.sent.length;
    expect((await api(LAM, 'POST', `/api/app/mdt/${meetingId}/submit`)).statusCode).toBe(200);
    await pressCard(await cardTo(h, from, LAM, 'mdt-step:'), LAM, 'mdt_approve');
    await pressCard(await cardTo(h, from, CHAN, 'mdt-step:'), CHAN, 'mdt_approve');
    await cardTo(h, from, WONG, 'mdt-step:');
    const last = await api(WONG, 'POST', `/api/app/mdt/${meetingId}/decision`, { decision: 'approved' });
    expect(last.json()).toMatchObject({ next: 'archived' });
    const documentId = last.json().documentId as string;

    const doc = h.service.db.sqlite.prepare('SELECT doc_type, case_id, kind FROM documents WHERE id = ?').get(documentId) as { doc_type: string; case_id: string; kind: string };
    expect(doc.doc_type).toBe('mdt_summary');
    expect((await audit('mdt.archived')).at(-1)).toMatchObject({ actor: clinicianId(h, WONG), target: meetingId, outcome: 'success' });
    expect((await audit('mdt.step_approved')).filter((e) => e.outcome === 'success')).toHaveLength(4);
    expect((await audit('mdt.step_approved')).filter((e) => e.outcome === 'denied')).toEqual([expect.objectContaining({ actor: clinicianId(h, WONG), reason: 'not_your_step' })]);
    // Every participant is told 1:1; the owners of actions too.
    await sentSince(h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(CHAN) && s.text.includes(`/app/doctor/mdt/${meetingId}`) && /archived|存入個案/.test(s.text));
    await sentSince(h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(CHAN) && s.text.includes('/app/doctor/mdt-actions'));

    // The attending opens the archived summary like any document: watermarked, approval history on the last page.
    const tokenRes = await api(CHAN, 'POST', `/api/app/documents/${documentId}/view-token`);
    expect(tokenRes.statusCode).toBe(200);
    const viewed = await viewAs(h, app, (tokenRes.json() as { token: string }).token, CHAN);
    expect(viewed.statusCode).toBe(200);
    const pdf = await extractPdfText(viewed.rawPayload);
    const first = pdf.pages[0]!.text;
    expect(first).toContain(code);
    expect(first).toContain('INR target 2–3');
    expect(first).toContain('warfarin');
    const lastPage = pdf.pages[pdf.pageCount - 1]!.text;
    expect(lastPage).toContain('Approval history');
    expect(lastPage).toContain('INR target missing');
    expect(lastPage).toContain('Department head');
    expect(lastPage).toContain('WONG Siu-ming');
    expect(lastPage).toContain('CHAN Tai-man'); // the watermark names the viewer on every page too
    // The invited specialist opens it through the consult grant of the invitation.
    expect((await api(HO, 'POST', `/api/app/documents/${documentId}/view-token`)).statusCode).toBe(200);
  }, 60_000);

  it('When the owner opens "My MDT actions", then their actions are listed; an overdue one is reminded once, and marking done is audited', async () => {
    const mine = (await api(LAM, 'GET', '/api/app/mdt-actions')).json().items as Array<{ id: string; text: string; overdue: boolean; caseCode: string }>;
    expect(mine).toEqual([expect.objectContaining({ text: 'check INR by 2020-01-02', overdue: true, caseCode: code })]);
    // The inbox's line: Dr Lam has one open action, overdue; Dr Chan one open, not yet due.
    expect((await api(LAM, 'GET', '/api/app/mdt-actions/counts')).json()).toEqual({ open: 1, overdue: 1 });
    expect((await api(CHAN, 'GET', '/api/app/mdt-actions/counts')).json()).toEqual({ open: 1, overdue: 0 });
    const from = h.sim.sent.length;
    expect(await remindOverdueMdtActions(h.service.mdt.useCases)).toBe(1);
    await sentSince(h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(LAM) && s.text.includes('Reminder: your action from the MDT meeting'));
    expect(await remindOverdueMdtActions(h.service.mdt.useCases)).toBe(0);
    expect((await api(CHAN, 'POST', `/api/app/mdt-actions/${mine[0]!.id}/done`)).json()).toMatchObject({ code: 'mdt.action_not_found' });
    expect((await api(LAM, 'POST', `/api/app/mdt-actions/${mine[0]!.id}/done`)).json()).toEqual({ ok: true });
    expect((await api(LAM, 'GET', '/api/app/mdt-actions')).json().items[0]).toMatchObject({ status: 'done', overdue: false });
    expect((await api(LAM, 'GET', '/api/app/mdt-actions/counts')).json()).toEqual({ open: 0, overdue: 0 });
    expect((await audit('mdt.action_done')).at(-1)).toMatchObject({ actor: clinicianId(h, LAM), target: meetingId });
  });

  it('When the case screen lists its MDT meetings, then they come newest first in keyset pages (care team: all; invited colleague: theirs; others: denied), and the console lists every meeting by status', async () => {
    const later = hkDate(Date.now() + 5 * 86_400_000);
    const booked = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, LAM, `@ConsultBridge mdt ${code} ${later} 09:00`);
    expect((await booked).text).toContain(`${later} 09:00 HKT`);
    const page = async (who: string, query: string) => (await api(who, 'GET', `/api/app/cases/${code}/mdt${query}`)).json() as { items: Array<{ id: string; status: string; scheduledAt: number; step: unknown; canOpen: boolean }>; nextCursor: string | null };
    const first = await page(CHAN, '?limit=1');
    expect(first.items).toEqual([expect.objectContaining({ status: 'scheduled', scheduledAt: Date.parse(`${later}T09:00:00+08:00`), step: null, canOpen: true })]);
    const laterId = first.items[0]!.id;
    const second = await page(CHAN, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items).toEqual([expect.objectContaining({ id: meetingId, status: 'approved', step: null, canOpen: true })]);
    expect(await page(CHAN, `?limit=1&cursor=${second.nextCursor}`)).toEqual({ items: [], nextCursor: null });
    expect((await page(CHAN, '')).items.map((m) => m.id)).toEqual([laterId, meetingId]);
    // Dr Ho was invited to the first meeting only (not on the care team).
    expect((await page(HO, '')).items.map((m) => m.id)).toEqual([meetingId]);
    for (const url of [`/api/app/cases/${code}/mdt`, '/api/app/cases/C-ZZZZZ/mdt']) {
      const denied = await api('qmh-tsang-kawai', 'GET', url);
      expect([denied.statusCode, denied.json().code]).toEqual([403, 'access.denied']);
    }
    const bad = await api(CHAN, 'GET', `/api/app/cases/${code}/mdt?cursor=nonsense`);
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);

    const adminId = (await h.service.directoryRepo.insert({ dingtalkUserId: 'mdt-console-admin', displayName: 'admin', nameEn: 'Console admin', role: 'admin', verified: true }, Date.now())).id;
    const admin = async (query: string, id = adminId) => app.inject({ method: 'GET', url: `/api/admin/mdt${query}`, headers: { authorization: `Bearer ${await adminTokenFor(h.service, id)}` } });
    const approved = (await admin('?status=approved')).json();
    expect(approved.items).toEqual([expect.objectContaining({ id: meetingId, caseCode: code, status: 'approved', step: null, stuck: false, organiser: expect.objectContaining({ nameEn: 'Dr LAM Ka-ming' }) })]);
    expect((await admin('?status=scheduled')).json().items.map((m: { id: string }) => m.id)).toEqual([laterId]);
    const all = (await admin('?limit=1')).json();
    expect([all.items[0].id, all.items[0].scheduledAt]).toEqual([laterId, new Date(Date.parse(`${later}T09:00:00+08:00`)).toISOString()]);
    expect((await admin(`?limit=1&cursor=${all.nextCursor}`)).json().items[0].id).toBe(meetingId);
    expect((await admin('?status=lost')).statusCode).toBe(400);
    expect((await admin('', clinicianId(h, CHAN))).statusCode).toBe(403);
  });
});

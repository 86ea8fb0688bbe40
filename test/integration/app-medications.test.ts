import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter } from '../helpers/service-harness.js';
import { CHAN, WONG } from '../helpers/sharing-flow.js';
import { ADMIN, HO, medsWorld, type MedsWorld } from './app-medications-fixture.js';

/** Words that must never leave the medication list: drug names as typed, a dose, an unresolved name. */
const SECRETS = ['薄血丸', 'warfarin', 'Augmentin', 'amoxicillin', 'Zzyxoprin', '7.5 mg'];

/** Issue 13 item 1 through the real HTTP app: add, list, stop, with the policy, the seal and the audit. */
describe('medications on a case (HTTP)', () => {
  let w: MedsWorld;
  const url = () => `/api/cases/${w.code}/medications`;
  const rows = () => w.h.service.db.sqlite.prepare('SELECT * FROM case_medications').all() as Record<string, unknown>[];

  beforeAll(async () => {
    w = await medsWorld();
  }, 60_000);
  afterAll(async () => w?.close());

  it('When the form is not valid, then 400 with its code and nothing is written', async () => {
    const bad = async (body: object) => {
      const res = await w.as(CHAN, 'POST', url(), body);
      return [res.statusCode, res.json().code];
    };
    expect(await bad({ confirmed: [] })).toEqual([400, 'request.invalid']);
    expect(await bad({ text: '   ', confirmed: [] })).toEqual([400, 'request.invalid']);
    expect(await bad({ text: 'x'.repeat(201), confirmed: [] })).toEqual([400, 'request.invalid']);
    expect(await bad({ text: 'aspirin', startOn: '2026-02-30', confirmed: [] })).toEqual([400, 'medication.date_invalid']);
    expect(await bad({ text: 'aspirin', startOn: '2026-03-02', stopOn: '2026-03-01', confirmed: [] })).toEqual([400, 'medication.date_invalid']);
    expect(await bad({ text: 'aspirin', confirmed: ['dx.parkinsons-disease'] })).toEqual([400, 'medication.unknown_term']);
    const res = await w.as(CHAN, 'POST', url(), { text: 'aspirin', confirmed: ['drug.nope'] });
    expect(res.json()).toMatchObject({ code: 'medication.unknown_term', hint: expect.any(String) });
    expect(rows()).toHaveLength(0);
    expect(w.events).toHaveLength(0);
  });

  it('When the form is normalised, then the doctor sees what matched and how; bad input is 400', async () => {
    const res = await w.as(CHAN, 'POST', '/api/clinical/normalise', { text: '薄血丸' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().matches[0]).toEqual({ entry: 'drug.warfarin', canonical: 'warfarin', how: 'exact', score: 1, kind: 'drug' });
    expect((await w.as(CHAN, 'POST', '/api/clinical/normalise', { text: '' })).json().code).toBe('request.invalid');
  });

  it('When Dr Chan adds 薄血丸 with the match he confirmed, then 201, warfarin, sealed at rest, audited, and onAdded called once after commit', async () => {
    const res = await w.as(CHAN, 'POST', url(), { text: '薄血丸', dose: '7.5 mg', route: 'oral', frequency: 'daily', startOn: '2026-12-01', confirmed: ['drug.warfarin'] });
    expect(res.statusCode).toBe(201);
    const { entry, unresolved } = res.json();
    expect(unresolved).toEqual([]);
    expect(entry).toMatchObject({
      source: 'clinician', text: '薄血丸', ingredients: ['drug.warfarin'], ingredientNames: ['warfarin'], dose: '7.5 mg', status: 'active',
      prescriber: { nameEn: 'Dr CHAN Tai-man' }, prescriberName: 'Dr CHAN Tai-man', institutionCode: 'QMH', institutionName: 'Queen Mary Hospital', startOn: '2026-12-01', stopOn: null,
    });
    const [row] = rows();
    expect(String(row!.payload)).toMatch(/^ft1\./);
    for (const s of SECRETS) expect(JSON.stringify(row)).not.toContain(s);
    expect(w.events).toHaveLength(1);
    expect(w.events[0]).toMatchObject({ caseCode: w.code, caseId: w.caseId, entry: { id: entry.id, ingredients: ['drug.warfarin'] } });
  });

  it('When a combination is named by brand without confirming, then it is split into its ingredients; an unknown name is kept unresolved', async () => {
    const combo = await w.as(WONG, 'POST', url(), { text: 'Augmentin', confirmed: [] });
    expect(combo.statusCode).toBe(201);
    expect(combo.json().entry).toMatchObject({ ingredients: ['drug.amoxicillin', 'drug.clavulanic-acid'], unresolved: [], prescriber: { nameEn: 'Dr WONG Siu-ming' } });
    const unknown = await w.as(WONG, 'POST', url(), { text: 'Zzyxoprin', confirmed: [] });
    expect(unknown.statusCode).toBe(201);
    expect(unknown.json()).toMatchObject({ unresolved: ['Zzyxoprin'], entry: { ingredients: [], unresolved: ['Zzyxoprin'] } });
    expect(w.events.map((e) => e.entry.text)).toEqual(['薄血丸', 'Augmentin', 'Zzyxoprin']);
  });

  it('When the care team reads the list, then it comes active first, newest first, with prescribers by name; outsiders and admins get 403', async () => {
    for (const who of [CHAN, WONG]) {
      const res = await w.as(who, 'GET', url());
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.json().entries.map((e: { text: string }) => e.text)).toEqual(['Zzyxoprin', 'Augmentin', '薄血丸']);
    }
    for (const who of [HO, ADMIN]) {
      const res = await w.as(who, 'GET', url());
      expect([res.statusCode, res.json().code]).toEqual([403, 'access.denied']);
      for (const s of SECRETS) expect(res.body).not.toContain(s);
      const add = await w.as(who, 'POST', url(), { text: 'aspirin', confirmed: [] });
      expect([add.statusCode, add.json().code]).toEqual([403, 'access.denied']);
    }
    expect((await w.as(CHAN, 'GET', '/api/cases/C-ZZZZZ/medications')).statusCode).toBe(403);
  });

  it('When an entry is stopped, then it is stopped today and listed last; again is 409, an unknown id 404, an outsider 403', async () => {
    const list = (await w.as(CHAN, 'GET', url())).json().entries as { id: string; text: string }[];
    const warfarin = list.find((e) => e.text === '薄血丸')!;
    const stop = (who: string, id: string) => w.as(who, 'POST', `${url()}/${id}/stop`);
    expect((await stop(HO, warfarin.id)).statusCode).toBe(403);
    const res = await stop(CHAN, warfarin.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().entry).toMatchObject({ id: warfarin.id, status: 'stopped', stopOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect([(await stop(CHAN, warfarin.id)).statusCode, (await stop(CHAN, warfarin.id)).json().code]).toEqual([409, 'conflict']);
    expect((await stop(CHAN, '00000000-0000-4000-8000-000000000000')).json().code).toBe('medication.not_found');
    expect((await stop(CHAN, 'not-a-uuid')).statusCode).toBe(400);
    const after = (await w.as(CHAN, 'GET', url())).json().entries as { text: string; status: string }[];
    expect(after.map((e) => [e.text, e.status])).toEqual([['Zzyxoprin', 'active'], ['Augmentin', 'active'], ['薄血丸', 'stopped']]);
  });

  it('When someone asks for the list in chat, then a 1:1 link to the mini-app page and no drug; an outsider gets no link', async () => {
    const link = replyAfter(w.h.sim, { userId: CHAN, via: 'oto' });
    const ack = replyAfter(w.h.sim, { conversationId: w.group });
    w.h.sim.say(w.group, CHAN, `@ConsultBridge meds ${w.code}`);
    expect((await link).text).toContain(`/app/doctor/cases/${w.code}/medications`);
    await ack;
    const refused = replyAfter(w.h.sim, { conversationId: w.group });
    w.h.sim.say(w.group, HO, `@ConsultBridge meds ${w.code}`);
    expect((await refused).text).not.toContain('/medications');
  });

  it('The audit log has each step by code, and no chat message, audit entry or log line carries a drug or dose', async () => {
    await w.h.service.audit.flush();
    const audit = w.h.service.db.sqlite.prepare("SELECT action, outcome, reason FROM audit_entries WHERE action LIKE 'medication.%'").all() as { action: string; outcome: string }[];
    expect(audit.filter((a) => a.action === 'medication.added' && a.outcome === 'success')).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'medication.stopped' && a.outcome === 'success')).toHaveLength(1);
    expect(audit.some((a) => a.action === 'medication.viewed' && a.outcome === 'denied')).toBe(true);
    const everything = JSON.stringify(w.h.service.db.sqlite.prepare('SELECT * FROM audit_entries').all());
    for (const s of SECRETS) {
      expect(JSON.stringify(w.h.sim.sent)).not.toContain(s);
      expect(everything).not.toContain(s);
      expect(w.h.logs()).not.toContain(s);
    }
  });
});

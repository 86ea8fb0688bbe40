import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkidCheckChar } from '../../src/shared/hkid.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, LAM, openCase, shareReport, WONG } from '../helpers/sharing-flow.js';

/** A check-digit-valid HKID with these six digits. */
const hkid = (digits: string) => `A${digits}(${hkidCheckChar('A', digits)})`;
/** What the patient search is about; none of it may reach an answer, the audit log or the service log. */
const PHI = /TEST Patient|測試病人|A123456|A200001|1950-01-02|chan siu/i;

/**
 * "My work" (GET /api/app/cases): my cases with role, status, last activity and unread; cursor pages;
 * search by case code, and by patient (exact HKID, whole name tokens) only where the policy allows.
 */
describe('Cases tab API: my cases, pages and search', () => {
  let h: Harness;
  let app: FastifyInstance;
  let main: string;
  let zh: string;
  const others: string[] = [];
  const get = (who: string, query = '') => asUser(h, app, who, { method: 'GET', url: `/api/app/cases${query}` });
  const codes = (res: { json(): { items: Array<{ code: string }> } }) => res.json().items.map((i) => i.code);
  const searches = async () => {
    await h.service.audit.flush();
    return h.service.db.sqlite
      .prepare("SELECT actor, target, outcome, reason FROM audit_entries WHERE action = 'case.patient_searched' ORDER BY rowid")
      .all() as Array<{ actor: string; target: string; outcome: string; reason: string | null }>;
  };
  const idOf = async (userId: string) => (await h.service.directoryRepo.findByDingTalkId(userId))!.id;

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    for (let i = 0; i < 4; i++) {
      const g = h.sim.org.addGroup({ title: `Other ${i}`, memberIds: [CHAN] }).openConversationId;
      others.push(await openCase(h, g, hkid(`30000${i}`)));
    }
    const group = h.sim.org.addGroup({ title: 'Cases consult', memberIds: [CHAN, LAM, WONG] }).openConversationId;
    main = await openCase(h, group, 'A123456(3)', [{ institutionCode: 'HPH', status: 'granted' }]);
    await h.service.secure.cases.team.addMember(chan, main, LAM, 'referring');
    await shareReport(h, app, group, CHAN, main);
    const g2 = h.sim.org.addGroup({ title: 'Chinese name', memberIds: [CHAN] }).openConversationId;
    const { intentId } = await h.service.secure.cases.open.startCaseOpen(chan, g2);
    const out = await h.service.secure.cases.open.submitCaseForm({ intentId }, chan.clinician.id, { hkid: hkid('200001'), nameEn: 'CHAN Siu Ming', nameZh: '陳小明', dateOfBirth: '1960-03-04', consents: [] });
    if (!out.created) throw new Error('case existed');
    zh = out.caseCode;
    await shareReport(h, app, g2, CHAN, zh);
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the attending lists their cases, then every one comes with role, status, last activity and unread, newest activity first, never cached', async () => {
    const res = await get(CHAN);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.items.map((i: { code: string }) => i.code).sort()).toEqual([...others, main, zh].sort());
    expect(body.items[0]).toMatchObject({ code: zh, role: 'attending', status: 'open', unread: 0 });
    const times = body.items.map((i: { lastActivityAt: number }) => i.lastActivityAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(body.nextCursor).toBeNull();
    expect(res.body).not.toMatch(PHI);
  });

  it('When pages of two are asked for, then the cursor walks every case exactly once in the same order, and the last page has no cursor', async () => {
    const all = codes(await get(CHAN));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(CHAN, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...codes(res));
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(all);
    expect(pages).toBe(3);
    expect((await get(CHAN, '?cursor=not-a-cursor')).json()).toMatchObject({ code: 'request.invalid' });
    expect((await get(CHAN, '?limit=0')).statusCode).toBe(400);
  });

  it('When a colleague on the team only as referring lists their cases, then they see that case with their role and its unread report, and nobody else’s cases', async () => {
    const res = await get(LAM);
    expect(res.json().items).toEqual([expect.objectContaining({ code: main, role: 'referring', unread: 1 })]);
    expect(codes(await get(WONG))).toEqual([]);
  });

  it('When searching by case code (any case), then only my own case with that code is found; another clinician finds nothing with the same code', async () => {
    const res = await get(CHAN, `?q=${main.toLowerCase()}`);
    expect(res.json()).toMatchObject({ searchedBy: 'code' });
    expect(codes(res)).toEqual([main]);
    expect(codes(await get(WONG, `?q=${main}`))).toEqual([]);
    expect(await searches()).toEqual([]); // a code search is not a patient search
  });

  it('When the attending searches by exact HKID, then the case is found and the search audited with a keyed hash of the query, never its text', async () => {
    const res = await get(CHAN, `?q=${encodeURIComponent('a123456(3)')}`);
    expect(res.json()).toMatchObject({ searchedBy: 'hkid' });
    expect(codes(res)).toEqual([main]);
    expect(res.body).not.toMatch(PHI);
    const entry = (await searches()).at(-1)!;
    expect(entry).toMatchObject({ actor: await idOf(CHAN), outcome: 'success', reason: 'by_hkid' });
    expect(entry.target).toMatch(/^hkid:[0-9a-f]{32}$/);
    expect((await get(CHAN, `?q=${encodeURIComponent('A123456(4)')}`)).json()).toMatchObject({ code: 'hkid.invalid' });
  });

  it('When the policy does not let the searcher see the patient (referring only; not on the team), then a patient search finds nothing, and the withheld match is audited as denied', async () => {
    expect(codes(await get(LAM, `?q=${encodeURIComponent('A123456(3)')}`))).toEqual([]);
    expect((await searches()).at(-1)).toMatchObject({ actor: await idOf(LAM), outcome: 'denied', reason: 'by_hkid_withheld' });
    expect(codes(await get(LAM, '?q=test%20patient'))).toEqual([]);
    expect(codes(await get(WONG, `?q=${encodeURIComponent('A123456(3)')}`))).toEqual([]);
    expect((await searches()).at(-1)).toMatchObject({ actor: await idOf(WONG), outcome: 'success', reason: 'by_hkid' });
    await h.service.secure.cases.team.addMember(await h.service.directory.resolveOrEnroll(CHAN, ''), main, LAM, 'consulting');
    expect(codes(await get(LAM, `?q=${encodeURIComponent('A123456(3)')}`))).toEqual([main]);
  });

  it('When searching by name, then whole tokens match in any order and case (Chinese per character), prefixes do not, and cases without a document to open stay hidden', async () => {
    const byName = await get(CHAN, '?q=patient%20TEST');
    expect(byName.json()).toMatchObject({ searchedBy: 'name' });
    expect(codes(byName)).toEqual([main]); // the other TEST Patient cases have no document the policy lets anyone open yet
    expect(codes(await get(CHAN, '?q=pat'))).toEqual([]);
    expect(codes(await get(CHAN, `?q=${encodeURIComponent('小明')}`))).toEqual([zh]);
    expect(codes(await get(CHAN, `?q=${encodeURIComponent('陳小明')}`))).toEqual([zh]);
    expect(codes(await get(CHAN, `?q=${encodeURIComponent('chan, siu-ming')}`))).toEqual([zh]);
    expect((await get(CHAN, '?q=%2C%2C')).json()).toMatchObject({ code: 'search.invalid' });
    const names = (await searches()).filter((e) => e.reason?.startsWith('by_name'));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const e of names) expect(e.target).toMatch(/^name:[0-9a-f]{32}$/);
  });

  it('No PHI reached the audit log, the service log or the index table', async () => {
    await h.service.audit.flush();
    expect(JSON.stringify(h.service.db.sqlite.prepare('SELECT * FROM audit_entries').all())).not.toMatch(PHI);
    const tokens = h.service.db.sqlite.prepare('SELECT token_hash AS t FROM patient_name_tokens').all() as Array<{ t: string }>;
    expect(tokens.length).toBeGreaterThan(0);
    for (const { t } of tokens) expect(t).toMatch(/^[0-9a-f]{64}$/);
    expect(h.logs()).not.toMatch(PHI);
  });
});

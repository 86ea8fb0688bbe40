import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTimeCursor } from '../../src/shared/time-cursor.js';
import { CHAN } from '../helpers/sharing-flow.js';
import { medsWorld, type MedsWorld } from './app-medications-fixture.js';

const MEDICATIONS = 25;
const REFERRALS = 23;

/**
 * Issue 15 item 2 through the real HTTP app: a case's medications, referrals and interaction alerts in
 * keyset pages (`?cursor=&limit=`, 1…100, default 20): the screen's order, none twice, none missing,
 * and bad input a coded 400.
 */
describe('a case’s own lists in keyset pages (HTTP)', () => {
  let w: MedsWorld;
  const url = (list: string) => `/api/cases/${w.code}/${list}`;

  /** Every page of a list, following nextCursor; the items of each page under `field`. */
  async function walk(list: string, field: string, limit?: number): Promise<{ id: string }[][]> {
    const pages: { id: string }[][] = [];
    let cursor: string | null = null;
    do {
      const qs = new URLSearchParams({ ...(cursor ? { cursor } : {}), ...(limit ? { limit: String(limit) } : {}) });
      const res = await w.as(CHAN, 'GET', `${url(list)}?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as Record<string, unknown>;
      pages.push(body[field] as { id: string }[]);
      cursor = body.nextCursor as string | null;
    } while (cursor && pages.length < 20);
    return pages;
  }

  beforeAll(async () => {
    w = await medsWorld();
    for (let i = 0; i < MEDICATIONS; i++) {
      const res = await w.as(CHAN, 'POST', url('medications'), { text: `Pagemed ${String(i).padStart(2, '0')}`, confirmed: [] });
      expect(res.statusCode).toBe(201);
    }
    for (let i = 0; i < REFERRALS; i++) {
      await w.h.service.referrals.repo.insert({
        id: `ref-${String(i).padStart(2, '0')}`, caseId: w.caseId, requesterId: null, institutionId: null, specialty: 'cardiology', severity: 'routine', purposeCode: 'referral',
        assigneeId: null, sentAt: 1_000 + Math.floor(i / 3), // ties: the id breaks them
      });
    }
  }, 120_000);
  afterAll(async () => w?.close());

  it('When the medications are paged, then active ones come first, then stopped, each newest first, none twice or missing', async () => {
    const first = (await walk('medications', 'entries'))[0]!;
    const stopped = [first[3]!, first[10]!];
    for (const m of stopped) expect((await w.as(CHAN, 'POST', `${url('medications')}/${m.id}/stop`)).statusCode).toBe(200);
    const pages = await walk('medications', 'entries', 7);
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 4]);
    const all = pages.flat() as { id: string; status: string; createdAt: number }[];
    expect(new Set(all.map((m) => m.id)).size).toBe(MEDICATIONS);
    const newest = (a: { id: string; createdAt: number }, b: { id: string; createdAt: number }) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
    const run = (status: string) => all.filter((m) => m.status === status).sort(newest).map((m) => m.id);
    expect(all.map((m) => m.id)).toEqual([...run('active'), ...run('stopped')]);
    expect(run('stopped').sort()).toEqual(stopped.map((m) => m.id).sort());
    // The default page is 20.
    expect((await walk('medications', 'entries')).map((p) => p.length)).toEqual([20, 5]);
  });

  it('When the referrals are paged, then newest first by (sentAt, id) across pages, none twice or missing', async () => {
    const pages = await walk('referrals', 'items', 10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
    const expected = Array.from({ length: REFERRALS }, (_, i) => `ref-${String(i).padStart(2, '0')}`).sort((a, b) => Math.floor(Number(b.slice(4)) / 3) - Math.floor(Number(a.slice(4)) / 3) || (a < b ? 1 : -1));
    expect(pages.flat().map((r) => r.id)).toEqual(expected);
  });

  it('When a case has no interaction alerts and no rule fired on it, then one empty page each and no cursor', async () => {
    expect((await w.as(CHAN, 'GET', url('interaction-alerts'))).json()).toEqual({ caseCode: w.code, alerts: [], nextCursor: null });
    expect((await w.as(CHAN, 'GET', `/api/app/cases/${w.code}/consult-triggers`)).json()).toEqual({ items: [], nextCursor: null });
    expect((await w.as(CHAN, 'GET', `/api/app/cases/${w.code}`)).json()).toMatchObject({ consultTriggers: [], consultTriggersNext: null });
  });

  it('When the cursor or the limit is bad, then 400 request.invalid on every list, and nothing else leaks', async () => {
    const wrongRun = encodeTimeCursor({ at: 1, id: 'elsewhere:x' });
    const noRun = encodeTimeCursor({ at: 1, id: 'x' });
    const lists = ['medications', 'referrals', 'interaction-alerts'].map(url).concat(`/api/app/cases/${w.code}/consult-triggers`);
    for (const list of lists) {
      for (const qs of ['limit=0', 'limit=101', 'limit=abc', 'limit=2.5', 'cursor=%21%21%21', `cursor=${wrongRun}`, `cursor=${noRun}`, `cursor=${'a'.repeat(301)}`]) {
        const res = await w.as(CHAN, 'GET', `${list}?${qs}`);
        expect([list, qs, res.statusCode, res.json().code]).toEqual([list, qs, 400, 'request.invalid']);
        expect(res.body).not.toContain('Pagemed');
      }
      expect((await w.as(CHAN, 'GET', `${list}?limit=100`)).statusCode).toBe(200);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MdtAction } from '../../src/domain/mdt/mdt-meeting.js';
import { bearer, type AuthWorld } from './auth-fixture.js';
import { chanCaseWorld } from './chan-case-world.js';

/**
 * "My MDT actions" come a keyset page at a time (issue 15): open ones first, soonest due first and
 * undated last, then done ones, most recently done first. Paging through finds each action once,
 * across the runs; a cursor that does not read is a coded 400; the page size is bounded.
 */
describe('My MDT actions in cursor pages', () => {
  let w: AuthWorld;
  let code: string;
  let chan: string;
  const order: string[] = [];

  beforeAll(async () => {
    let caseId: string, owner: string;
    ({ w, code, caseId, chan, chanId: owner } = await chanCaseWorld('A123456(3)'));
    const mdt = w.h.service.mdt.useCases.mdt;
    const action = (id: string, dueAt: number | null, position: number): MdtAction =>
      ({ id, meetingId: 'm-paging', caseId, position, text: `follow up ${id}`, ownerId: owner, dueAt, status: 'open', doneAt: null, remindedAt: null });
    // 12 open with a due date (two per day: the id breaks ties), 5 undated, 8 done (two per time), 3 someone else's.
    const due = Array.from({ length: 12 }, (_, i) => action(`due-${String(i).padStart(2, '0')}`, 1_900_000_000_000 + Math.floor(i / 2), i));
    const undated = Array.from({ length: 5 }, (_, i) => action(`und-${i}`, null, 20 + i));
    const done = Array.from({ length: 8 }, (_, i) => action(`done-${i}`, 1_800_000_000_000, 30 + i));
    const others = Array.from({ length: 3 }, (_, i) => ({ ...action(`other-${i}`, 1, 40 + i), ownerId: 'someone-else' }));
    await mdt.addActions([...due, ...undated, ...done, ...others].reverse());
    for (const [i, a] of done.entries()) await mdt.markDone(a.id, 1_700_000_000_000 + Math.floor(i / 2));
    order.push(...due.map((a) => a.id), ...undated.map((a) => a.id), ...[...done].reverse().map((a) => a.id));
  }, 60_000);
  afterAll(() => w.close());

  const get = async (url: string) => {
    const res = await w.app.inject({ method: 'GET', url, headers: bearer(chan) });
    return { status: res.statusCode, body: res.json() };
  };
  const ids = (body: { items: { id: string }[] }) => body.items.map((a) => a.id);

  it('The first page has the 20 first in screen order and a cursor; the next page the other 5, none twice', async () => {
    const first = await get('/api/app/mdt-actions');
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual(order.slice(0, 20));
    expect(first.body.items[0]).toMatchObject({ caseCode: code, status: 'open', overdue: false });
    const next = await get(`/api/app/mdt-actions?cursor=${first.body.nextCursor}`);
    expect(ids(next.body)).toEqual(order.slice(20));
    expect(next.body.items.every((a: { status: string }) => a.status === 'done')).toBe(true);
    expect(next.body.nextCursor).toBeNull();
  });

  it.each([1, 3, 5, 12, 17])('Walking pages of %i gives every action once, in order, across the runs', async (limit) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/api/app/mdt-actions?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(order);
  });

  it('The page size is bounded (at most 50; 0 or over 200 refused); a cursor that does not read is a coded 400', async () => {
    expect((await get('/api/app/mdt-actions?limit=200')).body.items).toHaveLength(25);
    for (const limit of [0, 201, -1]) expect((await get(`/api/app/mdt-actions?limit=${limit}`)).status, String(limit)).toBe(400);
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const bad of ['not-a-cursor', b64('x.y'), b64('12.open:due-01'), b64('12.due-01')]) {
      const res = await get(`/api/app/mdt-actions?cursor=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ code: 'request.invalid' });
    }
  });
});

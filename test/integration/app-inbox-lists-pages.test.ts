import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, LAM } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { burnCase } from './burn-fixture.js';

type List = 'to-decide' | 'my-requests' | 'burn' | 'alerts' | 'escalations';
/** The inbox's field for each list's first page, and what names one item. */
const FIELD: Record<List, [string, string]> = {
  'to-decide': ['toDecide', 'requestId'],
  'my-requests': ['myRequests', 'requestId'],
  burn: ['burnItems', 'itemId'],
  alerts: ['alerts', 'alertId'],
  escalations: ['escalations', 'itemId'],
};
const T0 = 1_700_000_000_000;
const N = 27;

/**
 * Every inbox list past the new documents comes a keyset page at a time, newest first (issue 15): the
 * inbox carries each list's first page and a cursor, GET /api/app/inbox/<list> the rest. Dr Lam asked
 * for 27 reports (Dr Chan, the attending, decides them), and has 27 burn items, alerts and escalations.
 */
describe('doctor inbox: every list in cursor pages', () => {
  let w: AuthWorld;
  const tokens: Record<string, string> = {};
  /** Adds one item of the list at `createdAt` for its reader; resolves with its id. */
  let add: Record<List, (createdAt: number) => Promise<string>>;
  const ids: Record<List, string[]> = { 'to-decide': [], 'my-requests': [], burn: [], alerts: [], escalations: [] };
  const reader: Record<List, string> = { 'to-decide': CHAN, 'my-requests': LAM, burn: LAM, alerts: LAM, escalations: LAM };

  beforeAll(async () => {
    w = await authWorld();
    const code = await burnCase(w.h, 'A123456(3)');
    tokens[LAM] = (await w.login(LAM)).accessToken;
    tokens[CHAN] = (await w.login(CHAN)).accessToken;
    const svc = w.h.service;
    const caseId = (await svc.secure.casesRepo.caseByCode(code))!.id;
    const chan = (await svc.directoryRepo.findByDingTalkId(CHAN))!.id;
    const lam = (await svc.directoryRepo.findByDingTalkId(LAM))!.id;
    const request = async (createdAt: number) => {
      const id = randomUUID();
      const documentId = randomUUID();
      await svc.repos.documents.insert({ id: documentId, caseId, authorId: chan, kind: 'report', mediaType: 'application/pdf', size: 1, createdAt });
      await svc.secure.sealed.approvals.insert({ id, documentId, caseId, requesterId: lam, reasonCode: 'direct_care', chain: ['attending'], createdAt, expiresAt: Date.now() + 86_400_000 });
      return id;
    };
    add = {
      'to-decide': request,
      'my-requests': request,
      burn: async (createdAt) => {
        const id = randomUUID();
        await svc.repos.burn.insert({ id, caseId, authorId: chan, kind: 'text', burnAfterMs: 30_000, createdAt, expiresAt: 9e12, dueAt: 9e12, mediaType: null }, [lam], []);
        return id;
      },
      alerts: async (createdAt) => {
        const id = randomUUID();
        await svc.repos.alerts.insert({ id, caseId, raisedBy: chan, status: 'sent', ehrPendingId: `e-${id}`, recipientIds: JSON.stringify([lam]), createdAt, archiveAt: 9e12 });
        return id;
      },
      escalations: async (createdAt) => {
        const id = randomUUID();
        await svc.repos.escalation.insert({ itemId: id, recipientId: lam, itemType: 'document', caseId, status: 'active', nextAt: 9e12, createdAt });
        return id;
      },
    };
    // Three items each millisecond: the id breaks ties. A request is both Dr Lam's and one for Dr Chan to decide.
    for (let i = 0; i < N; i++) {
      const at = T0 + Math.floor(i / 3);
      const r = await request(at);
      ids['to-decide'].push(r);
      ids['my-requests'].push(r);
      for (const list of ['burn', 'alerts', 'escalations'] as const) ids[list].push(await add[list](at));
    }
  }, 60_000);
  afterAll(() => w.close());
  let arrivals = 0;

  const get = async (list: List, url: string) => {
    const res = await w.app.inject({ method: 'GET', url, headers: bearer(tokens[reader[list]]!) });
    return { status: res.statusCode, body: res.json() };
  };
  const idsOf = (list: List, items: Record<string, unknown>[]) => items.map((x) => x[FIELD[list][1]] as string);

  for (const list of Object.keys(FIELD) as List[]) {
    it(`${list}: the inbox carries the first 20 and a cursor; the next page by cursor has the rest, newest first, none twice`, async () => {
      const inbox = (await get(list, '/api/app/inbox')).body;
      const first = inbox[FIELD[list][0]] as { createdAt: number }[];
      expect(first).toHaveLength(20);
      const next = await get(list, `/api/app/inbox/${list}?cursor=${inbox[`${FIELD[list][0]}Next`]}`);
      expect(next.status).toBe(200);
      expect(next.body.items).toHaveLength(ids[list].length - 20);
      expect(next.body.nextCursor).toBeNull();
      const all = [...idsOf(list, first as never), ...idsOf(list, next.body.items)];
      expect([...all].sort()).toEqual([...ids[list]].sort());
      const times = [...first, ...next.body.items].map((x: { createdAt: number }) => x.createdAt);
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it(`${list}: an item that arrives between pages is on none of the later ones, and none is repeated or skipped; limit is capped`, async () => {
      const seen: string[] = [];
      let page = (await get(list, `/api/app/inbox/${list}?limit=10`)).body;
      seen.push(...idsOf(list, page.items));
      const newer = await add[list](T0 + 10_000_000 + ++arrivals);
      if (list === 'to-decide' || list === 'my-requests') ids[list === 'to-decide' ? 'my-requests' : 'to-decide'].push(newer);
      while (page.nextCursor) {
        page = (await get(list, `/api/app/inbox/${list}?cursor=${page.nextCursor}&limit=10`)).body;
        seen.push(...idsOf(list, page.items));
      }
      expect(seen).toHaveLength(ids[list].length);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).not.toContain(newer);
      ids[list].push(newer);
      expect(idsOf(list, (await get(list, `/api/app/inbox/${list}?limit=1`)).body.items)).toEqual([newer]);
      expect((await get(list, `/api/app/inbox/${list}?limit=200`)).body.items).toHaveLength(ids[list].length); // under the cap of 50
      expect((await get(list, `/api/app/inbox/${list}?limit=0`)).status).toBe(400);
    });

    it(`${list}: a cursor that does not read is a coded 400`, async () => {
      for (const bad of ['not-a-cursor', Buffer.from('x.y').toString('base64url'), Buffer.from('12.a/b').toString('base64url')]) {
        const res = await get(list, `/api/app/inbox/${list}?cursor=${bad}`);
        expect(res.status, bad).toBe(400);
        expect(res.body).toMatchObject({ code: 'request.invalid' });
      }
    });
  }
});

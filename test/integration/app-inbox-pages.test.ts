import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, LAM } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { burnCase } from './burn-fixture.js';

/**
 * The inbox's new documents come a keyset page at a time, newest first (issue 15): the inbox carries
 * the first page, the total (a COUNT) and a cursor; /api/app/inbox/documents gives the rest. Paging
 * through finds every document once, none skipped, even when new ones arrive meanwhile.
 */
describe('doctor inbox: new documents in cursor pages', () => {
  let w: AuthWorld;
  let lam: string;
  let share: (createdAt: number) => Promise<string>;
  const ids: string[] = [];

  beforeAll(async () => {
    w = await authWorld();
    const code = await burnCase(w.h, 'A123456(3)');
    lam = (await w.login(LAM)).accessToken;
    const svc = w.h.service;
    const caseId = (await svc.secure.casesRepo.caseByCode(code))!.id;
    const chan = (await svc.directoryRepo.findByDingTalkId(CHAN))!;
    share = async (createdAt: number) => {
      const id = randomUUID();
      await svc.repos.documents.insert({ id, caseId, authorId: chan.id, kind: 'report', mediaType: 'application/pdf', size: 1, createdAt });
      return id;
    };
    // 45 reports, three sharing each millisecond: the id breaks ties.
    for (let i = 0; i < 45; i++) ids.push(await share(1_700_000_000_000 + Math.floor(i / 3)));
  }, 60_000);
  afterAll(() => w.close());

  const get = async (url: string) => {
    const res = await w.app.inject({ method: 'GET', url, headers: bearer(lam) });
    return { status: res.statusCode, body: res.json() };
  };

  it('The inbox carries the first 20, newest first, the total and a cursor; paging on finds all 45 once, in order, with no gaps', async () => {
    const inbox = (await get('/api/app/inbox')).body;
    expect(inbox.newDocuments).toHaveLength(20);
    expect(inbox.newDocumentsTotal).toBe(45);
    expect(inbox.newDocumentsNext).toEqual(expect.any(String));
    const seen: { documentId: string; createdAt: number }[] = [...inbox.newDocuments];
    let cursor: string | null = inbox.newDocumentsNext;
    let pages = 1;
    while (cursor) {
      const page = await get(`/api/app/inbox/documents?cursor=${cursor}&limit=20`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen.map((d) => d.documentId)).size).toBe(45);
    expect(seen.map((d) => d.documentId).sort()).toEqual([...ids].sort());
    const times = seen.map((d) => d.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('Stable under inserts: a document shared while paging is not on the later pages, and none is repeated or skipped', async () => {
    const first = (await get('/api/app/inbox/documents?limit=10')).body;
    const newer = await share(1_800_000_000_000);
    const rest: string[] = [];
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = (await get(`/api/app/inbox/documents?cursor=${cursor}&limit=10`)).body;
      rest.push(...page.items.map((d: { documentId: string }) => d.documentId));
      cursor = page.nextCursor;
    }
    const all = [...first.items.map((d: { documentId: string }) => d.documentId), ...rest];
    expect(all).toHaveLength(45);
    expect(new Set(all).size).toBe(45);
    expect(all).not.toContain(newer);
    const again = (await get('/api/app/inbox')).body;
    expect(again.newDocuments[0].documentId).toBe(newer);
    expect(again.newDocumentsTotal).toBe(46);
  });

  it('A cursor that does not read is a coded 400; a limit past the cap gives at most 50', async () => {
    for (const bad of ['not-a-cursor', Buffer.from('x.y').toString('base64url'), Buffer.from('12.a/b').toString('base64url')]) {
      const res = await get(`/api/app/inbox/documents?cursor=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ code: 'request.invalid' });
    }
    for (let i = 0; i < 10; i++) await share(1_600_000_000_000 + i);
    expect((await get('/api/app/inbox/documents?limit=200')).body.items).toHaveLength(50); // 56 there, 50 at most a page
  });

  it('The badge counts up to 100 (the screen says 99+): 99 is 99, 100 and 130 are both 100, and paging still finds all 130', async () => {
    const total = async () => (await get('/api/app/inbox')).body.newDocumentsTotal;
    for (let i = 0; i < 43; i++) await share(1_500_000_000_000 + i); // 56 + 43 = 99
    expect(await total()).toBe(99);
    await share(1_400_000_000_000);
    expect(await total()).toBe(100);
    for (let i = 0; i < 30; i++) await share(1_300_000_000_000 + i);
    expect(await total()).toBe(100);
    let seen = 0;
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: unknown[]; nextCursor: string | null } = (await get(`/api/app/inbox/documents?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen += page.items.length;
      cursor = page.nextCursor;
    }
    expect(seen).toBe(130);
  });
});

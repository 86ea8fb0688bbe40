import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type AuthWorld } from './auth-fixture.js';
import { chanCaseWorld } from './chan-case-world.js';

/**
 * A case screen's documents come a keyset page at a time, newest first (issue 15): the case view
 * carries the first page, the total (a COUNT) and a cursor; /api/app/cases/:code/documents the rest,
 * for the same readers as the case. Paging through finds every document once, even when one is
 * shared meanwhile.
 */
const CHEUNG = 'qmh-cheung-meiwah';

describe('case screen: documents in cursor pages', () => {
  let w: AuthWorld;
  let code: string;
  let chan: string;
  let share: (createdAt: number) => Promise<string>;
  const ids: string[] = [];

  beforeAll(async () => {
    let caseId: string, author: string;
    ({ w, code, caseId, chan, chanId: author } = await chanCaseWorld('A123456(3)'));
    const svc = w.h.service;
    share = async (createdAt: number) => {
      const id = randomUUID();
      await svc.repos.documents.insert({ id, caseId, authorId: author, kind: 'report', mediaType: 'application/pdf', size: 1, createdAt });
      return id;
    };
    // 33 reports, three each millisecond: the id breaks ties.
    for (let i = 0; i < 33; i++) ids.push(await share(1_700_000_000_000 + Math.floor(i / 3)));
  }, 60_000);
  afterAll(() => w.close());

  const get = async (url: string, token = chan) => {
    const res = await w.app.inject({ method: 'GET', url, headers: bearer(token) });
    return { status: res.statusCode, body: res.json() };
  };

  it('The case view carries the first 20, newest first, the total and a cursor; the next page has the other 13 with receipts, none twice', async () => {
    const view = (await get(`/api/app/cases/${code}`)).body;
    expect(view.documents).toHaveLength(20);
    expect(view.documentsTotal).toBe(33);
    const next = await get(`/api/app/cases/${code}/documents?cursor=${view.documentsNext}`);
    expect(next.status).toBe(200);
    expect(next.body.nextCursor).toBeNull();
    const all = [...view.documents, ...next.body.items] as { documentId: string; createdAt: number; notOpened: { nameEn: string }[] }[];
    expect(all.map((d) => d.documentId).sort()).toEqual([...ids].sort());
    expect(all.map((d) => d.createdAt)).toEqual(all.map((d) => d.createdAt).sort((a, b) => b - a));
    // Receipts on a later page too: the two consultants have not opened it.
    expect(next.body.items[12].notOpened).toHaveLength(2);
  });

  it('Stable under inserts: a document shared while paging is on none of the later pages; limit is bounded', async () => {
    const first = (await get(`/api/app/cases/${code}/documents?limit=10`)).body;
    const newer = await share(1_800_000_000_000);
    const seen: string[] = first.items.map((d: { documentId: string }) => d.documentId);
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = (await get(`/api/app/cases/${code}/documents?cursor=${cursor}&limit=10`)).body;
      seen.push(...page.items.map((d: { documentId: string }) => d.documentId));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(33);
    expect(new Set(seen).size).toBe(33);
    expect(seen).not.toContain(newer);
    expect((await get(`/api/app/cases/${code}`)).body.documents[0].documentId).toBe(newer);
    expect((await get(`/api/app/cases/${code}/documents?limit=200`)).body.items).toHaveLength(34);
    expect((await get(`/api/app/cases/${code}/documents?limit=0`)).status).toBe(400);
  });

  it('A cursor that does not read is a coded 400; someone off the team without a grant is refused the pages like the case', async () => {
    for (const bad of ['not-a-cursor', Buffer.from('x.y').toString('base64url')]) {
      const res = await get(`/api/app/cases/${code}/documents?cursor=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ code: 'request.invalid' });
    }
    // Dr Cheung is on no team here and holds no grant: the pages are refused like the case, with the same code.
    const stranger = (await w.login(CHEUNG)).accessToken;
    for (const url of [`/api/app/cases/${code}`, `/api/app/cases/${code}/documents`, '/api/app/cases/C-ZZZZZ/documents']) {
      const res = await get(url, stranger);
      expect(res.status, url).toBe(403);
      expect(res.body).toMatchObject({ code: 'access.denied' });
    }
  });
});

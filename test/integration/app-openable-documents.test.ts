import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, LAM, WONG, openCase } from '../helpers/sharing-flow.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';
import { burnCase } from './burn-fixture.js';

const NG = 'hph-ng-chiho';
const HO = 'qmh-ho-wingyee';
const HOUR = 3_600_000;

type Item = { documentId: string; caseCode: string; via: string; createdAt: number; author: { nameEn: string } };

/**
 * GET /api/app/documents — "documents I may open" (issue 15): every live document the clinician may
 * open now, newest first, in keyset pages, decided by the same policy as opening one. Checked against
 * the view decision for every document and several clinicians, through pages of 7.
 */
describe('documents I may open, in cursor pages', () => {
  let w: AuthWorld;
  const tokens = new Map<string, string>();
  const all: string[] = [];
  let teamCase: string;
  let otherCase: string;
  let noConsentCase: string;
  let granted: string;

  beforeAll(async () => {
    w = await authWorld();
    const svc = w.h.service;
    const t0 = w.clock.now() - 100 * HOUR;
    teamCase = await burnCase(w.h, 'A123456(3)'); // Chan attending, Lam and Wong consulting; HPH consent
    const group = (title: string) => w.h.sim.org.addGroup({ title, memberIds: [CHAN], ownerId: CHAN }).openConversationId;
    otherCase = await openCase(w.h, group('Other consult'), 'B123456(6)', [{ institutionCode: 'HPH', status: 'granted' }]);
    noConsentCase = await openCase(w.h, group('No consent'), 'C123456(9)', []);
    const chan = (await svc.directoryRepo.findByDingTalkId(CHAN))!;
    const caseIdOf = async (code: string) => (await svc.secure.casesRepo.caseByCode(code))!.id;
    let n = 0;
    const share = async (code: string, extra: { restrictedCategory?: string; authorInstitutionId?: string | null } = {}) => {
      const id = randomUUID();
      // Three documents a millisecond: the id breaks ties.
      await svc.repos.documents.insert({ id, caseId: await caseIdOf(code), authorId: chan.id, authorInstitutionId: chan.institutionId, kind: 'report', mediaType: 'application/pdf', size: 1, createdAt: t0 + Math.floor(n++ / 3), ...extra });
      all.push(id);
      return id;
    };
    for (let i = 0; i < 16; i++) await share(teamCase);
    await share(teamCase, { restrictedCategory: 'psychiatry' }); // no extra consent: nobody outside the rules opens it
    const retracted = await share(teamCase);
    await svc.repos.documents.markRetracted(retracted);
    const other: string[] = [];
    for (let i = 0; i < 9; i++) other.push(await share(otherCase));
    const noConsent: string[] = [];
    for (let i = 0; i < 12; i++) noConsent.push(await share(noConsentCase));
    for (let i = 0; i < 5; i++) await share(teamCase);
    const ng = (await svc.directoryRepo.findByDingTalkId(NG))!;
    const now = w.clock.now();
    // Ng (HPH) holds an approval on one document of the other case, a consult on the case without HPH consent, and an expired approval.
    granted = other[4]!;
    await svc.secure.grants.createItemGrant({ documentId: granted, caseId: await caseIdOf(otherCase), clinicianId: ng.id, grantedBy: chan.id, expiresAt: now + HOUR, reason: 'test' });
    await svc.secure.grants.createItemGrant({ documentId: other[5]!, caseId: await caseIdOf(otherCase), clinicianId: ng.id, grantedBy: chan.id, expiresAt: now - 1, reason: 'test' });
    await svc.secure.grants.createConsultGrant({ caseId: await caseIdOf(noConsentCase), clinicianId: ng.id, grantedBy: chan.id, expiresAt: now + HOUR, reason: 'test', now });
    for (const u of [CHAN, LAM, WONG, NG, HO]) tokens.set(u, (await w.login(u)).accessToken);
  }, 60_000);
  afterAll(() => w.close());

  const get = async (user: string, url: string) => {
    const res = await w.app.inject({ method: 'GET', url, headers: bearer(tokens.get(user)!) });
    return { status: res.statusCode, body: res.json() };
  };
  const everyPage = async (user: string, limit: number) => {
    const items: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await get(user, `/api/app/documents?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return { items, pages };
  };
  /** What the view decision says, document by document (without recording an attempt). */
  const mayOpen = async (user: string) => {
    const me = (await w.h.service.directoryRepo.findByDingTalkId(user))!;
    const out: string[] = [];
    for (const id of all) {
      try {
        if ((await w.h.service.secure.access.previewView(me, id)).decision.allowed) out.push(id);
      } catch {
        // retracted or burned: not openable
      }
    }
    return out;
  };

  it('Lists exactly what the view decision allows, for each clinician, every document once, newest first', async () => {
    for (const user of [CHAN, LAM, WONG, NG, HO]) {
      const { items } = await everyPage(user, 7);
      const ids = items.map((d) => d.documentId);
      expect(new Set(ids).size, user).toBe(ids.length);
      expect([...ids].sort(), user).toEqual((await mayOpen(user)).sort());
      const order = items.map((d) => [d.createdAt, d.documentId] as const);
      expect(order, user).toEqual([...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1)));
    }
  });

  it('Says why each is open: the care team, an approved request, a consult; nobody outside sees a thing', async () => {
    const lam = (await everyPage(LAM, 50)).items;
    expect(lam.length).toBeGreaterThan(0);
    expect(new Set(lam.map((d) => d.via))).toEqual(new Set(['care_team']));
    expect(new Set(lam.map((d) => d.caseCode))).toEqual(new Set([teamCase]));
    const ng = (await everyPage(NG, 50)).items;
    expect(ng.filter((d) => d.caseCode === otherCase).map((d) => [d.documentId, d.via])).toEqual([[granted, 'grant']]);
    // The consult reaches the case, but without HPH consent the policy refuses each document.
    expect(ng.filter((d) => d.caseCode === noConsentCase)).toEqual([]);
    expect(ng.map((d) => d.author.nameEn)).toEqual(ng.map(() => 'Dr CHAN Tai-man'));
    expect((await everyPage(HO, 50)).items).toEqual([]);
  });

  it('A page the policy thins is topped up, and a page it empties still leads to the rest: nothing is lost behind a short page', async () => {
    // Wong (HPH) consults on the team case, where the restricted report is refused: every page but the last is still full.
    const wong = await everyPage(WONG, 5);
    expect(wong.items.map((d) => d.documentId).sort()).toEqual((await mayOpen(WONG)).sort());
    expect(wong.pages).toBe(Math.ceil(wong.items.length / 5));
    // Ng's consult reaches twelve documents the policy refuses, newer than his one approved document.
    const first = (await get(NG, '/api/app/documents?limit=2')).body;
    expect(first.items).toEqual([]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const ng = await everyPage(NG, 2);
    expect(ng.items.map((d) => d.documentId)).toEqual([granted]);
    expect(ng.pages).toBeGreaterThan(1);
  });

  it('A cursor that does not read is a coded 400; a limit past the cap gives at most 50; a login is needed', async () => {
    for (const bad of ['not-a-cursor', Buffer.from('x.y').toString('base64url')]) {
      const res = await get(LAM, `/api/app/documents?cursor=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ code: 'request.invalid' });
    }
    expect((await get(CHAN, '/api/app/documents?limit=200')).body.items.length).toBeLessThanOrEqual(50);
    expect((await w.app.inject({ method: 'GET', url: '/api/app/documents' })).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, type ConsoleWorld } from './admin-console-fixture.js';
import { CHAN, LAM, openCase } from '../helpers/sharing-flow.js';

interface Person {
  id: string;
  nameEn: string;
  nameZh: string | null;
  dingtalkUserId: string;
  institution: string | null;
  verified: boolean;
}
interface Doc {
  id: string;
  seq: number;
  kind: string;
  mediaType: string;
  sharedAt: string;
  author: { id: string; name: string };
  status: string;
  restricted: boolean;
}

describe('admin console: the explain tool picks a person by name and a document by case code', () => {
  let w: ConsoleWorld;
  const seed = { code: '', caseId: '', docId: '', restricted: '', burned: '' };
  /** Metadata as sharing registers it; the picker never opens the bytes, so none are stored. */
  const register = async (kind: 'report' | 'ephemeral', restrictedCategory: string | null = null) =>
    (await w.h.service.secure.sharing.registerDocument({ caseId: seed.caseId, authorId: w.ids.doctor, kind, restrictedCategory, mediaType: 'application/pdf', size: 1234 })).id;
  beforeAll(async () => {
    w = await consoleWorld();
    seed.code = await openCase(w.h, w.group, 'A123456(3)', [{ institutionCode: 'HPH', status: 'granted' }]);
    seed.caseId = (await w.h.service.secure.casesRepo.caseByCode(seed.code))!.id;
    await w.h.service.secure.cases.team.addMember(await w.h.service.directory.resolveOrEnroll(CHAN, ''), seed.code, LAM, 'consulting', w.group);
    seed.docId = await register('report');
    seed.restricted = await register('report', 'mental_health');
    seed.burned = await register('ephemeral');
    await w.h.service.secure.sharing.markDestroyed(seed.burned);
  }, 30_000);
  afterAll(async () => w?.close());

  const people = async (q: string, limit?: number) => {
    const res = await w.call('GET', `/api/admin/people?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`, 'admin');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { people: Person[]; more: boolean; nextCursor: string | null };
  };

  it('When an admin types part of a name in English or Chinese, in any case or word order, then the matching clinicians come back with their institution', async () => {
    for (const q of ['lee mei', 'Mei-ling LEE', '李美', 'hph-lee']) {
      const found = await people(q);
      expect([q, found.people.map((p) => p.dingtalkUserId)]).toEqual([q, ['hph-lee-meiling']]);
    }
    const lee = (await people('lee mei')).people[0]!;
    const leeId = (await w.h.service.directoryRepo.findByDingTalkId('hph-lee-meiling'))!.id;
    expect(lee).toMatchObject({ id: leeId, nameZh: '李美玲', institution: 'HPH', verified: false });
    expect(lee.nameEn).toContain('LEE Mei-ling');
    // "Wong" is one doctor; "mei" is in two names (LEE Mei-ling, CHEUNG Mei-wah).
    expect((await people('wong')).people.map((p) => p.id)).toEqual([w.ids.wong]);
    expect((await people('MEI')).people.map((p) => p.dingtalkUserId).sort()).toEqual(['hph-lee-meiling', 'qmh-cheung-meiwah']);
    expect((await people('nobody-by-this-name')).people).toEqual([]);
  });

  it('When no name is typed, then everyone is listed up to the limit, and `more` says when the list was cut', async () => {
    const all = (await w.h.service.directoryRepo.list()).length;
    const full = await people('', 50);
    expect([full.people.length, full.more]).toEqual([all, false]);
    const cut = await people('', 2);
    expect([cut.people.length, cut.more]).toEqual([2, true]);
    const next = (await w.call('GET', `/api/admin/people?limit=2&cursor=${cut.nextCursor!}`, 'admin')).json() as { people: Person[] };
    expect(next.people.map((p) => p.id)).toEqual(full.people.slice(2, 4).map((p) => p.id));
    for (const url of ['/api/admin/people?limit=500', '/api/admin/people?limit=0', '/api/admin/people?cursor=not-a-cursor']) {
      const bad = await w.call('GET', url, 'admin');
      expect([url, bad.statusCode, bad.json().code]).toEqual([url, 400, 'request.invalid']);
    }
  });

  it('When an admin gives a case code, then its documents come back newest first, numbered in sharing order, with kind, format, author, date and state only', async () => {
    const res = await w.call('GET', `/api/admin/cases/${seed.code.toLowerCase()}/documents`, 'admin');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { caseCode: string; documents: Doc[] };
    expect(body.caseCode).toBe(seed.code);
    expect(body.documents.map((d) => [d.id, d.seq, d.kind, d.status, d.restricted])).toEqual([
      [seed.burned, 3, 'ephemeral', 'destroyed', false],
      [seed.restricted, 2, 'report', 'active', true],
      [seed.docId, 1, 'report', 'active', false],
    ]);
    expect(body.documents[2]).toMatchObject({ mediaType: 'application/pdf', docType: 'report', author: { id: w.ids.doctor } });
    expect(body.documents[2]!.author.name).toContain('CHAN Tai-man');
    expect(Date.parse(body.documents[2]!.sharedAt)).toBe((await w.h.service.secure.documentsRepo.find(seed.docId))!.createdAt);
    // An allow-list: nothing about the patient, the file, its keys, or which restricted category.
    expect(Object.keys(body.documents[0]!).sort()).toEqual(['author', 'docType', 'id', 'kind', 'mediaType', 'restricted', 'seq', 'sharedAt', 'status']);
    expect(res.body).not.toMatch(/A123456|TEST Patient|mental_health|cardOutTrackId|wrappedKey/);
  });

  it('When a picked document is explained, then the answer is the same as explaining it by id (the picker feeds explain)', async () => {
    const picked = ((await w.call('GET', `/api/admin/cases/${seed.code}/documents`, 'admin')).json() as { documents: Doc[] }).documents.at(-1)!;
    const lam = (await people('lam ka')).people[0]!;
    const res = await w.call('POST', '/api/admin/policies/explain', 'admin', { clinicianId: lam.id, documentId: picked.id });
    expect(res.json()).toMatchObject({ allowed: true, clinicianId: w.ids.lam, documentId: seed.docId, caseCode: seed.code });
  });

  it('When the case code is malformed or unknown, then the coded 400 or 404 comes back', async () => {
    const bad = await w.call('GET', '/api/admin/cases/C-1/documents', 'admin');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'case.code_invalid']);
    const unknown = await w.call('GET', '/api/admin/cases/C-ZZZZZ/documents', 'admin');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'case.not_found']);
  });

  it('When a privacy officer, auditor or doctor holds an admin token, then both pickers answer 403', async () => {
    for (const who of ['officer', 'auditor', 'doctor'] as const) {
      for (const url of ['/api/admin/people?q=lee', `/api/admin/cases/${seed.code}/documents`]) {
        const res = await w.call('GET', url, who);
        expect([who, url, res.statusCode, res.json().code]).toEqual([who, url, 403, 'access.denied']);
      }
    }
  });
});

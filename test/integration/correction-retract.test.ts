import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkidCheckChar } from '../../src/shared/hkid.js';
import { eventually } from '../helpers/eventually.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, LAM, openCase, shareReport, viewAs, WONG } from '../helpers/sharing-flow.js';

const SECOND_HKID = `B100000(${hkidCheckChar('B', '100000')})`;
const PHI = /TEST Patient|A123456|B100000|1950-01-02/;

/**
 * Wrong-patient correction, document side: a report shared to the wrong case is retracted by its
 * sharer or the case's attending (views end at once, receipts and audit kept, the team told with
 * codes only) and re-filed to the right case through that case's sharing rules (both codes audited).
 */
describe('retract and re-file a document shared to the wrong case', () => {
  let h: Harness;
  let app: FastifyInstance;
  let wrongCase: string;
  let rightCase: string;
  let group: string;
  let docId: string;
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => asUser(h, app, who, { method, url, payload });
  const audit = async (action: string) => {
    await h.service.audit.flush();
    return h.service.db.sqlite.prepare('SELECT actor, target, outcome, reason FROM audit_entries WHERE action = ? ORDER BY rowid').all(action) as Array<{ actor: string; target: string; outcome: string; reason: string | null }>;
  };
  const idOf = async (userId: string) => (await h.service.directoryRepo.findByDingTalkId(userId))!.id;

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    group = h.sim.org.addGroup({ title: 'Wrong case', memberIds: [CHAN, LAM, WONG] }).openConversationId;
    const rightGroup = h.sim.org.addGroup({ title: 'Right case', memberIds: [CHAN, LAM] }).openConversationId;
    wrongCase = await openCase(h, group, 'A123456(3)');
    rightCase = await openCase(h, rightGroup, SECOND_HKID);
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.addMember(chan, wrongCase, LAM, 'consulting');
    docId = await shareReport(h, app, group, CHAN, wrongCase);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When someone other than the sharer or the attending tries, then 403 access.denied (audited) and the document still opens', async () => {
    expect((await call(LAM, 'GET', `/api/app/documents/${docId}/correction`)).json()).toEqual({ mayCorrect: false, status: null, caseCode: null });
    for (const who of [LAM, WONG]) {
      const res = await call(who, 'POST', `/api/app/documents/${docId}/retract`);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'access.denied' });
    }
    expect(await audit('document.retracted')).toContainEqual({ actor: await idOf(LAM), target: docId, outcome: 'denied', reason: 'not_sharer_or_attending' });
    expect((await call(LAM, 'POST', `/api/app/documents/${docId}/view-token`)).statusCode).toBe(200);
  });

  it('When the sharer retracts, then a view token issued before is refused at once, no new one is issued, receipts stay, and the team and group are told with codes only', async () => {
    const token = ((await call(LAM, 'POST', `/api/app/documents/${docId}/view-token`)).json() as { token: string }).token;
    expect((await viewAs(h, app, token, LAM)).statusCode).toBe(200);
    expect((await call(CHAN, 'GET', `/api/app/documents/${docId}/correction`)).json()).toEqual({ mayCorrect: true, status: 'active', caseCode: wrongCase });

    const res = await call(CHAN, 'POST', `/api/app/documents/${docId}/retract`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ documentId: docId, caseCode: wrongCase });

    const after = await viewAs(h, app, token, LAM);
    expect(after.statusCode).toBe(410);
    expect(after.json()).toMatchObject({ code: 'document.retracted' });
    expect((await call(LAM, 'POST', `/api/app/documents/${docId}/view-token`)).json()).toMatchObject({ code: 'document.retracted' });
    expect((await call(CHAN, 'POST', `/api/app/documents/${docId}/retract`)).json()).toMatchObject({ code: 'document.already_retracted' });

    const receipts = h.service.db.sqlite.prepare('SELECT clinician_id, view_count FROM document_receipts WHERE document_id = ?').all(docId) as Array<{ clinician_id: string; view_count: number }>;
    expect(receipts).toContainEqual({ clinician_id: await idOf(LAM), view_count: 1 });
    expect(await audit('document.retracted')).toContainEqual({ actor: await idOf(CHAN), target: docId, outcome: 'success', reason: wrongCase.toLowerCase() });
    expect((await audit('document.viewed')).some((e) => e.target === docId)).toBe(true);

    const told = await eventually(() => {
      const retracted = /retracted|撤回/;
      const oto = h.sim.sent.find((s) => s.via !== 'card' && (s.userIds ?? []).includes(LAM) && retracted.test(s.text));
      const inGroup = h.sim.sent.find((s) => s.conversationId === group && retracted.test(s.text));
      return oto && inGroup ? [oto, inGroup] : undefined;
    });
    for (const m of told) {
      expect(m.text).toContain(wrongCase);
      expect(m.text).not.toMatch(PHI);
    }
  });

  it('When the sharer re-files it to the same case, then 400 refile.same_case; to the right case, then a new document there through the normal share path, audited with both codes', async () => {
    expect((await call(CHAN, 'POST', `/api/app/documents/${docId}/refile`, { caseCode: wrongCase })).json()).toMatchObject({ code: 'refile.same_case' });
    expect((await call(LAM, 'POST', `/api/app/documents/${docId}/refile`, { caseCode: rightCase })).statusCode).toBe(403);

    const res = await call(CHAN, 'POST', `/api/app/documents/${docId}/refile`, { caseCode: rightCase });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as { documentId: string; caseCode: string; fromDocumentId: string; fromCaseCode: string };
    expect(out).toMatchObject({ caseCode: rightCase, fromDocumentId: docId, fromCaseCode: wrongCase });
    expect(out.documentId).not.toBe(docId);
    const doc = await h.service.secure.documentsRepo.find(out.documentId);
    const right = await h.service.secure.cases.queries.findCase(rightCase);
    expect(doc).toMatchObject({ caseId: right.id, status: 'active', kind: 'report' });
    expect(await audit('document.shared')).toContainEqual(expect.objectContaining({ target: out.documentId, outcome: 'success' }));
    expect(await audit('document.refiled')).toContainEqual({ actor: await idOf(CHAN), target: out.documentId, outcome: 'success', reason: `${wrongCase}.to.${rightCase}`.toLowerCase() });
    // The old one stays retracted; the right case's team member opens the new one.
    expect((await h.service.secure.documentsRepo.find(docId))?.status).toBe('retracted');
    expect((await call(CHAN, 'POST', `/api/app/documents/${out.documentId}/view-token`)).statusCode).toBe(200);
  });

  it('When the sharer is no longer allowed to share in the target case, then re-filing is refused by that case’s share rule and nothing is filed', async () => {
    const third = await openCase(h, h.sim.org.addGroup({ title: 'Third', memberIds: [CHAN] }).openConversationId, `C200000(${hkidCheckChar('C', '200000')})`);
    const before = (await h.service.secure.documentsRepo.listByCase((await h.service.secure.cases.queries.findCase(third)).id)).length;
    const res = await call(LAM, 'POST', `/api/app/documents/${docId}/refile`, { caseCode: third });
    expect(res.statusCode).toBe(403);
    const wrong = await h.service.secure.cases.queries.findCase(wrongCase);
    // The attending of the wrong case may correct it, but is not on the third case: the share rule refuses.
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.addMember(chan, wrongCase, LAM, 'attending');
    expect(await h.service.secure.cases.queries.teamRoleNow(wrong.id, await idOf(LAM))).toBe('attending');
    const refused = await call(LAM, 'POST', `/api/app/documents/${docId}/refile`, { caseCode: third });
    expect(refused.statusCode).toBe(403);
    expect((await h.service.secure.documentsRepo.listByCase((await h.service.secure.cases.queries.findCase(third)).id)).length).toBe(before);
    expect(await audit('document.refiled')).toContainEqual({ actor: await idOf(LAM), target: docId, outcome: 'denied', reason: `${wrongCase}.to.${third}`.toLowerCase() });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { hkidCheckChar } from '../../src/shared/hkid.js';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';

const DAY = 86_400_000;

describe('admin console: PDPO data access report', () => {
  let w: ConsoleWorld;
  let seed: Awaited<ReturnType<typeof seedConsult>>;
  beforeAll(async () => {
    w = await consoleWorld();
    seed = await seedConsult(w, undefined, 'lab');
    const { secure, directoryRepo } = w.h.service;
    await secure.receipts.markViewed(seed.docId, w.ids.lam);
    await secure.access.decideView((await directoryRepo.findById(w.ids.wong))!, seed.docId);
    await secure.approvals.requestAccess({ documentId: seed.docId, requesterId: w.ids.wong, reasonCode: 'second_opinion' });
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the privacy officer asks by case code, then a JSON attachment holds the decrypted identity, consents, team, document metadata, every access and the 40-day due date', async () => {
    const res = await w.call('POST', '/api/admin/reports/data-access', 'officer', { caseCode: seed.code.toLowerCase(), reason: 'data_access_request' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="data-access-report-\d{8}-[0-9a-f]{8}\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const r = res.json();
    expect(Date.parse(r.dueBy) - Date.parse(r.requestReceivedAt)).toBe(40 * DAY);
    expect(r.preparedBy).toMatchObject({ id: w.ids.officer, role: 'privacy_officer' });
    expect(r.subject).toMatchObject({ hkid: 'A123456(3)', nameEn: 'TEST Patient', dateOfBirth: '1950-01-02' });
    expect(r.consents).toEqual([expect.objectContaining({ institution: 'HPH', status: 'granted', attestedBy: expect.objectContaining({ id: w.ids.doctor }) })]);

    expect(r.cases).toHaveLength(1);
    const c = r.cases[0];
    expect(c.caseCode).toBe(seed.code);
    expect(c.careTeam.map((m: { clinician: { id: string }; role: string }) => [m.clinician.id, m.role])).toEqual([
      [w.ids.doctor, 'attending'],
      [w.ids.lam, 'consulting'],
    ]);
    expect(c.documents).toEqual([
      expect.objectContaining({ documentId: seed.docId, kind: 'report', mediaType: 'application/pdf', author: expect.objectContaining({ name: 'Dr CHAN Tai-man' }) }),
    ]);
    // The document's type (both languages) wherever the document appears; never its title.
    const lab = { code: 'lab', en: 'Lab result', zh: '化驗結果' };
    expect(c.documents[0].docType).toEqual(lab);
    expect(c.accessRequests[0].docType).toEqual(lab);
    expect(c.documents[0].receipts.find((x: { clinician: { id: string } }) => x.clinician.id === w.ids.lam)).toMatchObject({ viewCount: 1 });
    expect(c.accessRequests).toEqual([expect.objectContaining({ requester: expect.objectContaining({ id: w.ids.wong }), reasonCode: 'second_opinion', status: 'pending' })]);

    const log = r.accessLog as { actorId: string; action: string; target: string; outcome: string; actor: { name: string } | null }[];
    expect(log.find((e) => e.action === AUDIT_ACTIONS.accessDecision && e.outcome === 'denied')).toMatchObject({ actorId: w.ids.wong, target: seed.docId, actor: { name: 'Dr WONG Siu-ming' } });
    expect(log.find((e) => e.action === AUDIT_ACTIONS.documentViewed)).toMatchObject({ actorId: w.ids.lam, target: seed.docId, targetDocType: lab });
    expect(log.find((e) => e.action === AUDIT_ACTIONS.caseOpened)).toMatchObject({ targetDocType: null });
    expect(log.find((e) => e.action === AUDIT_ACTIONS.caseOpened)).toMatchObject({ target: seed.code });
    expect(log.find((e) => e.action === AUDIT_ACTIONS.accessRequested)).toMatchObject({ actorId: w.ids.wong });
    // Metadata only: the report's own text never appears.
    expect(res.body).not.toContain('Echo report');

    await w.h.service.audit.flush();
    const audited = (await w.h.service.audit.repo.list({ action: AUDIT_ACTIONS.reportDataAccess })).entries;
    expect(audited).toEqual([expect.objectContaining({ actor: w.ids.officer, target: r.subject.patientId, reason: 'data_access_request:by_case_code', outcome: 'success' })]);
  });

  it('When the privacy officer asks by HKID in the body (any spacing), then the same patient is found and the earlier report is listed as an access', async () => {
    const res = await w.call('POST', '/api/admin/reports/data-access', 'officer', { hkid: 'a123456 (3)', reason: 'data_correction_request' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.subject.hkid).toBe('A123456(3)');
    expect(r.cases.map((c: { caseCode: string }) => c.caseCode)).toEqual([seed.code]);
    expect(r.accessLog.filter((e: { action: string }) => e.action === AUDIT_ACTIONS.reportDataAccess)).toEqual([expect.objectContaining({ actorId: w.ids.officer })]);

    await w.h.service.audit.flush();
    const entries = JSON.stringify((await w.h.service.audit.repo.list({}, { limit: 500 })).entries);
    expect(entries).toContain('data_correction_request:by_hkid');
    expect(entries).not.toMatch(/A123456|TEST Patient/i);
    expect(w.h.logs()).not.toMatch(/A123456|a123456/);
  });

  it('When the HKID is invalid or the body mixes both keys or has no reason, then 400; an unknown HKID or case gives the officer an empty report, not a 404', async () => {
    const invalid = await w.call('POST', '/api/admin/reports/data-access', 'officer', { hkid: 'A1234567', reason: 'data_access_request' });
    expect([invalid.statusCode, invalid.json().code]).toEqual([400, 'hkid.invalid']);
    for (const body of [{ hkid: `B654321(${hkidCheckChar('B', '654321')})` }, { caseCode: 'C-7KQ2Z' }]) {
      const unknown = await w.call('POST', '/api/admin/reports/data-access', 'officer', { ...body, reason: 'data_access_request' });
      expect(unknown.statusCode, unknown.body).toBe(200);
      expect(unknown.json()).toMatchObject({ subject: null, consents: [], cases: [], accessLog: [] });
    }
    const both = await w.call('POST', '/api/admin/reports/data-access', 'officer', { caseCode: seed.code, hkid: 'A123456(3)', reason: 'data_access_request' });
    expect([both.statusCode, both.json().code]).toEqual([400, 'request.invalid']);
    const noReason = await w.call('POST', '/api/admin/reports/data-access', 'officer', { caseCode: seed.code });
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'request.invalid']);
    const badCode = await w.call('POST', '/api/admin/reports/data-access', 'officer', { caseCode: 'C-0OOO1', reason: 'data_access_request' });
    expect([badCode.statusCode, badCode.json().code]).toEqual([400, 'case.code_invalid']);
    await w.h.service.audit.flush();
    const noMatch = (await w.h.service.audit.repo.list({ action: AUDIT_ACTIONS.reportDataAccess })).entries.filter((e) => e.reason?.endsWith(':no_match'));
    expect(noMatch.map((e) => e.reason).sort()).toEqual(['data_access_request:by_case_code:no_match', 'data_access_request:by_hkid:no_match']);
  });

  it('When the patient has more accesses than one page of the access log, then every one is listed once, oldest first', async () => {
    const ask = () => w.call('POST', '/api/admin/reports/data-access', 'officer', { caseCode: seed.code, reason: 'complaint_investigation' });
    const before = (await ask()).json().accessLog.length;
    const { audit } = w.h.service;
    for (let i = 0; i < 1_234; i++) audit.append({ actor: w.ids.lam, action: AUDIT_ACTIONS.documentViewed, target: seed.docId, outcome: 'success' });
    await audit.flush();
    const res = await ask();
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json().accessLog as { index: number; actorId: string; target: string }[];
    // The new views, and the report asked for just before them.
    expect(log).toHaveLength(before + 1_234 + 1);
    expect(log.every((e, i) => i === 0 || e.index > log[i - 1]!.index)).toBe(true);
    expect(log.filter((e) => e.target === seed.docId && e.actorId === w.ids.lam).length).toBeGreaterThanOrEqual(1_234);
  });

  it('When an admin, an auditor or a doctor asks, for a patient or for nobody, then always the same 403 and nothing is decrypted', async () => {
    const known = 'A123456(3)';
    const unknown = `B654321(${hkidCheckChar('B', '654321')})`;
    for (const who of ['admin', 'auditor', 'doctor'] as const) {
      for (const body of [{ hkid: known }, { hkid: unknown }, { caseCode: seed.code }, { caseCode: 'C-7KQ2Z' }, {}]) {
        const res = await w.call('POST', '/api/admin/reports/data-access', who, { ...body, reason: 'data_access_request' });
        expect([who, body, res.statusCode, res.json()]).toEqual([who, body, 403, { code: 'access.denied', message: "You can't do that.", hint: expect.any(String) }]);
      }
    }
  });
});

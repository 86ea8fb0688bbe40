import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
type Entry = { action: string; target: string | null; targetName: string | null; targetRef: { kind: string; caseCode: string | null; docType: string | null; code: string | null } | null };

/**
 * Issue 12 "names instead of UUIDs": the audit listing says what each record target is — a document
 * by its type and case code (never its title), a request or grant by its case — so the console never
 * has to show the id.
 */
describe('admin audit: record targets described', () => {
  let w: ConsoleWorld;
  let seed: Awaited<ReturnType<typeof seedConsult>>;
  let requestId: string;
  beforeAll(async () => {
    w = await consoleWorld();
    seed = await seedConsult(w);
    const { approvals } = w.h.service.secure;
    requestId = (await approvals.requestAccess({ documentId: seed.docId, requesterId: w.ids.wong, reasonCode: 'continuing_care' })).requestId;
    await approvals.decide({ requestId, deciderId: w.ids.doctor, decision: 'approve', cardStep: 0 });
    await w.h.service.audit.flush();
  }, 30_000);
  afterAll(async () => w?.close());

  const entries = async (who: 'admin' | 'officer' | 'auditor', target: string) => {
    const res = await w.call('GET', `/api/admin/audit?target=${encodeURIComponent(target)}&limit=50`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().entries as Entry[];
  };

  it('When the log names a document, then it comes with its type and case code, for every reader role', async () => {
    for (const who of ['admin', 'officer', 'auditor'] as const) {
      const shared = await entries(who, seed.docId);
      expect(shared.length).toBeGreaterThan(0);
      for (const e of shared) expect(e.targetRef).toEqual({ kind: 'document', caseCode: seed.code, docType: 'report', code: null });
    }
  });

  it('When the log names an access request, then it says so and its case; a grant entry names the document it opens', async () => {
    expect((await entries('admin', requestId)).map((e) => e.targetRef)).toContainEqual({ kind: 'request', caseCode: seed.code, docType: null, code: null });
    const grant = (await w.call('GET', '/api/admin/audit?action=grant.created&limit=50', 'admin')).json().entries as Entry[];
    expect(grant.length).toBeGreaterThan(0);
    for (const e of grant) expect(e.targetRef).toEqual({ kind: 'document', caseCode: seed.code, docType: 'report', code: null });
  });

  it('When a reason names someone by id (the explain tool’s `clinician:<id>`), then the listing names them', async () => {
    const explained = await w.call('POST', '/api/admin/policies/explain', 'admin', { clinicianId: w.ids.wong, documentId: seed.docId });
    expect(explained.statusCode, explained.body).toBe(200);
    const [entry] = (await w.call('GET', '/api/admin/audit?action=admin.explained&limit=5', 'auditor')).json().entries as Array<Entry & { reason: string; reasonName: string | null }>;
    expect(entry?.reason).toBe(`clinician:${w.ids.wong}`);
    expect(entry?.reasonName).toMatch(/^clinician:.*WONG Siu-ming/);
    expect(entry?.reasonName).not.toMatch(UUID);
  });

  it('When a target is a person, then it has a name and no record description; every UUID target on the first page is described', async () => {
    const page = (await w.call('GET', '/api/admin/audit?limit=200', 'admin')).json().entries as Entry[];
    const undescribed = page.filter((e) => e.target && UUID.test(e.target) && !e.targetName && !e.targetRef).map((e) => `${e.action} → ${e.target}`);
    expect(undescribed).toEqual([]);
    for (const e of page.filter((x) => x.targetName)) expect(e.targetRef).toBeNull();
  });
});

import fhirPkg from 'fhir';
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';

const { Fhir } = fhirPkg as unknown as typeof import('fhir');

interface Entry {
  idx: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: string;
  reason: string | null;
  trace: string | null;
}

describe('admin console: audit browser, verification, checkpoint, trace lookup and FHIR export', () => {
  let w: ConsoleWorld;
  let seed: Awaited<ReturnType<typeof seedConsult>>;
  const TRACE = 'T-7KQ2MABC';
  beforeAll(async () => {
    w = await consoleWorld();
    seed = await seedConsult(w, undefined, 'discharge_summary');
    await w.h.service.secure.receipts.markViewed(seed.docId, w.ids.lam, undefined, TRACE);
    // A refused view by a GP outside the team: an access.decision denied entry.
    await w.h.service.secure.access.decideView((await w.h.service.directoryRepo.findById(w.ids.wong))!, seed.docId);
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the audit is filtered, then only matching entries come back, newest first, paged by index', async () => {
    const opened = (await w.call('GET', `/api/admin/audit?action=case.opened&target=${seed.code}`, 'auditor')).json();
    expect(opened.entries).toEqual([expect.objectContaining({ action: 'case.opened', target: seed.code, actor: w.ids.doctor, outcome: 'success' })]);
    expect(opened.nextBefore).toBeNull();

    const denied = (await w.call('GET', `/api/admin/audit?outcome=denied&actor=${w.ids.wong}`, 'admin')).json().entries as Entry[];
    expect(denied.map((e) => [e.action, e.target])).toEqual([[AUDIT_ACTIONS.accessDecision, seed.docId]]);
    // A document target carries its type (the console shows it in words), a case target none.
    expect(denied[0]).toMatchObject({ targetRef: { kind: 'document', docType: 'discharge_summary' } });
    expect(opened.entries[0].targetRef?.docType ?? null).toBeNull();

    const first = (await w.call('GET', '/api/admin/audit?limit=3', 'officer')).json();
    expect(first.entries).toHaveLength(3);
    const idx = (first.entries as Entry[]).map((e) => e.idx);
    expect(idx).toEqual([...idx].sort((a, b) => b - a));
    expect(first.nextBefore).toBe(idx[2]);
    const second = (await w.call('GET', `/api/admin/audit?limit=3&before=${first.nextBefore}`, 'officer')).json().entries as Entry[];
    expect(second[0]!.idx).toBeLessThan(idx[2]!);

    const openedAt = Date.parse(opened.entries[0].at);
    const window = (await w.call('GET', `/api/admin/audit?action=case.opened&from=${new Date(openedAt).toISOString()}&to=${openedAt + 1}`, 'admin')).json();
    expect(window.entries).toHaveLength(1);
    const after = (await w.call('GET', `/api/admin/audit?action=case.opened&from=${openedAt + 1}`, 'admin')).json();
    expect(after.entries).toHaveLength(0);
    const bad = await w.call('GET', '/api/admin/audit?from=yesterday', 'admin');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
  });

  it('When a trace code is looked up, then the view that carried it comes back; an unknown code is 404', async () => {
    const res = await w.call('GET', `/api/admin/audit/trace/${TRACE}`, 'auditor');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().entries).toEqual([expect.objectContaining({ action: AUDIT_ACTIONS.documentViewed, target: seed.docId, actor: w.ids.lam, trace: TRACE, targetRef: expect.objectContaining({ kind: 'document', docType: 'discharge_summary' }) })]);
    expect((await w.call('GET', '/api/admin/audit/trace/T-NOSUCH00', 'auditor')).statusCode).toBe(404);
  });

  it('When the latest checkpoint is asked for, then a signed head comes back whose signature verifies with the given public key', async () => {
    const written = await w.h.service.audit.checkpoint();
    const res = await w.call('GET', '/api/admin/audit/checkpoint', 'auditor');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ id: written.id, treeSize: written.treeSize, rootHash: written.rootHash.toString('hex') });
    expect(c.rootHash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(verify(null, Buffer.from(c.signedText, 'utf8'), createPublicKey(c.publicKey), Buffer.from(c.signature, 'base64'))).toBe(true);
  });

  it('When exported, then a FHIR R4 collection Bundle of AuditEvents validates, maps the entries, and carries no patient data', async () => {
    const res = await w.call('GET', `/api/admin/audit/export?target=${seed.docId}`, 'admin');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="consultbridge-audit-\d{8}\.fhir\.json"$/);
    const bundle = res.json();
    const result = new Fhir().validate(bundle, { errorOnUnexpected: true });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });

    const listed = (await w.call('GET', `/api/admin/audit?target=${seed.docId}&limit=500`, 'admin')).json().entries as Entry[];
    const events = bundle.entry.map((e: { resource: Record<string, any> }) => e.resource);
    expect(events.map((e: { id: string }) => e.id)).toEqual(listed.map((e) => `cb-audit-${e.idx}`).reverse());
    const denied = events.find((e: { subtype: { code: string }[]; outcome: string }) => e.subtype[0]!.code === 'access.decision' && e.outcome === '4');
    expect(denied).toMatchObject({
      type: { code: '110110' },
      action: 'R',
      agent: [{ who: { identifier: { value: w.ids.wong } }, requestor: true }],
      entity: [{ what: { identifier: { value: seed.docId } } }],
    });
    const viewed = events.find((e: { subtype: { code: string }[] }) => e.subtype[0]!.code === 'document.viewed');
    expect(viewed.entity[1].what.identifier.value).toBe(TRACE);
    expect(res.body).not.toMatch(/A123456|TEST Patient|1950-01-02|Echo report/);

    await w.h.service.audit.flush();
    expect((await w.h.service.audit.repo.list({ action: AUDIT_ACTIONS.auditExported })).entries[0]).toMatchObject({ actor: w.ids.admin, reason: `entries:${events.length}` });
  });

  it('When the chain is verified, then it holds; after a row is altered on disk, then the first bad entry is named', async () => {
    const ok = await w.call('POST', '/api/admin/audit/verify', 'auditor');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true });
    expect(ok.json().size).toBeGreaterThan(10);

    const victim = (await w.call('GET', `/api/admin/audit?action=case.opened&target=${seed.code}`, 'admin')).json().entries[0].idx as number;
    w.h.service.db.sqlite.prepare("UPDATE audit_entries SET reason = 'tampered' WHERE idx = ?").run(victim);
    const bad = await w.call('POST', '/api/admin/audit/verify', 'auditor');
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toMatchObject({ ok: false, problem: { index: victim, reason: 'body_mismatch' } });
  });
});

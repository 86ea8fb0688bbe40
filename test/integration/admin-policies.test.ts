import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { adminConsoleRoutes } from '../../src/http/admin/admin-console.js';
import { adminHttpDeps } from '../../src/compose/admin-http.js';
import { registerErrorHandler } from '../../src/http/error-handler.js';
import { POLICY_DIR } from '../../src/domain/access/policy-dir.js';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';

describe('admin console: policies and the explain tool', () => {
  let w: ConsoleWorld;
  let seed: Awaited<ReturnType<typeof seedConsult>>;
  beforeAll(async () => {
    w = await consoleWorld();
    seed = await seedConsult(w);
  }, 30_000);
  afterAll(async () => w?.close());

  it('When an admin lists the policies, then the Cedar text, ids and a passing validation come back, matching what runs', async () => {
    const res = await w.call('GET', '/api/admin/policies', 'admin');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.validation).toMatchObject({ valid: true, problem: null });
    expect(body.files.map((f: { file: string }) => f.file)).toEqual(['consultbridge.cedarschema', '00-guards.cedar', '10-documents.cedar', '20-cases.cedar', '25-medications.cedar', '30-oversight.cedar']);
    expect(body.files[1].text).toContain('@id(');
    expect(body.policies.map((p: { id: string }) => p.id)).toEqual([...w.h.service.secure.engine.policyIds]);
    expect(body.policies.every((p: { effect: string }) => ['permit', 'forbid'].includes(p.effect))).toBe(true);
    expect(body.changedSinceStart).toBe(false);
  });

  it('When a policy file on disk is broken, then validation says so, names the file, and the running set is still listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-pol-'));
    cpSync(POLICY_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '40-broken.cedar'), '@id("broken")\npermit(principal, action, resource) when { principal.nonsense };\n');
    const app = Fastify().withTypeProvider();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandler(app);
    await app.register(adminConsoleRoutes, { prefix: '/api/admin', ...adminHttpDeps(w.h.service).console, policyDir: dir });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/admin/policies', headers: { authorization: `Bearer ${w.tokens.admin}` } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.validation.valid).toBe(false);
      expect(body.validation.problem).toMatch(/broken/);
      expect(body.policies).toEqual([]);
      expect(body.files.map((f: { file: string }) => f.file)).toContain('40-broken.cedar');
      expect(body.inForce.length).toBeGreaterThan(0);
      expect(body.changedSinceStart).toBe(true);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('When an admin explains a denial and an allow, then decision, determining policies and both languages come back, and only admin.explained is audited', async () => {
    await w.h.service.audit.flush();
    const sizeBefore = w.h.service.audit.size;
    const denied = await w.call('POST', '/api/admin/policies/explain', 'admin', { clinicianId: w.ids.wong, documentId: seed.docId });
    expect(denied.statusCode, denied.body).toBe(200);
    expect(denied.json()).toMatchObject({ allowed: false, clinicianId: w.ids.wong, documentId: seed.docId, caseCode: seed.code, missing: ['care_team_or_grant'] });
    expect(denied.json().reasons.en[0]).toBe('Not allowed.');
    expect(denied.json().reasons.zh.length).toBe(denied.json().reasons.en.length);
    expect(denied.json().reasons.zh.join('')).toMatch(/[\u4e00-\u9fff]/);

    const allowed = await w.call('POST', '/api/admin/policies/explain', 'admin', { clinicianId: w.ids.lam, documentId: seed.docId });
    expect(allowed.json()).toMatchObject({ allowed: true, missing: [] });
    expect(allowed.json().policies.length).toBeGreaterThan(0);
    expect(w.h.service.secure.engine.policyIds).toEqual(expect.arrayContaining(allowed.json().policies));

    await w.h.service.audit.flush();
    // Background work (outbound sends) may write entries meanwhile; look at the ones about access.
    const added = (await w.h.service.audit.repo.list({}, { limit: 50 })).entries.filter((e) => e.idx >= sizeBefore && /^(admin|access)\./.test(e.action));
    expect(added.map((e) => e.action)).toEqual([AUDIT_ACTIONS.adminExplained, AUDIT_ACTIONS.adminExplained]);
    expect(added.find((e) => e.reason === `clinician:${w.ids.wong}`)).toMatchObject({ actor: w.ids.admin, target: seed.docId, outcome: 'success' });
    // Nothing was recorded as Dr Wong's (or Dr Lam's) own view attempt.
    expect(added.some((e) => e.action === AUDIT_ACTIONS.accessDecision)).toBe(false);
  });

  it('When the clinician or document is unknown, then 404 with the coded error', async () => {
    const a = await w.call('POST', '/api/admin/policies/explain', 'admin', { clinicianId: 'nobody', documentId: seed.docId });
    expect([a.statusCode, a.json().code]).toEqual([404, 'clinician.not_found']);
    const b = await w.call('POST', '/api/admin/policies/explain', 'admin', { clinicianId: w.ids.lam, documentId: 'no-such-doc' });
    expect([b.statusCode, b.json().code]).toEqual([404, 'document.not_found']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';

interface RulesDto { source: string; version: number; updatedBy: string | null; rules: { id: string; enabled: boolean }[]; text: string; fileProblems: unknown[] }

const observation = (code: string, value: number, unit: string, id = 'o1') => ({
  resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: 'http://loinc.org', code }] }, valueQuantity: { value, unit },
});

/** The console's consult rules page: list, save with validation problems and versions, dry run. */
describe('admin console: consult rules', () => {
  let w: ConsoleWorld;
  beforeAll(async () => {
    w = await consoleWorld();
  }, 60_000);
  afterAll(async () => w?.close());

  const put = (text: string, expectedVersion: number, who: 'admin' | 'officer' = 'admin') =>
    w.app.inject({ method: 'PUT', url: '/api/admin/consult-rules', payload: { text, expectedVersion }, headers: { authorization: `Bearer ${w.tokens[who]}` } });

  it('When an admin opens the page, then the shipped file’s three rules are in force at version 0', async () => {
    const res = await w.call('GET', '/api/admin/consult-rules', 'admin');
    expect(res.statusCode).toBe(200);
    const body = res.json() as RulesDto;
    expect([body.source, body.version, body.updatedBy, body.fileProblems]).toEqual(['file', 0, null, []]);
    expect(body.rules.map((r) => r.id)).toEqual(['ecg-stemi', 'troponin-high', 'potassium-critical']);
    expect(JSON.parse(body.text)).toEqual({ rules: expect.any(Array) });
  });

  it('When the text has errors, then 422 lists each with its path and code, and nothing is saved', async () => {
    const rules = JSON.parse(((await w.call('GET', '/api/admin/consult-rules', 'admin')).json() as RulesDto).text) as { rules: Record<string, unknown>[] };
    rules.rules[0]!.severity = 'whenever';
    rules.rules[1]!.specialty = 'astrology';
    const res = await put(JSON.stringify(rules), 0);
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; message: string; problems: { path: string; code: string }[] };
    expect(body.code).toBe('consult_rules.invalid');
    expect(body.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['rules.0.severity:invalid_value', 'rules.1.specialty:invalid_value']);
    expect((await put('{ not json', 0)).json().problems[0]).toMatchObject({ path: '', code: 'json' });
    expect(((await w.call('GET', '/api/admin/consult-rules', 'admin')).json() as RulesDto).version).toBe(0);
  });

  it('When an admin saves a valid set, then it is in force at version 1 with their name, a stale save is refused, and the save is audited', async () => {
    const rules = JSON.parse(((await w.call('GET', '/api/admin/consult-rules', 'admin')).json() as RulesDto).text) as { rules: Record<string, unknown>[] };
    rules.rules[2]!.enabled = false;
    const res = await put(JSON.stringify(rules), 0);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as RulesDto;
    expect([body.source, body.version, body.updatedBy]).toEqual(['saved', 1, 'Console admin']);
    expect(body.rules.find((r) => r.id === 'potassium-critical')?.enabled).toBe(false);
    const stale = await put(JSON.stringify(rules), 0);
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'consult_rules.stale']);
    await w.h.service.audit.flush();
    const saved = (await w.h.service.audit.repo.list({ action: 'consult_rule.saved' }, { limit: 10 })).entries;
    expect(saved.map((e) => [e.actor, e.outcome, e.reason])).toEqual(expect.arrayContaining([[w.ids.admin, 'success', 'v1'], [w.ids.admin, 'failure', 'invalid']]));
  });

  it('When a result is dry-run, then it answers which rule would fire (converted units; a disabled rule never; a unit of another kind named), and records nothing', async () => {
    const run = (payload: object) => w.app.inject({ method: 'POST', url: '/api/admin/consult-rules/dry-run', payload, headers: { authorization: `Bearer ${w.tokens.admin}` } });
    const trop = await run({ observation: observation('6598-7', 0.2, 'ng/mL') });
    expect(trop.statusCode, trop.body).toBe(200);
    expect(trop.json()).toMatchObject({ item: { kind: 'observation', ref: 'Observation/o1', value: 0.2, unit: 'ng/mL' }, fires: [{ id: 'troponin-high', severity: 'urgent', specialty: 'cardiology' }], unitMismatch: [], alreadyFired: [] });
    expect((await run({ observation: observation('2823-3', 7.1, 'mmol/L') })).json().fires).toEqual([]);
    expect((await run({ observation: observation('6598-7', 80, 'mmol/L') })).json()).toMatchObject({ fires: [], unitMismatch: ['troponin-high'] });
    const bad = await run({ observation: { resourceType: 'Observation', id: 'x', code: { text: 'troponin' } } });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'consult_rules.observation_invalid']);
    const editing = JSON.stringify({ rules: [{ ...JSON.parse((await w.call('GET', '/api/admin/consult-rules', 'admin')).json().text).rules[2], enabled: true }] });
    expect((await run({ text: editing, observation: observation('2823-3', 7.1, 'mmol/L') })).json().fires.map((f: { id: string }) => f.id)).toEqual(['potassium-critical']);
    expect((await run({ text: '{"rules":[{"id":"X"}]}', observation: observation('2823-3', 7.1, 'mmol/L') })).statusCode).toBe(422);
    expect(await w.h.service.repos.ruleFirings.forItem('observation', 'Observation/o1')).toEqual([]);
  });

  it('When a shared document is dry-run with a flag, then the ECG rule would fire for an ECG with STEMI? only', async () => {
    const { docId, code } = await seedConsult(w, 'A123456(3)', 'ecg');
    const run = (flags: string[]) => w.app.inject({ method: 'POST', url: '/api/admin/consult-rules/dry-run', payload: { documentId: docId, flags }, headers: { authorization: `Bearer ${w.tokens.admin}` } });
    const flagged = (await run(['stemi?'])).json();
    expect(flagged).toMatchObject({ item: { kind: 'document', caseCode: code, docType: 'ecg' }, fires: [{ id: 'ecg-stemi', severity: 'emergency' }] });
    expect((await run([])).json().fires).toEqual([]);
  }, 60_000);

  it('When a privacy officer or a doctor tries, then the page is closed to them', async () => {
    expect((await w.call('GET', '/api/admin/consult-rules', 'officer')).statusCode).toBe(403);
    expect((await put('{"rules":[]}', 1, 'officer')).statusCode).toBe(403);
  });
});

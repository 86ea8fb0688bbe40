import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { ManualClock } from '../../src/shared/clock.js';
import { consoleWorld, seedConsult, type ConsoleWorld, type Who } from './admin-console-fixture.js';

const DAY = 86_400_000;

describe('admin console: care teams with effective dates, and consult-group bindings', () => {
  let w: ConsoleWorld;
  let seed: { code: string; docId: string; caseId: string };
  const clock = new ManualClock();
  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, who: Who = 'admin', payload?: object) =>
    w.app.inject({ method, url, payload, headers: { authorization: `Bearer ${w.tokens[who]}` } });
  /** What the policy decides for Dr Wong opening the shared report, through the console's explain. */
  const wongMayView = async () => {
    const res = await inject('POST', '/api/admin/policies/explain', 'admin', { clinicianId: w.ids.wong, documentId: seed.docId });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().allowed as boolean;
  };
  const careRole = (clinicianId: string) => w.h.service.secure.caseReads.caseFacts(seed.caseId, clinicianId).careRole;
  const auditRows = async (action: string) => {
    await w.h.service.audit.flush();
    return w.h.service.db.sqlite.prepare('SELECT actor, target, reason FROM audit_entries WHERE action = ? ORDER BY idx').all(action) as Array<Record<string, string>>;
  };

  beforeAll(async () => {
    w = await consoleWorld({ clock });
    seed = await seedConsult(w);
  }, 30_000);
  afterAll(async () => w?.close());

  it('When an admin books Dr Wong as consultant from tomorrow for two days, then the policy sees the role only within those dates', async () => {
    expect(await wongMayView()).toBe(false);
    const from = new Date(clock.now() + DAY).toISOString();
    const to = new Date(clock.now() + 3 * DAY).toISOString();
    const res = await inject('POST', `/api/admin/cases/${seed.code}/team`, 'admin', { clinicianId: w.ids.wong, role: 'consulting', effectiveFrom: from, effectiveTo: to });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ caseCode: seed.code, clinicianId: w.ids.wong, role: 'consulting', effectiveFrom: from, effectiveTo: to });

    expect([careRole(w.ids.wong), await wongMayView()]).toEqual(['', false]);
    clock.advance(DAY);
    expect([careRole(w.ids.wong), await wongMayView()]).toEqual(['consulting', true]);
    const team = (await inject('GET', `/api/admin/cases/${seed.code}/team`)).json().team as Array<{ clinicianId: string; careRole: string }>;
    expect(team).toContainEqual(expect.objectContaining({ clinicianId: w.ids.wong, careRole: 'consulting' }));
    clock.advance(2 * DAY);
    expect([careRole(w.ids.wong), await wongMayView()]).toEqual(['', false]);
    expect((await auditRows(AUDIT_ACTIONS.caseTeamAdded)).at(-1)).toEqual({ actor: w.ids.admin, target: seed.code, reason: 'admin' });
  });

  it('When an admin removes a member, then access ends now; a dated removal keeps it until that date', async () => {
    expect((await inject('POST', `/api/admin/cases/${seed.code}/team`, 'admin', { clinicianId: w.ids.wong, role: 'observer' })).statusCode).toBe(200);
    expect(careRole(w.ids.wong)).toBe('observer');
    const later = new Date(clock.now() + DAY).toISOString();
    const dated = await inject('DELETE', `/api/admin/cases/${seed.code}/team/${w.ids.wong}?at=${encodeURIComponent(later)}`);
    expect(dated.statusCode, dated.body).toBe(200);
    expect(dated.json()).toMatchObject({ role: null, effectiveTo: later });
    expect(careRole(w.ids.wong)).toBe('observer');
    const now = await inject('DELETE', `/api/admin/cases/${seed.code}/team/${w.ids.wong}`);
    expect(now.statusCode, now.body).toBe(200);
    expect([careRole(w.ids.wong), await wongMayView()]).toEqual(['', false]);
    const again = await inject('DELETE', `/api/admin/cases/${seed.code}/team/${w.ids.wong}`);
    expect([again.statusCode, again.json().code]).toEqual([404, 'not_found']);
    expect((await auditRows(AUDIT_ACTIONS.caseTeamRemoved)).filter((r) => r.actor === w.ids.admin)).toHaveLength(2);
  });

  it('When the only attending would be removed now, or a window ends before it starts, then the request is refused', async () => {
    const chan = await inject('DELETE', `/api/admin/cases/${seed.code}/team/${w.ids.doctor}`);
    expect([chan.statusCode, chan.json().code]).toEqual([409, 'conflict']);
    expect(careRole(w.ids.doctor)).toBe('attending');
    const t = clock.now() + DAY;
    const bad = await inject('POST', `/api/admin/cases/${seed.code}/team`, 'admin', {
      clinicianId: w.ids.wong, role: 'consulting', effectiveFrom: new Date(t).toISOString(), effectiveTo: new Date(t - 1000).toISOString(),
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
    const unknown = await inject('POST', `/api/admin/cases/${seed.code}/team`, 'admin', { clinicianId: 'no-such-person', role: 'consulting' });
    expect(unknown.statusCode).toBe(404);
  });

  it('When an admin binds and unbinds a consult group, then the case lists it, another case cannot take it, and roles given through it end', async () => {
    const before = (await inject('GET', `/api/admin/cases/${seed.code}/groups`)).json();
    expect(before.groups.map((g: { conversationId: string }) => g.conversationId)).toEqual([w.group]);
    const bound = await inject('POST', `/api/admin/cases/${seed.code}/groups`, 'admin', { conversationId: 'cid-admin-bound-group' });
    expect(bound.statusCode, bound.body).toBe(200);
    expect(bound.json().groups).toContainEqual(expect.objectContaining({ conversationId: 'cid-admin-bound-group', boundBy: w.ids.admin }));
    expect((await w.h.service.secure.cases.queries.caseForConversation('cid-admin-bound-group'))?.code).toBe(seed.code);
    const twice = await inject('POST', `/api/admin/cases/${seed.code}/groups`, 'admin', { conversationId: w.group });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'conflict']);

    // Dr Lam consults through the demo group (seedConsult): unbinding it ends that role.
    expect(careRole(w.ids.lam)).toBe('consulting');
    const un = await inject('DELETE', `/api/admin/cases/${seed.code}/groups/${encodeURIComponent(w.group)}`);
    expect(un.statusCode, un.body).toBe(200);
    expect(un.json()).toMatchObject({ rolesEnded: 1, groups: [expect.objectContaining({ conversationId: 'cid-admin-bound-group' })] });
    expect(careRole(w.ids.lam)).toBe('');
    expect(careRole(w.ids.doctor)).toBe('attending');
    expect(await w.h.service.secure.cases.queries.caseForConversation(w.group)).toBeUndefined();
    expect(await auditRows(AUDIT_ACTIONS.caseGroupUnbound)).toEqual([{ actor: w.ids.admin, target: seed.code, reason: 'admin' }]);
    const gone = await inject('DELETE', `/api/admin/cases/${seed.code}/groups/${encodeURIComponent(w.group)}`);
    expect(gone.statusCode).toBe(404);
  });

  it('When a doctor, auditor or privacy officer holds an admin token, then every case-admin route answers 403 and changes nothing', async () => {
    const teamBefore = JSON.stringify(await w.h.service.secure.casesRepo.teamHistory(seed.caseId));
    const groupsBefore = JSON.stringify(await w.h.service.secure.casesRepo.groupsOfCase(seed.caseId));
    for (const who of ['doctor', 'auditor', 'officer'] as const) {
      const calls = [
        inject('POST', `/api/admin/cases/${seed.code}/team`, who, { clinicianId: w.ids.wong, role: 'attending' }),
        inject('DELETE', `/api/admin/cases/${seed.code}/team/${w.ids.doctor}`, who),
        inject('GET', `/api/admin/cases/${seed.code}/groups`, who),
        inject('POST', `/api/admin/cases/${seed.code}/groups`, who, { conversationId: 'cid-sneaky' }),
        inject('DELETE', `/api/admin/cases/${seed.code}/groups/cid-admin-bound-group`, who),
      ];
      for (const res of await Promise.all(calls)) expect([who, res.statusCode, res.json().code]).toEqual([who, 403, 'access.denied']);
    }
    expect(JSON.stringify(await w.h.service.secure.casesRepo.teamHistory(seed.caseId))).toBe(teamBefore);
    expect(JSON.stringify(await w.h.service.secure.casesRepo.groupsOfCase(seed.caseId))).toBe(groupsBefore);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { roleStatus } from '../../src/domain/cases/care-team-roster.js';
import { ManualClock } from '../../src/shared/clock.js';
import { consoleWorld, type ConsoleWorld, type Who } from './admin-console-fixture.js';
import { CHAN, LAM, openCase } from '../helpers/sharing-flow.js';

const DAY = 86_400_000;

interface Role {
  roleId: string;
  clinicianId: string;
  careRole: string;
  status: 'active' | 'future' | 'ended' | 'cancelled';
  effectiveFrom: string;
  effectiveTo: string | null;
  removedReason: string | null;
}

describe('admin console: the care-team roster lists booked and ended roles beside the ones in force', () => {
  let w: ConsoleWorld;
  const seed = { code: '', caseId: '' };
  const clock = new ManualClock();
  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, who: Who = 'admin', payload?: object) =>
    w.app.inject({ method, url, payload, headers: { authorization: `Bearer ${w.tokens[who]}` } });
  const roster = async () => {
    const res = await inject('GET', `/api/admin/cases/${seed.code}/roles`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { caseCode: string; now: string; roles: Role[] };
  };
  const rowsOf = (roles: Role[], clinicianId: string) => roles.filter((r) => r.clinicianId === clinicianId);
  const inForce = async () => ((await inject('GET', `/api/admin/cases/${seed.code}/team`)).json().team as Array<{ clinicianId: string }>).map((m) => m.clinicianId);
  const careRole = (clinicianId: string) => w.h.service.secure.caseReads.caseFacts(seed.caseId, clinicianId).careRole;

  beforeAll(async () => {
    w = await consoleWorld({ clock });
    // Dr Chan opens the case (attending); Dr Lam consults through the group.
    seed.code = await openCase(w.h, w.group, 'A123456(3)', [{ institutionCode: 'HPH', status: 'granted' }]);
    seed.caseId = (await w.h.service.secure.casesRepo.caseByCode(seed.code))!.id;
    await w.h.service.secure.cases.team.addMember(await w.h.service.directory.resolveOrEnroll(CHAN, ''), seed.code, LAM, 'consulting', w.group);
  }, 30_000);
  afterAll(async () => w?.close());

  it('When Dr Wong is booked from tomorrow, then the roster lists him as future with his dates while the policy view and the policy leave him out', async () => {
    const from = new Date(clock.now() + DAY).toISOString();
    const to = new Date(clock.now() + 3 * DAY).toISOString();
    const booked = await inject('POST', `/api/admin/cases/${seed.code}/team`, 'admin', { clinicianId: w.ids.wong, role: 'consulting', effectiveFrom: from, effectiveTo: to });
    expect(booked.statusCode, booked.body).toBe(200);

    const r = await roster();
    expect(r.caseCode).toBe(seed.code);
    expect(r.now).toBe(new Date(clock.now()).toISOString());
    expect(r.roles.map((x) => [x.clinicianId, x.careRole, x.status])).toEqual([
      [w.ids.doctor, 'attending', 'active'],
      [w.ids.lam, 'consulting', 'active'],
      [w.ids.wong, 'consulting', 'future'],
    ]);
    expect(rowsOf(r.roles, w.ids.wong)[0]).toMatchObject({ effectiveFrom: from, effectiveTo: to, removedReason: null });
    expect(rowsOf(r.roles, w.ids.doctor)[0]).toMatchObject({ nameEn: 'Dr CHAN Tai-man', nameZh: '陳大文', specialty: 'Cardiology', institutionName: 'Queen Mary Hospital', verified: true, suspended: false });
    // Who booked or removed whom is for the audit log, not this list.
    expect(Object.keys(r.roles[0]!)).not.toContain('addedBy');
    expect(await inForce()).not.toContain(w.ids.wong);
    expect(careRole(w.ids.wong)).toBe('');

    // Once the day comes the same row is active, and the policy view lists him too.
    clock.advance(DAY);
    expect(rowsOf((await roster()).roles, w.ids.wong).map((x) => x.status)).toEqual(['active']);
    expect(await inForce()).toContain(w.ids.wong);
    clock.advance(2 * DAY);
    expect(rowsOf((await roster()).roles, w.ids.wong).map((x) => x.status)).toEqual(['ended']);
  });

  it('When an admin ends Dr Lam now, then he stays on the roster, marked ended with the reason, after the roles in force', async () => {
    expect((await inject('DELETE', `/api/admin/cases/${seed.code}/team/${w.ids.lam}`)).statusCode).toBe(200);
    const r = await roster();
    expect(rowsOf(r.roles, w.ids.lam)).toEqual([expect.objectContaining({ status: 'ended', effectiveTo: r.now, removedReason: 'removed' })]);
    const statuses = r.roles.map((x) => x.status);
    expect(statuses.indexOf('ended')).toBeGreaterThan(statuses.lastIndexOf('active'));
    expect(await inForce()).not.toContain(w.ids.lam);
  });

  it('When an admin calls off a booked role, then it never comes into force, shows as cancelled, and the change is audited', async () => {
    const from = new Date(clock.now() + DAY).toISOString();
    expect((await inject('POST', `/api/admin/cases/${seed.code}/team`, 'admin', { clinicianId: w.ids.lam, role: 'observer', effectiveFrom: from })).statusCode).toBe(200);
    const booking = rowsOf((await roster()).roles, w.ids.lam).find((x) => x.status === 'future')!;
    expect(booking).toMatchObject({ careRole: 'observer', effectiveFrom: from, effectiveTo: null });

    const res = await inject('DELETE', `/api/admin/cases/${seed.code}/roles/${booking.roleId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ roleId: booking.roleId, status: 'cancelled', effectiveFrom: from, effectiveTo: from, removedReason: 'cancelled' });
    clock.advance(2 * DAY);
    expect(careRole(w.ids.lam)).toBe('');
    const after = rowsOf((await roster()).roles, w.ids.lam);
    expect(after.map((x) => x.status)).toEqual(['ended', 'cancelled']);

    await w.h.service.audit.flush();
    const last = w.h.service.db.sqlite
      .prepare('SELECT actor, target, reason FROM audit_entries WHERE action = ? ORDER BY idx DESC LIMIT 1')
      .get(AUDIT_ACTIONS.caseTeamRemoved);
    expect(last).toEqual({ actor: w.ids.admin, target: seed.code, reason: 'admin' });
  });

  it('When the role is already in force, already over, or not on this case, then calling it off is refused and nothing changes', async () => {
    const r = await roster();
    const chan = rowsOf(r.roles, w.ids.doctor)[0]!;
    const cancelled = r.roles.find((x) => x.status === 'cancelled')!;
    const before = JSON.stringify(await w.h.service.secure.casesRepo.teamHistory(seed.caseId));
    for (const [roleId, status, code] of [
      [chan.roleId, 409, 'conflict'],
      [cancelled.roleId, 409, 'conflict'],
      ['no-such-role', 404, 'not_found'],
    ] as const) {
      const res = await inject('DELETE', `/api/admin/cases/${seed.code}/roles/${roleId}`);
      expect([roleId, res.statusCode, res.json().code]).toEqual([roleId, status, code]);
    }
    expect(JSON.stringify(await w.h.service.secure.casesRepo.teamHistory(seed.caseId))).toBe(before);
    const unknown = await inject('GET', '/api/admin/cases/C-ZZZZZ/roles');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'case.not_found']);
  });

  it('When a role already due to end gets a later booking or a later end date, then its own end stands (access is never lengthened)', async () => {
    const ho = w.h.service.directoryRepo.findByDingTalkId('qmh-ho-wingyee')!.id;
    const tomorrow = new Date(clock.now() + DAY).toISOString();
    const nextWeek = new Date(clock.now() + 7 * DAY).toISOString();
    expect((await inject('POST', `/api/admin/cases/${seed.code}/team`, 'admin', { clinicianId: ho, role: 'observer', effectiveTo: tomorrow })).statusCode).toBe(200);
    expect((await inject('POST', `/api/admin/cases/${seed.code}/team`, 'admin', { clinicianId: ho, role: 'consulting', effectiveFrom: nextWeek })).statusCode).toBe(200);
    expect((await inject('DELETE', `/api/admin/cases/${seed.code}/team/${ho}?at=${encodeURIComponent(new Date(clock.now() + 30 * DAY).toISOString())}`)).statusCode).toBe(200);
    const rows = rowsOf((await roster()).roles, ho);
    expect(rows.map((x) => [x.careRole, x.status, x.effectiveTo, x.removedReason])).toEqual([
      ['observer', 'active', tomorrow, null],
      ['consulting', 'future', new Date(clock.now() + 30 * DAY).toISOString(), 'removed'],
    ]);
    clock.advance(2 * DAY);
    expect(careRole(ho)).toBe('');
  });

  it('When a doctor, auditor or privacy officer holds an admin token, then the roster and calling off answer 403', async () => {
    const some = (await roster()).roles[0]!;
    for (const who of ['doctor', 'auditor', 'officer'] as const) {
      for (const [method, url] of [['GET', `/api/admin/cases/${seed.code}/roles`], ['DELETE', `/api/admin/cases/${seed.code}/roles/${some.roleId}`]] as const) {
        const res = await inject(method, url, who);
        expect([who, method, res.statusCode, res.json().code]).toEqual([who, method, 403, 'access.denied']);
      }
    }
  });

  it('roleStatus: a booking ended at or before its start is cancelled; otherwise the dates decide', () => {
    const now = 1_000;
    expect([
      roleStatus({ effectiveFrom: 500, effectiveTo: null }, now),
      roleStatus({ effectiveFrom: 1_000, effectiveTo: 2_000 }, now),
      roleStatus({ effectiveFrom: 1_500, effectiveTo: null }, now),
      roleStatus({ effectiveFrom: 500, effectiveTo: 1_000 }, now),
      roleStatus({ effectiveFrom: 1_500, effectiveTo: 1_500 }, now),
      roleStatus({ effectiveFrom: 200, effectiveTo: 200 }, now),
    ]).toEqual(['active', 'active', 'future', 'ended', 'cancelled', 'cancelled']);
  });
});

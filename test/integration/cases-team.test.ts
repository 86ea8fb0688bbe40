import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { denyAll } from '../../src/domain/cases/authorize-port.js';
import { caseWorld, type CaseWorld } from './cases-fixture.js';

describe('care team', () => {
  let w: CaseWorld;
  beforeEach(() => {
    w = caseWorld();
  });
  afterEach(() => w.cleanup());

  async function setup() {
    const attending = w.clinician('chan');
    const consultant = w.clinician('lam', { institutionId: 'inst-hkah' });
    const gp = w.clinician('wong', { institutionId: 'inst-hkah' });
    const code = await w.openCase(attending, 'cid-main');
    const caseId = (await w.module.queries.findCase(code)).id;
    return { attending, consultant, gp, code, caseId };
  }

  it('When the attending adds and removes members, then roles start and end and are audited', async () => {
    const { attending, consultant, code, caseId } = await setup();
    await w.module.team.addMember(w.actor(attending), code, 'lam', 'consulting');
    expect(await w.module.queries.teamRoleNow(caseId, consultant.id)).toBe('consulting');
    const team = await w.module.queries.teamOf(caseId);
    expect(team.map((m) => [m.dingtalkUserId, m.careRole, m.institutionCode, m.verified])).toEqual([
      ['chan', 'attending', 'QMH', true],
      ['lam', 'consulting', 'HKAH', true],
    ]);
    expect(JSON.stringify(team)).not.toMatch(/hkid|Siu Ming|1961/i);
    expect(await w.module.queries.caseFacts(caseId, consultant.id)).toMatchObject({
      caseCode: code,
      careRole: 'consulting',
      institutionIds: expect.arrayContaining(['inst-qmh', 'inst-hkah']),
      patientConsentsToInstitution: false,
    });

    w.clock.advance(60_000);
    await w.module.team.removeMember(w.actor(attending), code, 'lam');
    expect(await w.module.queries.teamRoleNow(caseId, consultant.id)).toBe('');
    const row = w.handle.sqlite.prepare('select effective_to, removed_by, removed_reason from care_team where clinician_id = ?').get(consultant.id);
    expect(row).toEqual({ effective_to: w.clock.now(), removed_by: attending.id, removed_reason: 'removed' });
    expect(w.audit.entries.filter((e) => e.action.startsWith('case.team_') && e.outcome === 'success').map((e) => e.action)).toEqual([
      'case.team_added',
      'case.team_added',
      'case.team_removed',
    ]);
  });

  it('When someone who is not the attending tries, then access.denied and the denial is audited', async () => {
    const { consultant, gp, code, attending, caseId } = await setup();
    await w.module.team.addMember(w.actor(attending), code, 'lam', 'consulting');
    await expect(w.module.team.addMember(w.actor(consultant), code, 'wong', 'observer')).rejects.toMatchObject({ code: 'access.denied' });
    await expect(w.module.team.addMember(w.actor(gp), code, 'wong', 'attending')).rejects.toMatchObject({ code: 'access.denied' });
    await expect(w.module.team.removeMember(w.actor(consultant), code, 'chan')).rejects.toMatchObject({ code: 'access.denied' });
    expect(await w.module.queries.teamRoleNow(caseId, gp.id)).toBe('');
    expect(w.audit.entries.filter((e) => e.outcome === 'denied')).toHaveLength(3);
  });

  it('When the attending is suspended, then they can no longer manage the case', async () => {
    const { attending, code } = await setup();
    w.directory.update(attending.id, { suspended: true }, w.clock.now());
    await expect(w.module.team.addMember(w.actor(attending), code, 'lam', 'consulting')).rejects.toMatchObject({ code: 'access.denied' });
  });

  it('When no policy engine allows it, then even the attending is denied (fail closed)', async () => {
    w.cleanup();
    w = caseWorld({ authorize: denyAll });
    const { attending, code } = await setup();
    await expect(w.module.team.addMember(w.actor(attending), code, 'lam', 'consulting')).rejects.toMatchObject({ code: 'access.denied' });
  });

  it('When the member is unknown, already in the role, or not on the team, then coded errors', async () => {
    const { attending, code } = await setup();
    await expect(w.module.team.addMember(w.actor(attending), code, 'nobody', 'observer')).rejects.toMatchObject({ code: 'clinician.not_found' });
    await w.module.team.addMember(w.actor(attending), code, 'lam', 'observer');
    await expect(w.module.team.addMember(w.actor(attending), code, 'lam', 'observer')).rejects.toMatchObject({ code: 'conflict' });
    await expect(w.module.team.removeMember(w.actor(attending), code, 'wong')).rejects.toMatchObject({ code: 'not_found' });
    await expect(w.module.team.addMember(w.actor(attending), 'C-2222', 'lam', 'observer')).rejects.toMatchObject({ code: 'case.code_invalid' });
    await expect(w.module.team.addMember(w.actor(attending), code, 'lam', 'consulting', 'cid-elsewhere')).rejects.toMatchObject({
      code: 'request.invalid',
    });
  });

  it('When a role changes, then the old row ends as role_changed; the last attending cannot leave', async () => {
    const { attending, consultant, code, caseId } = await setup();
    await w.module.team.addMember(w.actor(attending), code, 'lam', 'observer');
    await w.module.team.addMember(w.actor(attending), code, 'lam', 'attending');
    expect(await w.module.queries.teamRoleNow(caseId, consultant.id)).toBe('attending');
    expect(w.handle.sqlite.prepare("select count(*) n from care_team where removed_reason = 'role_changed'").get()).toEqual({ n: 1 });
    expect((await w.module.queries.attendingsOf(caseId)).map((m) => m.dingtalkUserId).sort()).toEqual(['chan', 'lam']);
    await w.module.team.removeMember(w.actor(consultant), code, 'chan');
    await expect(w.module.team.removeMember(w.actor(consultant), code, 'lam')).rejects.toMatchObject({ code: 'conflict' });
    await expect(w.module.team.addMember(w.actor(consultant), code, 'lam', 'consulting')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('When members leave a group, then only roles bound through that group end', async () => {
    const { attending, consultant, gp, code, caseId } = await setup();
    await w.module.open.bindExistingCase(w.actor(attending), code, 'cid-second');
    await w.module.team.addMember(w.actor(attending), code, 'lam', 'consulting', 'cid-main');
    await w.module.team.addMember(w.actor(attending), code, 'wong', 'referring', 'cid-second');
    w.clock.advance(5_000);

    const ended = await w.module.team.onMembersLeftGroup('cid-main', ['lam', 'wong', 'chan', 'unknown-user']);
    expect(ended).toBe(1);
    expect(await w.module.queries.teamRoleNow(caseId, consultant.id)).toBe('');
    // Bound through another group: kept. The opener's role is not bound to any group: kept.
    expect(await w.module.queries.teamRoleNow(caseId, gp.id)).toBe('referring');
    expect(await w.module.queries.teamRoleNow(caseId, attending.id)).toBe('attending');
    const row = w.handle.sqlite.prepare('select effective_to, removed_by, removed_reason from care_team where clinician_id = ?').get(consultant.id);
    expect(row).toEqual({ effective_to: w.clock.now(), removed_by: 'system', removed_reason: 'left_group' });
    expect(w.audit.entries.at(-1)).toMatchObject({ action: 'case.team_removed', target: code, reason: 'left_group', actor: 'system' });
    // Leaving again changes nothing.
    expect(await w.module.team.onMembersLeftGroup('cid-main', ['lam'])).toBe(0);
  });
});

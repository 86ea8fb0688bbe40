import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindCaseToGroup, startCaseOpen } from '../../src/usecases/cases/open-case.js';
import { addTeamMember } from '../../src/usecases/team/add-team-member.js';
import { removeTeamMember } from '../../src/usecases/team/remove-team-member.js';
import { caseWorld, type CaseWorld } from './cases-fixture.js';

describe('use cases: open a case from a group, bind it, manage its team', () => {
  let w: CaseWorld;
  beforeEach(() => {
    w = caseWorld();
  });
  afterEach(() => w.cleanup());

  it('When a doctor opens a case in a free group, then a form intent; in a group that has a case, then that case’s code', async () => {
    const chan = w.clinician('chan');
    const started = await startCaseOpen(w.module, w.actor(chan), 'cid-new');
    expect(started).toMatchObject({ kind: 'form', intentId: expect.any(String), expiresAt: expect.any(Number) });

    const code = await w.openCase(chan, 'cid-main');
    expect(await startCaseOpen(w.module, w.actor(w.clinician('lam')), 'cid-main')).toEqual({ kind: 'group_taken', caseCode: code });
    // The refused start is on the record, as the service writes it.
    expect(w.audit.entries.filter((e) => e.action === 'case.open_started').map((e) => e.outcome)).toEqual(['success', 'success', 'denied']);
  });

  it('When an unverified clinician opens a case, then the service’s refusal comes through unchanged', async () => {
    const ho = w.clinician('ho', { verified: false });
    await expect(startCaseOpen(w.module, w.actor(ho), 'cid-new')).rejects.toMatchObject({ code: 'actor.unverified' });
  });

  it('When the attending binds the case, then bound; again, already_linked; from another case’s group, group_taken', async () => {
    const chan = w.clinician('chan');
    const code = await w.openCase(chan, 'cid-main');
    const other = await w.openCase(chan, 'cid-other', 'B123456(6)');
    expect(await bindCaseToGroup(w.module, w.actor(chan), code, 'cid-second')).toEqual({ kind: 'bound', caseCode: code });
    expect(await bindCaseToGroup(w.module, w.actor(chan), code, 'cid-second')).toEqual({ kind: 'already_linked', caseCode: code });
    expect(await bindCaseToGroup(w.module, w.actor(chan), code, 'cid-other')).toEqual({ kind: 'group_taken', caseCode: other });
    await expect(bindCaseToGroup(w.module, w.actor(w.clinician('lam')), code, 'cid-third')).rejects.toMatchObject({ code: 'access.denied' });
  });

  it('When the attending adds, re-adds, and demotes the last attending, then added, already_in_role, keeps_attending', async () => {
    const chan = w.clinician('chan');
    const lam = w.clinician('lam', { institutionId: 'inst-hkah' });
    const code = await w.openCase(chan, 'cid-main');
    const c = await w.module.queries.findCase(code);
    expect(await addTeamMember(w.module, w.actor(chan), c, lam, 'consulting', 'cid-main')).toEqual({ kind: 'added', role: 'consulting' });
    expect(await w.module.queries.teamRoleNow(c.id, lam.id)).toBe('consulting');
    expect(await addTeamMember(w.module, w.actor(chan), c, lam, 'consulting')).toEqual({ kind: 'already_in_role', role: 'consulting' });
    expect(await addTeamMember(w.module, w.actor(chan), c, chan, 'observer')).toEqual({ kind: 'keeps_attending', role: 'observer' });
    expect(await w.module.queries.teamRoleNow(c.id, chan.id)).toBe('attending');
    await expect(addTeamMember(w.module, w.actor(lam), c, chan, 'observer')).rejects.toMatchObject({ code: 'access.denied' });
  });

  it('When the attending removes a member, a stranger, and themselves as the last attending, then removed, not_member, keeps_attending', async () => {
    const chan = w.clinician('chan');
    const lam = w.clinician('lam');
    const wong = w.clinician('wong');
    const code = await w.openCase(chan, 'cid-main');
    const c = await w.module.queries.findCase(code);
    await addTeamMember(w.module, w.actor(chan), c, lam, 'consulting');
    expect(await removeTeamMember(w.module, w.actor(chan), c, lam)).toEqual({ kind: 'removed' });
    expect(await w.module.queries.teamRoleNow(c.id, lam.id)).toBe('');
    expect(await removeTeamMember(w.module, w.actor(chan), c, wong)).toEqual({ kind: 'not_member' });
    expect(await removeTeamMember(w.module, w.actor(chan), c, chan)).toEqual({ kind: 'keeps_attending' });
    expect(await w.module.queries.teamRoleNow(c.id, chan.id)).toBe('attending');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryAdmin } from '../../src/domain/directory/directory-admin.js';
import { authWorld, bearer, type AuthWorld } from './auth-fixture.js';

/**
 * The only admin cannot lock everyone out: nobody suspends, demotes or removes themselves, and
 * nobody takes away the last active admin's power — with a coded error, audited, nothing changed.
 */
describe('nobody suspends or demotes the last active admin, or themselves', () => {
  let w: AuthWorld;
  const ADMIN = 'qmh-cb-admin';
  const OTHER = 'guard-other-admin';
  const tokenOf = async (userId: string) =>
    (await w.app.inject({ method: 'POST', url: '/api/auth/admin-token', headers: bearer((await w.login(userId)).accessToken) })).json().token as string;
  const post = (token: string, url: string, payload?: object) => w.app.inject({ method: 'POST', url, headers: bearer(token), payload });
  const directoryAdmin = () =>
    createDirectoryAdmin({
      repo: w.h.service.directoryRepo, audit: w.h.service.audit, clock: w.clock,
      endLogins: (id, reason) => w.h.service.sessions.revokeAllFor(id, reason),
      offboard: (id, by) => w.h.service.offboarding.leave(id, by, 'admin_removed'),
    });

  beforeAll(async () => {
    w = await authWorld();
    w.h.sim.org.addUser({ userId: OTHER, name: 'Other admin' });
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the only admin suspends or removes themselves from the console, then 409 directory.self_action and they stay an active admin', async () => {
    const token = await tokenOf(ADMIN);
    const id = w.clinicianId(ADMIN);
    const suspend = await post(token, `/api/admin/clinicians/${id}/suspend`, { undo: false });
    expect([suspend.statusCode, suspend.json().code]).toEqual([409, 'directory.self_action']);
    const remove = await post(token, `/api/admin/clinicians/${id}/remove-from-org`);
    expect([remove.statusCode, remove.json().code]).toEqual([409, 'directory.self_action']);
    expect((await w.h.service.directoryRepo.findById(id))).toMatchObject({ role: 'admin', verified: true, suspended: false });
    expect((await w.app.inject({ url: '/api/admin/clinicians', headers: bearer(token) })).statusCode).toBe(200);
    await w.h.service.audit.flush();
    const refused = (await w.h.service.audit.repo.list({ action: 'directory.admin_guard' }, { limit: 10 })).entries;
    expect(refused.map((e) => [e.outcome, e.reason])).toEqual(expect.arrayContaining([['denied', 'suspend:self'], ['denied', 'remove:self']]));
  });

  it('When an operator (CLI) or anyone else would suspend, demote or remove the last active admin, then 409 directory.last_admin', async () => {
    const dir = directoryAdmin();
    const id = w.clinicianId(ADMIN);
    await expect(dir.suspend(id, {}, 'cli:ops')).rejects.toThrow(expect.objectContaining({ code: 'directory.last_admin' }));
    await expect(dir.verify(id, { registrationNo: 'A12345', role: 'doctor', institutionCode: 'QMH' }, 'cli:ops')).rejects.toThrow(expect.objectContaining({ code: 'directory.last_admin' }));
    await expect(dir.removeFromOrganisation(id, 'cli:ops')).rejects.toThrow(expect.objectContaining({ code: 'directory.last_admin' }));
    expect((await w.h.service.directoryRepo.findById(id))).toMatchObject({ role: 'admin', verified: true, suspended: false });
  });

  it('When a second admin exists, then one may suspend and reinstate the other; the second cannot then demote themselves', async () => {
    const otherId = (await w.h.service.directoryRepo.insert({ dingtalkUserId: OTHER, displayName: 'Other admin', role: 'admin', verified: true }, w.clock.now())).id;
    const other = await tokenOf(OTHER);
    const id = w.clinicianId(ADMIN);
    expect((await post(other, `/api/admin/clinicians/${id}/suspend`, { undo: false })).statusCode).toBe(200);
    // Now OTHER is the last active admin, and cannot suspend themselves either.
    const self = await post(other, `/api/admin/clinicians/${otherId}/suspend`, { undo: false });
    expect([self.statusCode, self.json().code]).toEqual([409, 'directory.self_action']);
    await expect(directoryAdmin().suspend(otherId, {}, 'cli:ops')).rejects.toThrow(expect.objectContaining({ code: 'directory.last_admin' }));
    // Lifting the suspension from the console works (no CLI, no downtime).
    expect((await post(other, `/api/admin/clinicians/${id}/suspend`, { undo: true })).json().suspended).toBe(false);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, WONG } from '../helpers/sharing-flow.js';
import { ask, askPrivately, auditMark, auditSince, caseWithReport, clinicianId, eventually, makeHkid, otoTo, pressDecision, requestByText } from './sharing-edge-fixture.js';

/**
 * Access that should end does: when someone's place on the care team ends (removed by the attending,
 * left the consult group, ended by an admin), their grants on the case end with it, on the record,
 * and they are told 1:1. Through the real SDK, the simulator and the service.
 */
describe('access ends with the care-team role', () => {
  let h: Harness;
  let app: FastifyInstance;
  let group: string;
  let code: string;
  let docId: string;
  const caseId = async () => (await h.service.secure.cases.queries.findCase(code)).id;
  const grantOf = async (userId: string) => (await h.service.secure.grants.activeGrantFor(clinicianId(h, userId), docId, await caseId())).hasGrant;

  /** Dr Wong (HPH, consented) asks, Dr Chan approves on the card, and Dr Wong joins the team as referring. */
  async function grantedAndOnTeam(): Promise<void> {
    const { card } = await requestByText(h, code, WONG);
    await pressDecision(h, card, CHAN, 'approve');
    expect(await grantOf(WONG)).toBe(true);
    expect(await ask(h, group, CHAN, `@ConsultBridge team ${code} add @Wong Siu-ming referring`, [WONG])).toContain('轉介');
    expect(await askPrivately(h, group, WONG, `@ConsultBridge why ${code}`)).toContain('You hold an approved, unexpired grant');
  }

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ group, code, docId } = await caseWithReport(h, app, { hkid: makeHkid('E', '271828') }));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the attending types `team C-… remove @Dr X`, then Dr X’s grant ends (audited), Dr X is told 1:1, and `why` no longer says Allowed', async () => {
    await grantedAndOnTeam();
    const mark = await auditMark(h);
    const from = h.sim.sent.length;
    expect(await ask(h, group, CHAN, `@ConsultBridge team ${code} remove @Wong Siu-ming`, [WONG])).toContain('已從');
    expect(await grantOf(WONG)).toBe(false);
    const told = await otoTo(h, from, WONG);
    expect(told.text).toContain(`Your role on case ${code} has ended`);
    expect(told.text).toContain('The access grant you held ends with it.');
    const revoked = await auditSince(h, mark, { action: 'grant.revoked' });
    expect(revoked).toMatchObject([{ actor: clinicianId(h, CHAN), target: docId, outcome: 'success', reason: 'removed' }]);
    const why = await askPrivately(h, group, WONG, `@ConsultBridge why ${code}`);
    expect(why).toContain('Not allowed.');
    expect(why).not.toContain('approved, unexpired grant');
  });

  it('When Dr X leaves the consult group that gave the role, then the grant ends and Dr X is told', async () => {
    await grantedAndOnTeam();
    const from = h.sim.sent.length;
    h.sim.org.removeMember(group, WONG, { event: true });
    await eventually(async () => !(await grantOf(WONG)));
    expect((await otoTo(h, from, WONG)).text).toContain('you left the consult group');
    h.sim.org.addMember(group, WONG);
  });

  it('When an admin ends the role from the console, then the grant ends and Dr X is told', async () => {
    await grantedAndOnTeam();
    const from = h.sim.sent.length;
    const admin = clinicianId(h, 'qmh-cb-admin');
    await h.service.secure.cases.admin.adminEndRole(admin, code, clinicianId(h, WONG));
    expect(await grantOf(WONG)).toBe(false);
    expect((await otoTo(h, from, WONG)).text).toContain('a ConsultBridge admin ended your role');
  });

  it('When an admin unbinds the consult group that gave the role, then the grant ends and Dr X is told', async () => {
    await grantedAndOnTeam();
    const from = h.sim.sent.length;
    await h.service.secure.cases.admin.unbindGroup(clinicianId(h, 'qmh-cb-admin'), code, group);
    expect(await grantOf(WONG)).toBe(false);
    expect((await otoTo(h, from, WONG)).text).toContain('no longer holds the case');
  });
});

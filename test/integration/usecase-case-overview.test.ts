import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseOverview, type CaseOverviewDeps } from '../../src/usecases/cases/case-overview.js';
import { caseSharingWorld, type CaseSharingWorld } from './case-sharing-world.js';

describe('use case: a case’s overview (team and documents) as chat shows it', () => {
  let w: CaseSharingWorld;
  let deps: CaseOverviewDeps;
  beforeEach(() => {
    w = caseSharingWorld();
    deps = { queries: w.module.queries, grants: w.grants, documents: w.documents };
  });
  afterEach(() => w.cleanup());

  it('When a team member asks, then the case, its team, its documents and their own role', async () => {
    const chan = w.clinician('chan');
    const lam = w.clinician('lam');
    const c = await w.module.queries.findCase(await w.openCase(chan, 'cid-main'));
    await w.module.team.addMember(w.actor(chan), c.code, lam.dingtalkUserId, 'consulting');
    const doc = await w.shareReport(c.id, chan.id);
    const mine = await caseOverview(deps, chan.id, c);
    expect(mine).toMatchObject({ caseRow: { id: c.id, code: c.code }, myRole: 'attending', documents: [{ id: doc.id }] });
    expect(mine.team.map((m) => [m.clinicianId, m.careRole])).toEqual([[chan.id, 'attending'], [lam.id, 'consulting']]);
    expect((await caseOverview(deps, lam.id, c)).myRole).toBe('consulting');
  });

  it('When someone off the team asks from the case’s group, or holds break-glass, then they see it with no role', async () => {
    const chan = w.clinician('chan');
    const ng = w.clinician('ng');
    const c = await w.module.queries.findCase(await w.openCase(chan, 'cid-main'));
    expect(await caseOverview(deps, ng.id, c, 'cid-main')).toMatchObject({ myRole: '', documents: [] });
    await w.breakGlass.breakGlass({ caseId: c.id, clinicianId: ng.id, reason: 'patient unconscious in A&E' });
    expect((await caseOverview(deps, ng.id, c)).myRole).toBe('');
  });

  it('When a stranger asks from another group, or holds only a document grant, then access.denied', async () => {
    const chan = w.clinician('chan');
    const wong = w.clinician('wong');
    const c = await w.module.queries.findCase(await w.openCase(chan, 'cid-main'));
    await w.openCase(chan, 'cid-other', 'B123456(6)');
    await expect(caseOverview(deps, wong.id, c, 'cid-other')).rejects.toMatchObject({ code: 'access.denied' });
    // A grant from an approved request opens the document, not the chat's case view (the mini-app differs).
    const doc = await w.shareReport(c.id, chan.id);
    const req = await w.approvals.requestAccess({ documentId: doc.id, requesterId: wong.id, reasonCode: 'continuing_care' });
    const out = await w.approvals.decide({ requestId: req.requestId, deciderId: chan.id, decision: 'approve' });
    expect(out.grant).toBeDefined();
    await expect(caseOverview(deps, wong.id, c)).rejects.toMatchObject({ code: 'access.denied' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCaseReceipts, type ListReceiptsDeps } from '../../src/usecases/receipts/list-receipts.js';
import { caseSharingWorld, type CaseSharingWorld } from './case-sharing-world.js';

describe('use case: a case’s read receipts with escalation steps, for its care team', () => {
  let w: CaseSharingWorld;
  let deps: ListReceiptsDeps;
  beforeEach(() => {
    w = caseSharingWorld();
    deps = { queries: w.module.queries, receipts: w.receipts, escalation: w.escalation };
  });
  afterEach(() => w.cleanup());

  it('When team members open or not, then each document lists them (its author aside) with its own escalation steps', async () => {
    const chan = w.clinician('chan');
    const lam = w.clinician('lam');
    const wong = w.clinician('wong');
    const c = await w.module.queries.findCase(await w.openCase(chan, 'cid-main'));
    await w.module.team.addMember(w.actor(chan), c.code, lam.dingtalkUserId, 'consulting');
    await w.module.team.addMember(w.actor(chan), c.code, wong.dingtalkUserId, 'observer');
    const first = await w.shareReport(c.id, chan.id);
    const second = await w.shareReport(c.id, lam.id);
    const t0 = w.clock.now();
    w.clock.advance(60_000);
    await w.receipts.markViewed(first.id, lam.id);
    await w.escalationRepo.addStep({ itemId: first.id, recipientId: wong.id, action: 'reminded', at: t0 });
    await w.escalationRepo.addStep({ itemId: first.id, recipientId: wong.id, action: 'escalated', targetId: lam.id, at: t0 + 1 });

    const out = await listCaseReceipts(deps, wong.id, c);
    expect(out.map((d) => d.documentId)).toEqual([first.id, second.id]);
    expect(out[0]).toMatchObject({ authorId: chan.id, openedBy: [{ clinicianId: lam.id, firstOpenedAt: t0 + 60_000 }], notOpened: [{ clinicianId: wong.id }] });
    expect(out[0]!.steps.map((s) => [s.action, s.recipientId, s.targetId])).toEqual([['reminded', wong.id, null], ['escalated', wong.id, lam.id]]);
    expect(out[1]).toMatchObject({ authorId: lam.id, openedBy: [], steps: [] });
    expect(out[1]!.notOpened.map((n) => n.clinicianId).sort()).toEqual([chan.id, wong.id].sort());
  });

  it('When the case has no documents, then an empty list; off the team, access.denied', async () => {
    const chan = w.clinician('chan');
    const c = await w.module.queries.findCase(await w.openCase(chan, 'cid-main'));
    expect(await listCaseReceipts(deps, chan.id, c)).toEqual([]);
    await w.shareReport(c.id, chan.id);
    await expect(listCaseReceipts(deps, w.clinician('stranger').id, c)).rejects.toMatchObject({ code: 'access.denied' });
  });
});

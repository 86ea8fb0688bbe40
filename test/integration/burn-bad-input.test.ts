import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, LAM, openCase, WONG } from '../helpers/sharing-flow.js';
import { burnCase, openInApp, pressOpen, sendBurnText, BURN_GROUP } from './burn-fixture.js';
import { ask, askPrivately, auditMark, auditSince, clinicianId, eventually, expectDenial, HO, LEE, makeHkid } from './sharing-edge-fixture.js';

/** Burn-after-reading refusals: bad durations, people without access, duplicates, nobody to send to. */
describe('burn after reading: bad input', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let group: string;
  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    group = BURN_GROUP(h);
    code = await burnCase(h, makeHkid('F', '556677'));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it.each(['5s', '9s', '25h', '1441m', 'soon', '0'])('When the burn time is %s, then the group is told the allowed range and no link is sent', async (d) => {
    const from = h.sim.sent.length;
    const text = await ask(h, group, CHAN, `@ConsultBridge burn ${code} ${d}`);
    expect(text).toContain('銷毀時間須介乎 10 秒至 24 小時，例如 30s、5m 或 2h。'); // Dr Chan reads Chinese
    expect(h.sim.sent.slice(from).some((s) => s.text.includes('/burn'))).toBe(false);
  });

  it('When someone who is not a recipient presses Open, then they are refused and it is audited as not_a_recipient', async () => {
    const itemId = await sendBurnText(h, app, code, 'for the team only');
    const mark = await auditMark(h);
    const answer = await pressOpen(h, itemId, HO);
    expect(answer).toContain('你沒有此權限。'); // Dr Ho reads Chinese
    expect(answer).not.toContain('/app/burn/');
    expectDenial(await auditSince(h, mark), { actor: clinicianId(h, HO), target: itemId, reason: 'not_a_recipient' });
  });

  it('When a recipient loses their care-team role, then the policy refuses their next open even with a live link', async () => {
    const itemId = await sendBurnText(h, app, code, 'team note');
    const link = await pressOpen(h, itemId, WONG);
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.removeMember(chan, code, WONG);
    const res = await openInApp(h, app, link, WONG);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'access.denied' });
    await h.service.secure.cases.team.addMember(chan, code, WONG, 'consulting', group);
  });

  it('When an unverified doctor or someone not allowed to share asks to burn, then no link is sent', async () => {
    expect(await askPrivately(h, group, LEE, `@ConsultBridge burn ${code} 30s`)).toContain('你尚未通過驗證');
    const answer = await ask(h, null, HO, `@ConsultBridge burn ${code} 30s`);
    expect(answer).toContain('你沒有此權限。');
    expect(answer).not.toContain('/burn');
  });

  it('When the same burn message is delivered twice (same msgId), then one link and one card result', async () => {
    const link = replyAfter(h.sim, { userId: CHAN, via: 'oto' });
    const { msgId } = h.sim.say(group, CHAN, `@ConsultBridge burn ${code} 1m`);
    const first = await link;
    h.sim.replay(msgId);
    await new Promise((r) => setTimeout(r, 500));
    const links = h.sim.sent.filter((s) => s.via === 'oto' && s.text.includes(`/app/case/${code}/burn?after=60`));
    expect(links).toHaveLength(1);
    expect(first.text).toContain(`/app/case/${code}/burn?after=60`);
    const res = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/cases/${code}/burn`, payload: { text: 'once', burnAfterSeconds: 60 } });
    const { itemId } = res.json() as { itemId: string };
    await eventually(() => h.sim.sent.find((s) => s.via === 'card' && s.outTrackId === `burn:${itemId}:${group}`));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.sim.sent.filter((s) => s.via === 'card' && (s.outTrackId ?? '').startsWith(`burn:${itemId}:`))).toHaveLength(1);
  });

  it('When nobody else on the case could open it, then the submit says so and nothing is created', async () => {
    const solo = await openCase(h, h.demo.groups.aeHandover, makeHkid('G', '998877'));
    const link = replyAfter(h.sim, { userId: CHAN, via: 'oto' });
    h.sim.dm(CHAN, `@ConsultBridge burn ${solo} 30s`);
    expect((await link).text).toContain(`/app/case/${solo}/burn?after=30`);
    const before = await h.service.burn.service.pendingCount();
    const res = await asUser(h, app, CHAN, { method: 'POST', url: `/api/app/cases/${solo}/burn`, payload: { text: 'anyone?', burnAfterSeconds: 30 } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'burn.no_recipients' });
    expect(await h.service.burn.service.pendingCount()).toBe(before);
    expect(clinicianId(h, LAM)).toBeTruthy();
  });
});

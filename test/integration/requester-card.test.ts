import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, press, WONG } from '../helpers/sharing-flow.js';
import { ask, caseWithReport, clinicianId, eventually, makeHkid, pressDecision, requestByText } from './sharing-edge-fixture.js';

const HOUR = 3_600_000;

type Button = { label: string; action: string; params?: Record<string, string>; openUrl?: string };

/**
 * Issue 12 item 4 ("the requester sees live status"): whoever asks for a report gets one card 1:1
 * whose status line follows the request in place — sent and waiting for whom, approved until when
 * (with [Open]), revoked, denied, expired, ended with its case — through the SDK's stream and the simulator, like the
 * approvers' cards; in the requester's language.
 */
describe('the requester’s live card of an access request', () => {
  const clock = new ManualClock();
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let group: string;
  beforeAll(async () => {
    h = await startHarness({ clock, service: { sweepMs: 50 } });
    app = await appFor(h);
    ({ code, group } = await caseWithReport(h, app, { hkid: makeHkid('R', '314159') }));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const params = (outTrackId: string) => h.sim.cards.get(outTrackId)?.cardParamMap ?? {};
  const statusMatching = (outTrackId: string, re: RegExp) => eventually(() => (re.test(params(outTrackId).status ?? '') ? params(outTrackId) : undefined));
  const posted = (outTrackId: string) => eventually(() => h.sim.sent.find((s) => s.via === 'card' && s.outTrackId === outTrackId));
  const buttons = (outTrackId: string) => JSON.parse(params(outTrackId).buttons ?? '[]') as Button[];

  it('When Dr Wong (reads English) asks, then his card says whom it waits for, then until when it was approved with [Open], then that it was revoked', async () => {
    const { card: approverCard, requestId } = await requestByText(h, code, WONG);
    const mine = `reqst:${requestId}`;
    expect((await posted(mine)).userIds).toEqual([WONG]);
    expect(params(mine).title).toBe(`🔑 Your access request · ${code}`);
    expect(params(mine).text).toMatch(/^Report of \d{4}-\d{2}-\d{2} · reason: Continuing care \(referring doctor\)$/);
    expect(params(mine).status).toMatch(/^⏳ Sent · waiting for .*CHAN Tai-man/);

    await pressDecision(h, approverCard, CHAN, 'approve');
    await statusMatching(mine, /^✅ Approved by .*CHAN Tai-man.* · access until \d{4}-\d{2}-\d{2} \d{2}:\d{2} HKT$/);
    const [open] = buttons(mine);
    expect(open).toMatchObject({ label: 'Open', action: 'open' });
    expect(open!.openUrl).toContain(encodeURIComponent(`/app/doc/${open!.params!.documentId}`));

    // Dr Chan revokes from his settled approval card: Dr Wong's card says so, and [Open] is gone.
    const revoke = await eventually(() => (JSON.parse(params(approverCard.outTrackId!).buttons ?? '[]') as Button[]).find((b) => b.action === 'revoke'));
    await press(h, approverCard.outTrackId!, CHAN, { action: revoke.action, ...revoke.params });
    await statusMatching(mine, /^🚫 Access ended: revoked by .*CHAN Tai-man/);
    expect(buttons(mine)).toEqual([]);
    // One card all along, changed in place.
    expect(h.sim.sent.filter((s) => s.via === 'card' && s.outTrackId === mine)).toHaveLength(1);
    expect(h.sim.sent.filter((s) => s.via === 'cardUpdate' && s.outTrackId === mine)).toHaveLength(2);
  });

  it('When Dr Wong reads Chinese and the attending denies, then his card says so in Chinese, with no button', async () => {
    await h.service.directory.setLanguage(clinicianId(h, WONG), 'zh');
    const { card: approverCard, requestId } = await requestByText(h, code, WONG);
    const mine = `reqst:${requestId}`;
    await posted(mine);
    expect(params(mine).title).toBe(`🔑 你的存取申請 · ${code}`);
    expect(params(mine).text).toMatch(/^\d{4}-\d{2}-\d{2} 的報告 · 原因：持續護理（轉介醫生）$/);
    expect(params(mine).status).toMatch(/^⏳ 已送出 · 等待 陳大文 Dr CHAN Tai-man.* 決定$/);
    await pressDecision(h, approverCard, CHAN, 'deny');
    await statusMatching(mine, /^❌ 已由 陳大文 Dr CHAN Tai-man.* 拒絕$/);
    expect(buttons(mine)).toEqual([]);
  });

  it('When nobody decides in time, then the card says the request expired', async () => {
    const { requestId } = await requestByText(h, code, WONG);
    const mine = `reqst:${requestId}`;
    await posted(mine);
    clock.advance(24 * HOUR);
    await statusMatching(mine, /^⌛ 已過期：未及時決定，沒有給予存取$/);
  });

  it('When access was approved and the attending closes the case, then the card says access ended with the case, with no [Open]', async () => {
    const { card: approverCard, requestId } = await requestByText(h, code, WONG);
    const mine = `reqst:${requestId}`;
    await posted(mine);
    await pressDecision(h, approverCard, CHAN, 'approve');
    await statusMatching(mine, /^✅ 已由 陳大文 Dr CHAN Tai-man.* 批准 · 存取有效至 /);
    expect(buttons(mine)).toHaveLength(1);
    await ask(h, group, CHAN, `@ConsultBridge close ${code}`);
    await statusMatching(mine, /^🚫 存取已終止：陳大文 Dr CHAN Tai-man.* 已結束此個案$/);
    expect(buttons(mine)).toEqual([]);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { caseWithReport, cardTo, eventually, makeHkid, otoTo, pressDecision } from './sharing-edge-fixture.js';

const HOUR = 3_600_000;

/**
 * Issue 12 item 4 (leftovers): with two attendings, both get the approval card; when one decides,
 * every approver's card settles to the final state with no buttons; a request nobody decides
 * settles every card to "expired" when the sweeper lapses it.
 */
describe('approver cards settle for every approver, also at expiry', () => {
  const clock = new ManualClock();
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  beforeAll(async () => {
    h = await startHarness({ clock, service: { sweepMs: 50, sharing: { approverChain: ['attending'] } } });
    app = await appFor(h);
    ({ code } = await caseWithReport(h, app, { hkid: makeHkid('P', '161803') }));
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    await h.service.secure.cases.team.addMember(chan, code, LAM, 'attending', h.demo.groups.cardiologyConsult);
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const cardAs = (outTrackId: string, userId: string) => {
    const card = h.sim.cards.get(outTrackId)!;
    return { ...card.cardParamMap, ...card.privateData[userId] };
  };
  /** Settled: no decision buttons left (a granted card keeps only [Revoke], issue 12 item 5). */
  const settled = (buttons: string | undefined) =>
    (JSON.parse(buttons ?? '[]') as Array<{ action?: string; params?: { decision?: string } }>).every((b) => b.action === 'revoke' && !b.params?.decision);
  const settledFor = (outTrackId: string, userId: string) => eventually(() => (settled(cardAs(outTrackId, userId).buttons) ? cardAs(outTrackId, userId) : undefined));

  /** `request C-… continuing_care` 1:1 as `requester`: the cards that reached both attendings. */
  async function request(requester: string) {
    const from = h.sim.sent.length;
    h.sim.dm(requester, `@ConsultBridge request ${code} continuing_care`);
    const chanCard = await cardTo(h, from, CHAN, 'req:');
    const lamCard = await cardTo(h, from, LAM, 'req:');
    await otoTo(h, from, requester);
    return { chanCard, lamCard };
  }

  it('When nobody decides and the request expires, then every approver card says it expired, with no buttons', async () => {
    const { chanCard, lamCard } = await request(WONG);
    clock.advance(24 * HOUR);
    const expired = await settledFor(chanCard.outTrackId!, CHAN);
    expect(expired.status).toBe('已過期：未及時決定，沒有給予存取');
    expect(expired.buttons).toBe('[]');
    expect((await settledFor(lamCard.outTrackId!, LAM)).status).toBe('Expired: not decided in time, no access given');
  });

  it('When one of two attendings approves, then both approval cards settle without buttons, each in its reader\'s language', async () => {
    const { chanCard, lamCard } = await request(WONG);
    // Before the decision: approve (one per duration offered) and deny.
    const offered = (JSON.parse(cardAs(lamCard.outTrackId!, LAM).buttons!) as Array<{ params?: { decision?: string } }>).map((b) => b.params?.decision);
    expect(offered).toContain('approve');
    expect(offered).toContain('deny');
    await pressDecision(h, chanCard, CHAN, 'approve');
    const chan = await settledFor(chanCard.outTrackId!, CHAN);
    expect(chan.status).toMatch(/^已由 陳大文 Dr CHAN Tai-man.*批准 · 存取有效至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const lam = await settledFor(lamCard.outTrackId!, LAM);
    expect(lam.status).toMatch(/^Approved by .*CHAN Tai-man.* · access until \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });
});

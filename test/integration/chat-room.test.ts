import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, WONG } from '../helpers/sharing-flow.js';
import { ask, caseWithReport, cardTo, eventually, LEE, LI, makeHkid, otoTo, pressDecision, requestByText } from './sharing-edge-fixture.js';

/**
 * Chat that respects the room (issue 12, item 4), through the SDK, the simulator and the real service,
 * with a two-step approver chain (attending, then privacy officer): refusals about the sender go 1:1;
 * each decided approval card settles to its final state with no buttons; the requester hears every step.
 */
describe('chat that respects the room', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let group: string;
  beforeAll(async () => {
    h = await startHarness({ service: { sharing: { approverChain: ['attending', 'privacy_officer'] } } });
    app = await appFor(h);
    ({ code, group } = await caseWithReport(h, app, { hkid: makeHkid('K', '305112') }));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  /** A card's values as its holder sees them (their private values over the shared ones). */
  const cardAs = (outTrackId: string, userId: string) => {
    const card = h.sim.cards.get(outTrackId)!;
    return { ...card.cardParamMap, ...card.privateData[userId] };
  };

  it('When an unverified doctor is refused in the group, then the refusal reaches her 1:1 and the group sees only a pointer', async () => {
    const pointer = replyAfter(h.sim, { conversationId: group });
    const refusal = replyAfter(h.sim, { userId: LEE, via: 'oto' });
    h.sim.say(group, LEE, `@ConsultBridge share ${code}`);
    expect((await refusal).text).toContain('你尚未通過驗證');
    const said = (await pointer).text;
    expect(said).toBe('ConsultBridge\n已私下回覆你。');
  });

  it('When `why` is asked in the group, then the answer about the asker goes 1:1', async () => {
    const pointer = replyAfter(h.sim, { conversationId: group });
    const answer = replyAfter(h.sim, { userId: WONG, via: 'oto' });
    h.sim.say(group, WONG, `@ConsultBridge why ${code}`);
    expect((await answer).text).toContain(code);
    expect((await pointer).text).toBe('ConsultBridge\nI have answered you privately.');
  });

  it('When the attending approves the first step, then his card settles without buttons and the requester hears whom it waits on now', async () => {
    const { card } = await requestByText(h, code, WONG);
    const from = h.sim.sent.length;
    await pressDecision(h, card, CHAN, 'approve');
    const progress = await otoTo(h, from, WONG);
    expect(progress.text).toMatch(new RegExp(`^Request update\\n.*CHAN Tai-man.* approved your request for the ${code} report; it now waits on`));
    expect(progress.text).toContain('LI Siu-fan');
    const settled = await eventually(() => (cardAs(card.outTrackId!, CHAN).buttons === '[]' ? cardAs(card.outTrackId!, CHAN) : undefined));
    expect(settled.status).toMatch(/^已由 陳大文 Dr CHAN Tai-man.*批准 · 現交下一位批核人$/);

    // The privacy officer decides by text instead of the card: her card settles all the same, with the expiry.
    const poCard = await cardTo(h, from, LI, 'req:');
    const granted = replyAfter(h.sim, { userId: WONG, via: 'oto' });
    await ask(h, null, LI, `@ConsultBridge approve ${code}`);
    expect((await granted).text).toContain('approved your access');
    // Granted: the decision buttons are gone; only [Revoke] is left.
    const final = await eventually(() => (cardAs(poCard.outTrackId!, LI).buttons?.includes('"revoke"') ? cardAs(poCard.outTrackId!, LI) : undefined));
    expect(final.status).toMatch(/LI Siu-fan.*(until|有效至) \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });
});

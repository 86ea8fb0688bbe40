import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';

/**
 * Issue 9, "PHI guard misses Chinese input": an HKID typed full-width (as a Chinese IME types it), in
 * square or CJK brackets, or with spaces and hyphens, stops the message and warns the sender 1:1,
 * through the real SDK and simulator; the group never sees the number or a reply to that message.
 */
describe('inbound PHI guard with Chinese input', () => {
  let h: Harness;
  let group: string;
  beforeAll(async () => {
    h = await startHarness();
    group = h.demo.groups.aeHandover;
  });
  afterAll(async () => h?.close());

  const spellings = [
    '@ConsultBridge case C-7KQ2M pt Ａ１２３４５６（３）',
    '@ConsultBridge case C-7KQ2M 病人Ａ１２３４５６（３）入院',
    '@ConsultBridge case C-7KQ2M pt A123456[3]',
    '@ConsultBridge case C-7KQ2M 病人 A123456【3】',
    '@ConsultBridge case C-7KQ2M pt A-123456-3',
    '@ConsultBridge case C-7KQ2M pt ａ１２３４５６　３',
  ];

  it.each(spellings)('When a clinician types %s, then they are warned 1:1 and the message is not acted on', async (text) => {
    const sender = 'qmh-ho-wingyee';
    const start = h.sim.sent.length;
    const warn = replyAfter(h.sim, { userId: sender, via: 'oto' });
    h.sim.say(group, sender, text);
    expect((await warn).text).toMatch(/patient identifiers|病人身份資料/);
    // Anything the bot did with the message would be sent before the reply to a later message.
    const pong = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, sender, '@ConsultBridge ping');
    await pong;
    const toGroup = h.sim.sent.slice(start).filter((e) => e.conversationId === group && e.via !== 'recall');
    expect(toGroup).toHaveLength(1);
    const all = JSON.stringify(h.sim.sent.slice(start));
    for (const needle of ['123456', '１２３４５６']) expect(all).not.toContain(needle);
    await h.service.audit.flush();
    expect((await h.service.audit.repo.list({ action: 'inbound.phi_warned' }, { limit: 50 })).entries.length).toBeGreaterThan(0);
  });
});

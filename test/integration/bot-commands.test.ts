import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';

/** help / whoami / ping through the real SDK, the simulator and the real service. */
describe('bot commands over the stream', () => {
  let h: Harness;
  let group: string;
  beforeAll(async () => {
    h = await startHarness();
    group = h.demo.groups.cardiologyConsult;
  });
  afterAll(async () => h?.close());

  it('When a doctor asks for help in English, then every command is listed in English', async () => {
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-lam-kaming', '@ConsultBridge help');
    const r = await reply;
    expect(r.via).toBe('webhook');
    for (const c of ['help', 'whoami', 'ping']) expect(r.text).toContain(`**${c}`);
    expect(r.text).toContain('list the commands');
  });

  it('When a doctor asks 幫助 (or 简体 帮助), then the list comes in Chinese', async () => {
    for (const word of ['幫助', '帮助']) {
      const reply = replyAfter(h.sim, { conversationId: group });
      h.sim.say(group, 'qmh-lam-kaming', `@ConsultBridge ${word}`);
      const r = await reply;
      expect(r.text).toContain('指令');
      expect(r.text).toContain('列出所有指令');
    }
  });

  it('When a verified doctor asks whoami, then name, title, institution, registration and verifier are shown', async () => {
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-lam-kaming', '  @ConsultBridge WHOAMI');
    const r = await reply;
    expect(r.text).toContain('林嘉明 Dr LAM Ka-ming');
    expect(r.text).toContain('Associate Consultant, Cardiology');
    expect(r.text).toContain('Queen Mary Hospital');
    expect(r.text).toContain('M23456');
    expect(r.text).toMatch(/verified by 李小芬 LI Siu-fan \(privacy officer\)/);
  });

  it('When 我是誰 is asked, then the entry is in Chinese with the institution’s Chinese name', async () => {
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-chan-taiman', '@ConsultBridge 我是誰');
    const r = await reply;
    expect(r.text).toContain('瑪麗醫院');
    expect(r.text).toContain('已驗證');
  });

  it('When an unverified doctor asks whoami, then it says how to get verified', async () => {
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'hph-lee-meiling', '@ConsultBridge whoami');
    const r = await reply;
    expect(r.text).toContain('尚未驗證');
  });

  it('When a user nobody knows writes for the first time, then they are added unverified from the user API', async () => {
    h.sim.org.addUser({ userId: 'new-gp-1', name: 'Dr Newcomer', title: 'General Practitioner', dept: 'Clinic', unionId: 'u-new' });
    h.sim.org.addMember(group, 'new-gp-1');
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'new-gp-1', '@ConsultBridge whoami');
    const r = await reply;
    expect(r.text).toContain('Dr Newcomer');
    expect(r.text).toContain('Not yet verified');
    const row = await h.service.directoryRepo.findByDingTalkId('new-gp-1');
    expect(row).toMatchObject({ verified: false, title: 'General Practitioner' });
  });

  it('When ping is sent (EN and 中文), then the bot answers', async () => {
    let reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-lam-kaming', '@ConsultBridge ping');
    expect((await reply).text).toContain('pong');
    reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-lam-kaming', '@ConsultBridge 測試');
    expect((await reply).text).toContain('在線');
  });

  it('When the command is unknown, then help is the answer', async () => {
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-lam-kaming', '@ConsultBridge fly me to the moon');
    expect((await reply).text).toContain('ConsultBridge commands');
  });

  it('When a 1:1 message arrives, then the reply goes to that user', async () => {
    const reply = replyAfter(h.sim, { userId: 'qmh-lam-kaming' });
    h.sim.dm('qmh-lam-kaming', 'ping');
    expect((await reply).text).toContain('pong');
  });
});

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

  /** A personal command in the group: the answer comes 1:1, the group gets only the short pointer. */
  async function askInGroup(userId: string, text: string) {
    const pointer = replyAfter(h.sim, { conversationId: group });
    const answer = replyAfter(h.sim, { userId, via: 'oto' });
    h.sim.say(group, userId, text);
    return { pointer: (await pointer).text, answer: await answer };
  }

  it('When a doctor asks for help in English in the group, then every command is listed in English, 1:1', async () => {
    const { pointer, answer: r } = await askInGroup('qmh-lam-kaming', '@ConsultBridge help');
    expect(pointer).toBe('ConsultBridge\nI have answered you privately.');
    for (const c of ['help', 'whoami', 'ping']) expect(r.text).toContain(`**${c}`);
    expect(r.text).toContain('list the commands');
  });

  it('When a doctor who reads Chinese asks 幫助 (or 简体 帮助), then the list comes in Chinese', async () => {
    for (const word of ['幫助', '帮助']) {
      const { pointer, answer: r } = await askInGroup('hph-lee-meiling', `@ConsultBridge ${word}`);
      expect(pointer).toBe('ConsultBridge\n已私下回覆你。');
      expect(r.text).toContain('指令');
      expect(r.text).toContain('列出所有指令');
    }
  });

  it('When a verified doctor asks whoami in the group, then name, title, institution, registration and verifier are shown 1:1', async () => {
    const { pointer, answer: r } = await askInGroup('qmh-lam-kaming', '  @ConsultBridge WHOAMI');
    expect(pointer).not.toMatch(/LAM|M23456|verified/);
    expect(r.text).toContain('林嘉明 Dr LAM Ka-ming');
    expect(r.text).toContain('Associate Consultant, Cardiology');
    expect(r.text).toContain('Queen Mary Hospital');
    expect(r.text).toContain('M23456');
    expect(r.text).toMatch(/verified by 李小芬 LI Siu-fan \(privacy officer\)/);
  });

  it('When 我是誰 is asked, then the entry is in Chinese with the institution’s Chinese name', async () => {
    const { answer: r } = await askInGroup('qmh-chan-taiman', '@ConsultBridge 我是誰');
    expect(r.text).toContain('瑪麗醫院');
    expect(r.text).toContain('已驗證');
  });

  it('When an unverified doctor asks whoami in the group, then she is told 1:1 how to get verified and the group hears nothing of it', async () => {
    const { pointer, answer: r } = await askInGroup('hph-lee-meiling', '@ConsultBridge whoami');
    expect(r.text).toContain('尚未驗證');
    expect(pointer).toBe('ConsultBridge\n已私下回覆你。');
  });

  it('When a user nobody knows writes for the first time, then they are added unverified from the user API', async () => {
    h.sim.org.addUser({ userId: 'new-gp-1', name: 'Dr Newcomer', title: 'General Practitioner', dept: 'Clinic', unionId: 'u-new' });
    h.sim.org.addMember(group, 'new-gp-1');
    const { answer: r } = await askInGroup('new-gp-1', '@ConsultBridge whoami');
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
    h.sim.say(group, 'hph-lee-meiling', '@ConsultBridge 測試');
    expect((await reply).text).toContain('在線');
  });

  it('When an English reader writes Chinese (a command alias, or a colleague’s Chinese name), then the reply stays English (issue 12)', async () => {
    const { answer: r } = await askInGroup('qmh-lam-kaming', '@ConsultBridge 幫助');
    expect(r.text).toContain('list the commands');
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-lam-kaming', '@ConsultBridge ping @陳大文');
    expect((await reply).text).toContain('pong');
  });

  it('When the command is unknown and like none, then a short pointer to help is the answer, not the whole help', async () => {
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-lam-kaming', '@ConsultBridge fly me to the moon');
    expect((await reply).text).toBe('ConsultBridge\nI don’t know that command. Send **help** for the list.');
  });

  it.each([
    ['@ConsultBridge whoamii', 'Did you mean **whoami**?'],
    ['@ConsultBridge shre C-7KQ2M', 'Did you mean **share**?'],
    ['@ConsultBridge aprove C-7KQ2M', 'Did you mean **approve**?'],
    // An English reader's Chinese typo: the alias is suggested as typed, the words stay English (issue 12).
    ['@ConsultBridge 我是說', 'Did you mean **我是誰**?'],
  ])('When a command is mistyped (%s), then the group gets a one-line "did you mean", not the help', async (text, hint) => {
    const reply = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, 'qmh-lam-kaming', text);
    const r = (await reply).text;
    expect(r).toContain(hint);
    expect(r).not.toContain('ConsultBridge commands');
    expect(r).not.toContain('ConsultBridge 指令');
    expect(r.split('\n')).toHaveLength(2);
  });

  it('When a 1:1 message arrives, then the reply goes to that user', async () => {
    const reply = replyAfter(h.sim, { userId: 'qmh-lam-kaming' });
    h.sim.dm('qmh-lam-kaming', 'ping');
    expect((await reply).text).toContain('pong');
  });
});

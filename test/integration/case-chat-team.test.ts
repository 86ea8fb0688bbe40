import { errorHint } from '../../src/shared/error-hints.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter } from '../helpers/service-harness.js';
import { hkidFor, patientForm, startCaseChat, intentIn, type CaseChat } from './case-chat-fixture.js';
import { askPrivately } from './sharing-edge-fixture.js';

/** Care-team changes and consent forms from chat, through the real SDK and simulator. */
describe('care team and consent from chat', () => {
  let cc: CaseChat;
  let group: string;
  let code: string;
  const idOf = async (userId: string) => (await cc.h.service.directoryRepo.findByDingTalkId(userId))!.id;
  const roleOf = async (userId: string) => {
    const { queries } = cc.h.service.secure.cases;
    return queries.teamRoleNow((await queries.findCase(code)).id, await idOf(userId));
  };

  beforeAll(async () => {
    cc = await startCaseChat();
    cc.h.sim.org.addUser({ userId: 'stranger-1', name: 'Dr Stranger' });
    group = cc.group(['qmh-chan-taiman', 'qmh-lam-kaming', 'hph-wong-siuming', 'hph-lee-meiling', 'stranger-1']);
    ({ code } = await cc.openCase(group, 'qmh-chan-taiman', patientForm(hkidFor('161803'))));
  });
  afterAll(async () => cc?.close());

  it('When the attending @-mentions a colleague as consulting, then the group sees one line, the colleague is told 1:1, and the role is recorded via the group', async () => {
    const { group: line, dm } = await cc.sayAndDm(
      group,
      'qmh-chan-taiman',
      `@ConsultBridge team ${code} add @Lam Ka-ming consulting`,
      'qmh-lam-kaming',
      ['qmh-lam-kaming'],
    );
    expect(line).toBe(`ConsultBridge\n✔ 林嘉明 Dr LAM Ka-ming · 心臟科 · QMH 已加入 ${code}，角色：會診`);
    expect(dm).toContain(`陳大文 Dr CHAN Tai-man · Cardiology · QMH added you to the care team of case ${code} as consulting`);
    expect(await roleOf('qmh-lam-kaming')).toBe('consulting');
    expect(await cc.say(group, 'qmh-chan-taiman', `@ConsultBridge team ${code} add @Lam Ka-ming consultant`, ['qmh-lam-kaming'])).toContain('已是');
  });

  it('When someone who is not the attending tries to add a member, then they are refused and nothing changes', async () => {
    const text = await askPrivately(cc.h, group, 'qmh-lam-kaming', `@ConsultBridge team ${code} add @Wong Siu-ming consulting`, ['hph-wong-siuming']);
    expect(text).toBe("ConsultBridge\nYou can't do that.\n" + errorHint('access.denied', 'en'));
    expect(await roleOf('hph-wong-siuming')).toBe('');
  });

  it('When roles and verbs are written in Chinese (繁/简), then they are understood', async () => {
    let text = await cc.say(group, 'qmh-chan-taiman', `@ConsultBridge 團隊 ${code} 加入 @Wong Siu-ming 觀察`, ['hph-wong-siuming']);
    expect(text).toContain('角色：觀察');
    expect(await roleOf('hph-wong-siuming')).toBe('observer');
    text = await cc.say(group, 'qmh-chan-taiman', `@ConsultBridge 团队 ${code} 移除 @Wong Siu-ming`, ['hph-wong-siuming']);
    expect(text).toContain('已從');
    expect(await roleOf('hph-wong-siuming')).toBe('');
    text = await cc.say(group, 'qmh-chan-taiman', `@ConsultBridge team ${code} remove @Wong Siu-ming`, ['hph-wong-siuming']);
    expect(text).toContain('不在');
  });

  it('When the role or the mention is missing, or the colleague is not in the directory, then the reply says what to do', async () => {
    expect(await cc.say(group, 'qmh-chan-taiman', `@ConsultBridge team ${code} add @Wong Siu-ming`, ['hph-wong-siuming'])).toContain('請註明角色');
    expect(await cc.say(group, 'qmh-chan-taiman', `@ConsultBridge team ${code} add consulting`)).toContain('請用 @ 提及');
    const text = await cc.say(group, 'qmh-chan-taiman', `@ConsultBridge team ${code} add @Dr Stranger consulting`, ['stranger-1']);
    expect(text).toContain('名錄中找不到');
    expect(await cc.h.service.directoryRepo.findByDingTalkId('stranger-1')).toBeUndefined();
  });

  it('When a treating member asks for the consent form, then a 1:1 link records consent for the case; an observer is refused', async () => {
    const { dm } = await cc.sayAndDm(group, 'qmh-lam-kaming', `@ConsultBridge consent ${code}`);
    const intentId = intentIn(dm, 'consent');
    const res = await cc.submitForm('qmh-lam-kaming', 'consent', intentId, { consents: [{ institutionCode: 'HPH', status: 'withdrawn' }] });
    expect(res.json()).toEqual({ caseCode: code, recorded: 1 });
    expect(res.headers['cache-control']).toBe('no-store');
    const c = await cc.h.service.secure.cases.queries.findCase(code);
    expect(await cc.h.service.secure.cases.queries.hasSharingConsent(c.patientId, 'HPH')).toBe(false);
    const used = await cc.submitForm('qmh-lam-kaming', 'consent', intentId, { consents: [{ institutionCode: 'HPH', status: 'granted' }] });
    expect(used.statusCode).toBe(409);
    expect(await cc.h.service.secure.cases.queries.hasSharingConsent(c.patientId, 'HPH')).toBe(false);

    await cc.say(group, 'qmh-chan-taiman', `@ConsultBridge team ${code} add @Wong Siu-ming observer`, ['hph-wong-siuming']);
    expect(await askPrivately(cc.h, group, 'hph-wong-siuming', `@ConsultBridge consent ${code}`)).toBe("ConsultBridge\nYou can't do that.\n" + errorHint('access.denied', 'en'));
  });

  it('When a member given a role through the group leaves it, then that role ends; the opener’s own role stays', async () => {
    expect(await roleOf('qmh-lam-kaming')).toBe('consulting');
    cc.h.sim.org.removeMember(group, 'qmh-lam-kaming', { event: true });
    await expect.poll(() => roleOf('qmh-lam-kaming'), { timeout: 5000 }).toBe('');
    const handled = () => cc.h.logs().split('\n').filter((l) => l.includes('"team.left_group"')).length;
    const before = handled();
    cc.h.sim.org.removeMember(group, 'qmh-chan-taiman', { event: true });
    await expect.poll(handled, { timeout: 5000 }).toBe(before + 1);
    const ended = replyAfter(cc.h.sim, { conversationId: group });
    cc.h.sim.say(group, 'hph-wong-siuming', `@ConsultBridge case ${code}`);
    const view = (await ended).text;
    expect(view).not.toContain('LAM Ka-ming');
    expect(view).toContain('CHAN Tai-man · **attending**');
    expect(await roleOf('qmh-chan-taiman')).toBe('attending');
  });
});

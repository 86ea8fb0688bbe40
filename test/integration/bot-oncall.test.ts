import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkCsvTime, hkDayStart } from '../../src/shared/hk-wall-clock.js';
import { hkDateTime } from '../../src/shared/hk-time.js';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { eventually } from './sharing-edge-fixture.js';

const HOUR = 3600_000;

/** `oncall` through the real SDK, the simulator and the real service, on the sandbox's demo roster (HPH cardiology). */
describe('oncall over the stream', () => {
  let h: Harness;
  let qmhGroup: string;
  const hphGroup = 'cidTestHphCardiology0001==';
  beforeAll(async () => {
    h = await startHarness();
    qmhGroup = h.demo.groups.cardiologyConsult;
    h.sim.org.addGroup({ openConversationId: hphGroup, title: 'HPH cardiology', memberIds: ['hph-yeung-sukyee', 'hph-ng-chiho', 'hph-kwok-wailun', 'hph-lee-meiling', 'qmh-lam-kaming'] });
  });
  afterAll(async () => h?.close());

  async function ask(group: string, userId: string, text: string, atUserIds?: string[]) {
    const answer = replyAfter(h.sim, { conversationId: group });
    h.sim.say(group, userId, text, { atUserIds });
    return (await answer).text;
  }

  /** The 1:1 messages the simulator delivered to one person whose text contains `part`. */
  const otoTo = (userId: string, part: string) => h.sim.sent.filter((s) => s.via === 'oto' && (s.userIds ?? []).includes(userId) && s.text.includes(part));

  /** The end of the demo's current 24 h shift (08:00 HKT next). */
  const shiftEnd = () => {
    const now = Date.now();
    const eight = hkDayStart(now) + 8 * HOUR;
    return eight > now ? eight : eight + 24 * HOUR;
  };

  it('When a QMH doctor asks who is on call for cardiology at HPH, then first and second call are named with roles and HKT end times, and the escalation contact', async () => {
    const text = await ask(qmhGroup, 'qmh-lam-kaming', '@ConsultBridge oncall cardiology HPH');
    expect(text).toContain('On call · Cardiology · HPH');
    expect(text).toMatch(/\*\*First call\*\*\n- 吳志豪 Dr NG Chi-ho \(Specialist in Cardiology\) — until \d{4}-\d\d-\d\d 08:00 HKT/);
    expect(text).toMatch(/\*\*Second call\*\*\n- 郭偉倫 Dr KWOK Wai-lun \(Consultant Cardiologist\) — until \d{4}-\d\d-\d\d 08:00 HKT/);
    // Back-to-back 24 h shifts of the same person read as one long cover (four weeks of the demo roster).
    expect(text).not.toContain(`until ${hkDateTime(shiftEnd())}`);
    expect(text).toContain('Escalation contact: 楊淑儀 Dr YEUNG Suk-yee');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // never an id
  });

  it('When the same is asked in Chinese words (心臟科, lower-case code), then the answer is in Chinese', async () => {
    const text = await ask(qmhGroup, 'qmh-chan-taiman', '@ConsultBridge 當值 心臟科 hph');
    expect(text).toContain('當值 · 心臟科 · HPH');
    expect(text).toContain('第一當值');
    expect(text).toContain('第二當值');
    expect(text).toContain('升級聯絡人：楊淑儀 Dr YEUNG Suk-yee');
  });

  it('When the specialty, the hospital or both are wrong or missing, then a coded reply says what to fix (no crash)', async () => {
    expect(await ask(qmhGroup, 'qmh-lam-kaming', '@ConsultBridge oncall dentistry HPH')).toContain("I don't know that specialty.");
    expect(await ask(qmhGroup, 'qmh-lam-kaming', '@ConsultBridge oncall cardiology XYZ')).toContain("I can't find that institution.");
    expect(await ask(qmhGroup, 'qmh-lam-kaming', '@ConsultBridge oncall')).toContain('Which roster?');
    expect(await ask(qmhGroup, 'qmh-lam-kaming', '@ConsultBridge oncall neurology HPH')).toContain('**First call**: no one rostered');
  });

  it('When someone who does not own the roster tries to cover, then it is refused and nothing changes', async () => {
    const text = await ask(hphGroup, 'qmh-lam-kaming', '@ConsultBridge oncall cover cardiology HPH @Lee until 23:59', ['hph-lee-meiling']);
    expect(text).toContain('Only the roster owner or an admin can change this roster.');
    expect(await ask(hphGroup, 'qmh-lam-kaming', '@ConsultBridge oncall cardiology HPH')).toContain('First call**\n- 吳志豪');
  });

  it('When the roster owner covers first call until a time, then the coverer is on now and the original doctor returns after', async () => {
    const end = shiftEnd();
    const until = Math.min(end, Math.floor((Date.now() + HOUR) / 60_000) * 60_000);
    const text = await ask(hphGroup, 'hph-yeung-sukyee', `@ConsultBridge oncall cover cardiology HPH @Lee Mei-ling until ${hkCsvTime(until)}`, ['hph-lee-meiling']);
    expect(text).toContain(`李美玲 Dr LEE Mei-ling covers First call on Cardiology · HPH from`);
    expect(text).toContain(`to ${hkDateTime(until)}`);
    const now = await ask(hphGroup, 'hph-yeung-sukyee', '@ConsultBridge oncall cardiology HPH');
    expect(now).toContain(`- 李美玲 Dr LEE Mei-ling (Specialist in Cardiology) — until ${hkDateTime(until)}`);
    expect(now).not.toContain('吳志豪');
    const after = await h.service.repos.rosters.onCallAt({ institutionId: 'HPH', specialty: 'cardiology', at: until });
    const ng = (await h.service.directoryRepo.findByDingTalkId('hph-ng-chiho'))!;
    if (until < end) expect(after.first).toEqual([ng.id]);
    // Both clinicians are told 1:1, each in their language: the coverer that she covers, Dr Ng that he is off call then.
    // Dr Lee reads Chinese, Dr Ng English.
    const toLee = await eventually(() => otoTo('hph-lee-meiling', '當值代班 · 心臟科 · HPH')[0]);
    expect(toLee.text).toMatch(/你由 \d{4}-\d\d-\d\d \d\d:\d\d HKT 至 .* 代替 吳志豪 Dr NG Chi-ho · Specialist in Cardiology · 海濱私家醫院 擔任 心臟科 · HPH 的第一當值。/);
    expect(toLee.text).toContain(`至 ${hkDateTime(until)}`);
    expect(toLee.text).toContain('由 楊淑儀 Dr YEUNG Suk-yee · Chief of Service, Cardiology');
    const toNg = await eventually(() => otoTo('hph-ng-chiho', '李美玲 Dr LEE Mei-ling')[0]);
    expect(toNg.text).toMatch(/On-call cover · Cardiology · HPH\n李美玲 Dr LEE Mei-ling .* covers your first call on Cardiology · HPH from .* HKT to .* HKT; you are off call for that time\./);
    expect(toNg.text).toContain('Arranged by 楊淑儀 Dr YEUNG Suk-yee');
    // The roster owner who made the change is not told again; nothing about a patient is in either.
    expect(otoTo('hph-yeung-sukyee', '李美玲')).toHaveLength(0);
    for (const m of [toLee, toNg]) expect(m.text).not.toMatch(/C-[0-9A-Z]{5}|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // A cover time outside the shift, an unreadable time, and a cover with nobody mentioned: coded replies.
    expect(await ask(hphGroup, 'hph-yeung-sukyee', '@ConsultBridge oncall cover cardiology HPH @Lee until 25:99', ['hph-lee-meiling'])).toContain('Times look like');
    expect(await ask(hphGroup, 'hph-yeung-sukyee', '@ConsultBridge oncall cover cardiology HPH until 20:00')).toContain('Mention who covers');
  });

  it('When the roster owner swaps first and second call, then the next shifts exchange hands', async () => {
    const text = await ask(hphGroup, 'hph-yeung-sukyee', '@ConsultBridge oncall swap cardiology HPH @Kwok @Lee', ['hph-kwok-wailun', 'hph-lee-meiling']);
    expect(text).toContain('Swapped: 郭偉倫 Dr KWOK Wai-lun now takes');
    const now = await ask(hphGroup, 'hph-yeung-sukyee', '@ConsultBridge oncall cardiology HPH');
    expect(now).toMatch(/\*\*First call\*\*\n- 郭偉倫 Dr KWOK Wai-lun/);
    expect(now).toMatch(/\*\*Second call\*\*\n- 李美玲 Dr LEE Mei-ling/);
    // Each is told what they now hold, in their language.
    const toKwok = await eventually(() => otoTo('hph-kwok-wailun', '李美玲 Dr LEE Mei-ling')[0]);
    expect(toKwok.text).toMatch(/(you now take first call \d{4}-.* HKT – .* HKT|你改為擔任第一當值 \d{4}-.* HKT – .* HKT)/);
    const toLee = await eventually(() => otoTo('hph-lee-meiling', '當值互換')[0]);
    expect(toLee.text).toMatch(/你在 心臟科 · HPH 的班次已與 郭偉倫 Dr KWOK Wai-lun .* 互換：你改為擔任第二當值 /);
    expect(await ask(hphGroup, 'hph-yeung-sukyee', '@ConsultBridge oncall swap cardiology HPH @Kwok', ['hph-kwok-wailun'])).toContain('Mention the two colleagues');
  });

  it('Every roster change is in the audit log with its action word, by the owner', async () => {
    await h.service.audit.flush();
    const yeung = (await h.service.directoryRepo.findByDingTalkId('hph-yeung-sukyee'))!;
    for (const action of ['roster.shift_covered', 'roster.shifts_swapped']) {
      const { entries } = await h.service.audit.repo.list({ action }, { limit: 5 });
      expect(entries.map((e) => [e.actor, e.outcome])).toContainEqual([yeung.id, 'success']);
    }
  });
});

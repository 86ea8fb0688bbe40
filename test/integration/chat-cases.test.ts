import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM, press, WONG } from '../helpers/sharing-flow.js';
import { ask, askPrivately, caseWithReport, makeHkid } from './sharing-edge-fixture.js';

const HKID = makeHkid('K', '415226');
/** The patient behind the case; no chat answer may carry any of it. */
const PHI = new RegExp(`TEST Patient|${HKID.slice(0, 7)}|1950-01-02`, 'i');

/**
 * `@ConsultBridge cases` (my cases, list) and `search …` in chat, through the SDK, the simulator and the
 * real service: answered 1:1 with codes only; a search is never run in a group.
 */
describe('chat: cases and search', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let group: string;
  const patientSearches = async () => {
    await h.service.audit.flush();
    return (h.service.db.sqlite.prepare("SELECT count(*) AS n FROM audit_entries WHERE action = 'case.patient_searched'").get() as { n: number }).n;
  };
  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ code, group } = await caseWithReport(h, app, { hkid: HKID }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the attending asks for `cases` in the group, then the list comes 1:1 with the code and role (no patient data) and the group sees only a pointer', async () => {
    const text = await askPrivately(h, group, CHAN, '@ConsultBridge cases'); // Dr Chan reads Chinese
    expect(text).toContain('你的個案');
    expect(text).toMatch(new RegExp(`\\*\\*${code}\\*\\* · 主診 · 最後活動 .*（香港時間）`));
    expect(text).not.toMatch(PHI);
  });

  it('`my cases` and `list` are the same command; a colleague on the team sees their own role; someone on no team hears so', async () => {
    expect(await ask(h, null, CHAN, '@ConsultBridge my cases')).toContain(code);
    expect(await ask(h, null, LAM, '@ConsultBridge list')).toMatch(new RegExp(`${code}\\*\\* · Consulting`, 'i'));
    const none = await ask(h, null, WONG, '@ConsultBridge cases');
    expect(none).toContain('You are on no case’s care team right now.');
    expect(none).not.toContain(code);
  });

  it('When `search` is typed in a group, then nothing is searched and the group is pointed to the 1:1 chat', async () => {
    const before = await patientSearches();
    const said = await ask(h, group, LAM, '@ConsultBridge search test patient');
    expect(said).toContain('Please search in a 1:1 chat with me');
    expect(said).not.toContain(code);
    expect(await patientSearches()).toBe(before);
  });

  it('When a clinician the policy allows searches 1:1 by name, then the answer names the case code only and the patient search is audited; an outsider finds nothing', async () => {
    const before = await patientSearches();
    const byName = await ask(h, null, LAM, '@ConsultBridge search patient test');
    expect(byName).toContain('Search results');
    expect(byName).toContain(code);
    expect(byName).not.toMatch(PHI);
    expect(await ask(h, null, LAM, `@ConsultBridge search ${code.toLowerCase()}`)).toContain(code);
    const outsider = await ask(h, null, WONG, '@ConsultBridge search test patient');
    expect(outsider).toContain('None of your cases matches.');
    expect(outsider).not.toContain(code);
    expect(await patientSearches()).toBe(before + 2);
  });

  it('An HKID typed in chat never reaches the search: the inbound guard refuses the message unprocessed (the mini-app searches by HKID)', async () => {
    const before = await patientSearches();
    const said = await ask(h, null, LAM, `@ConsultBridge search ${HKID}`);
    expect(said).not.toContain(code);
    expect(said).not.toMatch(PHI);
    expect(await patientSearches()).toBe(before);
  });

  it('The report card’s [Open] opens the mini-app screen in place in DingTalk (its deep link, side panel on PC), and keeps the callback that sends the 1:1 link', async () => {
    const card = [...h.sim.cards.values()].find((c) => String(c.cardParamMap.title ?? '').includes(code))!;
    const buttons = JSON.parse(String(card.cardParamMap.buttons)) as Array<{ label: string; action?: string; params?: Record<string, string>; openUrl?: string }>;
    const open = buttons.find((b) => b.action === 'open')!;
    const screen = `${h.service.publicUrl}/app/doc/${open.params!.documentId}`;
    expect(open.openUrl).toBe(`dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(screen)}&pc_slide=true`);
    const fallback = await press(h, card.outTrackId, LAM, { action: 'open', documentId: open.params!.documentId! });
    expect(fallback.text).toContain(`/app/doc/${open.params!.documentId}`);
  });

  it('A malformed HKID or an empty search gets the words that say what to type', async () => {
    expect(await ask(h, null, LAM, '@ConsultBridge search K4152260')).toContain('That HKID is not valid.');
    expect(await ask(h, null, LAM, '@ConsultBridge search')).toContain('Search your cases');
    const zh = replyAfter(h.sim, { userId: CHAN });
    h.sim.dm(CHAN, '@ConsultBridge 我的個案');
    expect((await zh).text).toContain('你的個案');
  });
});

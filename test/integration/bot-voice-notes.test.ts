import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM } from '../helpers/sharing-flow.js';
import { caseWithReport, makeHkid, otoTo } from './sharing-edge-fixture.js';

/**
 * Voice notes (issue 13 item 4) through the real SDK, the simulator and the real service: an `audio`
 * robot message is never a command; 1:1 its transcript is normalised and the matched terms (how, score)
 * and the sender's case codes come back 1:1; nothing about it reaches a group or the audit log but codes.
 */
describe('bot: voice notes', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  let group: string;
  const audit = async (action: string) => {
    await h.service.audit.flush();
    return h.service.db.sqlite
      .prepare('SELECT actor, target, outcome, reason FROM audit_entries WHERE action = ? ORDER BY rowid')
      .all(action) as Array<{ actor: string; target: string; outcome: string; reason: string | null }>;
  };
  /** Sends a voice note 1:1 and returns the bot's 1:1 answer. */
  const voiceNote = async (userId: string, recognition: string) => {
    const answer = replyAfter(h.sim, { userId, via: 'oto' });
    const { msgId } = h.sim.dm(userId, recognition, { voice: { durationMs: 4200, downloadCode: 'dl-voice-1' } });
    return { msgId, text: (await answer).text };
  };
  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
    ({ code, group } = await caseWithReport(h, app, { hkid: makeHkid('V', '415226') }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When a doctor sends 1:1 a voice note saying 薄血丸, then it comes back as warfarin (exact, score 1) with her case codes, each linked to the confirm page (kept note id and case code only)', async () => {
    const { msgId, text } = await voiceNote(LAM, '病人一直食緊薄血丸');
    expect(text).toContain('Terms I matched');
    expect(text).toMatch(/- 薄血丸 · \*\*warfarin\*\* · exact \(score 1\.00\)/);
    expect(text).toContain(`**${code}** · consulting`);
    expect(text).toMatch(new RegExp(`\\[Add to case ${code} as note / as medication\\]\\(http[^)]*/app/doctor/voice/[A-Za-z0-9_-]{16,}\\?case=${code}\\)`));
    expect(text).toContain('Nothing is recorded until you confirm it');
    expect(text).not.toContain('一直食緊'); // the transcript itself is never echoed
    const entries = await audit('voice.note');
    expect(entries.at(-1)).toMatchObject({ target: msgId, outcome: 'success', reason: 'terms_1' });
  });

  it('When the transcript has the sound-alike 华法令, then warfarin is offered as sound-alike with its score, in Chinese for a Chinese reader', async () => {
    const { text } = await voiceNote(CHAN, '佢有食华法令');
    const line = text.match(/- 华法令 · \*\*warfarin\*\* · 讀音相近（分數 (0\.\d\d)）/);
    expect(line).not.toBeNull();
    expect(Number(line![1])).toBeLessThan(1);
    expect(text).toContain(`**${code}** · 主診`);
    expect(text).toContain(`[加入個案 ${code}（筆記／用藥）]`);
  });

  it('When a 1:1 voice note says `ping`, then it is read as a voice note, not run as a command', async () => {
    const before = (await audit('command.run')).length;
    const { text } = await voiceNote(LAM, 'ping');
    expect(text).toContain('I matched no clinical term');
    expect(text).not.toMatch(/pong/i);
    expect((await audit('command.run')).length).toBe(before);
  });

  it('When a voice note’s transcript carries an HKID, then it is not read: the sender is warned 1:1 and nothing is repeated', async () => {
    const hkid = makeHkid('V', '415226');
    const { text } = await voiceNote(LAM, `${hkid} 食緊薄血丸`);
    expect(text).toContain('patient identifiers');
    expect(text).not.toMatch(/warfarin|薄血丸|415226/);
  });

  it('When a voice note “@ConsultBridge burn C-…” comes from a group, then no command runs, the group hears nothing and the sender alone gets the 1:1 hint', async () => {
    const commandsBefore = (await audit('command.run')).length;
    const from = h.sim.sent.length;
    const hint = otoTo(h, from, LAM);
    const { msgId } = h.sim.say(group, LAM, `@ConsultBridge burn ${code} 薄血丸`, { voice: {} });
    const sent = await hint;
    expect(sent.text).toContain('only read voice notes in a 1:1 chat');
    expect(sent.text).not.toMatch(/warfarin|薄血丸|burn/);
    const entries = await audit('voice.note');
    expect(entries.at(-1)).toMatchObject({ target: msgId, outcome: 'denied', reason: 'group_chat' });
    expect((await audit('command.run')).length).toBe(commandsBefore);
    expect(h.sim.sent.slice(from).filter((s) => s.conversationId === group)).toEqual([]);
  });
});

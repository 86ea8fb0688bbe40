import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { press, WONG } from '../helpers/sharing-flow.js';
import { alertCase, alertRow, alertWorld, FORM, openAlertAs, PATIENT_NAME, raiseAlert, type AlertWorld } from './alert-fixture.js';
import { clinicianId, eventually, HO, makeHkid } from './sharing-edge-fixture.js';

const MIN = 60_000;

/**
 * Issue 12 item 6 (live status in chat): the raiser of an allergy alert gets one card 1:1 that is
 * updated in place — through the SDK's stream and the simulator's card API, like the approvers' cards —
 * as each recipient's card is delivered, opened, escalated to a colleague, and when the alert burns.
 * Names, states and the case code only; [Open status] leads to the mini-app's /alert/:id.
 */
describe('the raiser’s live status card of an allergy alert', () => {
  let w: AlertWorld;
  beforeAll(async () => {
    w = await alertWorld();
  });
  afterAll(async () => w?.close());

  const cardId = (alertId: string) => `alert-status:${alertId}`;
  const params = (alertId: string) => w.h.sim.cards.get(cardId(alertId))?.cardParamMap ?? {};
  /** The card's line for a person: the one whose name comes before its state (not a line naming them as asked). */
  const lineOf = (alertId: string, name: string) => (params(alertId).text ?? '').split('\n').find((l) => l.split(/ — |（| \(/)[0]!.includes(name));
  const lineMatching = (alertId: string, name: string, re: RegExp) =>
    eventually(() => {
      const line = lineOf(alertId, name);
      return line !== undefined && re.test(line) ? line : undefined;
    });
  const sentFor = (alertId: string) => w.h.sim.sent.filter((s) => s.outTrackId === cardId(alertId));

  it('When Dr Ho (reads Chinese) raises an alert, then she alone gets one card that is updated in place: delivered, opened, escalated, burned', async () => {
    const code = await alertCase(w, makeHkid('E', '271828'));
    const hkid = makeHkid('E', '271828');
    const { alertId } = await raiseAlert(w, code);
    const posted = await eventually(() => sentFor(alertId).find((s) => s.via === 'card'));
    expect(posted.userIds).toEqual([HO]);

    // Each recipient's card reaches DingTalk: the attending 1:1, the family doctor and the nurse in the group.
    for (const name of ['CHAN Tai-man', 'WONG Siu-ming', 'CHEUNG Mei-wah']) await lineMatching(alertId, name, / — 已送達 \d{2}:\d{2} HKT$/);
    expect(params(alertId).title).toBe(`🚨 過敏警示 · ${code} · 送達狀態`);

    expect((await openAlertAs(w, alertId, WONG)).statusCode).toBe(200);
    await lineMatching(alertId, 'WONG Siu-ming', / — 已開啟 \d{2}:\d{2} HKT$/);

    // The attending does not open it: reminded at 5 min, his colleague asked at 10.
    const itemId = (await alertRow(w, alertId)).ephemeralItemId!;
    w.clock.advance(5 * MIN);
    await eventually(async () => (await w.h.service.escalation.stateOf(itemId)).every((r) => r.status !== 'active' || r.step >= 1));
    w.clock.advance(5 * MIN);
    await lineMatching(alertId, 'CHAN Tai-man', /已送達 .* · 已升級至 林嘉明 Dr LAM Ka-ming/);
    await lineMatching(alertId, 'LAM Ka-ming', /（代 陳大文 Dr CHAN Tai-man.*）— 已送達 \d{2}:\d{2} HKT$/);

    // The copy's lifetime ends: the card says it burned.
    w.clock.advance(24 * 60 * MIN);
    await eventually(() => (params(alertId).text ?? '').endsWith('已銷毀：聊天副本已刪除；過敏紀錄保留於健康紀錄。'));

    // One card, changed in place; nothing of the patient or the allergy on it at any point.
    expect(sentFor(alertId).filter((s) => s.via === 'card')).toHaveLength(1);
    expect(sentFor(alertId).filter((s) => s.via === 'cardUpdate').length).toBeGreaterThanOrEqual(4);
    for (const s of sentFor(alertId)) {
      for (const secret of [PATIENT_NAME, hkid, FORM.substance, FORM.reaction, FORM.note]) expect(JSON.stringify(s.raw)).not.toContain(secret);
    }
  });

  it('When the raiser presses [Open status], then the card opens /alert/:id in place, and its callback sends her the link 1:1', async () => {
    const code = await alertCase(w, makeHkid('F', '161803'));
    const { alertId } = await raiseAlert(w, code);
    await eventually(() => sentFor(alertId).find((s) => s.via === 'card'));
    const [button] = JSON.parse(params(alertId).buttons!) as Array<{ label: string; action: string; params: Record<string, string>; openUrl: string }>;
    expect(button).toMatchObject({ label: '查看狀態', action: 'alert_status', params: { alertId } });
    expect(button!.openUrl).toBe(`dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(`${w.h.service.publicUrl}/app/alert/${alertId}`)}&pc_slide=true`);
    const answer = await press(w.h, cardId(alertId), HO, { action: button!.action, ...button!.params });
    expect(answer.text).toContain(`你的過敏警示送達狀態：[開啟](${w.h.service.publicUrl}/app/alert/${alertId})`);
  });

  it('When the raiser reads English, then the card is in English', async () => {
    await w.h.service.directory.setLanguage(clinicianId(w.h, HO), 'en');
    const code = await alertCase(w, makeHkid('G', '141421'));
    const { alertId } = await raiseAlert(w, code);
    await lineMatching(alertId, 'CHAN Tai-man', /^• .*CHAN Tai-man.* — delivered \d{2}:\d{2} HKT$/);
    expect(params(alertId).title).toBe(`🚨 Allergy alert · ${code} · delivery`);
    expect(JSON.parse(params(alertId).buttons!)[0].label).toBe('Open status');
    expect((await openAlertAs(w, alertId, WONG)).statusCode).toBe(200);
    await lineMatching(alertId, 'WONG Siu-ming', / — opened \d{2}:\d{2} HKT$/);
  });
});

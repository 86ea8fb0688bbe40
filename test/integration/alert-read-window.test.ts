import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAN, WONG } from '../helpers/sharing-flow.js';
import { alertCase, alertRow, alertWorld, openAlertAs, raiseAlert, sceneGroupOf, type AlertWorld } from './alert-fixture.js';
import { CHEUNG, eventually, makeHkid, sentSince } from './sharing-edge-fixture.js';

const MIN = 60_000;

/**
 * Issue 12 item 6: an allergy alert stays readable for a configurable window after each recipient's
 * first open (ALERT_READ_WINDOW_MINUTES; 2 minutes here), then burns, and its cards are recalled.
 */
describe('allergy alert read window', () => {
  let w: AlertWorld;
  let code: string;
  beforeAll(async () => {
    w = await alertWorld({ ALERT_READ_WINDOW_MINUTES: '2' });
    code = await alertCase(w, makeHkid('W', '271828'));
  });
  afterAll(async () => w?.close());

  it('When the family doctor opens the alert, then it stays readable for the whole window and burns at its end', async () => {
    const { alertId } = await raiseAlert(w, code);
    const group = await sceneGroupOf(w, alertId);
    const card = await sentSince(w.h, 0, (s) => s.via === 'card' && s.conversationId === group.openConversationId);
    expect(card.text).toContain('burns 2 min after you open it');

    const first = await openAlertAs(w, alertId, WONG);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'text', remainingSeconds: 120 });

    // Well past the old 30 s, still readable (a re-open shows what is left of the window).
    w.clock.advance(2 * MIN - 1_000);
    const again = await openAlertAs(w, alertId, WONG);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ kind: 'text', remainingSeconds: 1 });

    // At the window's end the card's [Open] answers that it has burned.
    w.clock.advance(1_000);
    const from = w.h.sim.sent.length;
    await w.h.sim.clickCard({ outTrackId: `alert:${alertId}:${group.openConversationId}`, userId: WONG, params: { action: 'burn_open', itemId: (await alertRow(w, alertId)).ephemeralItemId! } });
    expect((await sentSince(w.h, from, (s) => s.via === 'oto' && (s.userIds ?? []).includes(WONG))).text).toContain('has burned');
  });

  it('When every recipient has read it and the last window ends, then the copy is destroyed and the cards are recalled', async () => {
    const { alertId } = (await w.h.service.alerts.repo.forCase((await w.h.service.secure.cases.queries.findCase(code)).id)).map((r) => ({ alertId: r.id }))[0]!;
    for (const user of [CHAN, CHEUNG]) expect((await openAlertAs(w, alertId, user)).statusCode).toBe(200);
    const row = await alertRow(w, alertId);
    const from = w.h.sim.sent.length;
    w.clock.advance(2 * MIN - 1);
    expect((await w.h.service.burn.repo.find(row.ephemeralItemId!))?.status).toBe('active');
    w.clock.advance(1);
    await eventually(async () => (await w.h.service.burn.repo.find(row.ephemeralItemId!))?.status === 'destroyed');
    const recalled = await sentSince(w.h, from, (s) => s.via === 'cardUpdate' && s.outTrackId === `alert:${alertId}:${row.sceneGroupId}`);
    expect(recalled.text).toContain('has burned');
    await sentSince(w.h, from, (s) => s.via === 'cardUpdate' && s.outTrackId === `alert:${alertId}:${CHAN}`);
  });
});

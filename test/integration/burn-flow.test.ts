import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { burnCase, burnedUpdate, burnViewAs, itemRow, openAs, openInApp, pressOpen, sendBurnText, BURN_GROUP, WATERMARK } from './burn-fixture.js';
import { auditSince, auditMark, clinicianId, makeHkid } from './sharing-edge-fixture.js';

const SECRET = 'Allergic to penicillin — anaphylaxis 2019';

/**
 * Burn after reading through the real SDK, simulator, service and HTTP, with a hand-moved service
 * clock: each recipient's countdown starts at their own first open; the item is destroyed when the
 * last one burned (key and ciphertext erased, card updated through the outbox, receipt in the audit).
 */
describe('burn after reading', () => {
  const clock = new ManualClock();
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  beforeAll(async () => {
    h = await startHarness({ clock, service: { burnPollMs: 20 } });
    app = await appFor(h);
    code = await burnCase(h, makeHkid('B', '246801'));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When two recipients open at different times, then each burns at their own deadline and the item is destroyed after the last', async () => {
    const mark = await auditMark(h);
    const itemId = await sendBurnText(h, app, code, SECRET, '30s');
    const card = h.sim.sent.find((s) => s.via === 'card' && s.outTrackId === `burn:${itemId}:${BURN_GROUP(h)}`)!;
    expect(card.text).toContain(`Burn-after-reading message · case ${code}`);
    expect(card.text).toContain('CHAN Tai-man');
    expect(card.text).not.toContain('penicillin');
    const created = clock.now();

    const lamLink = await pressOpen(h, itemId, LAM);
    const content = (link: string, userId: string) => openInApp(h, app, link, userId);
    const lam = await content(lamLink, LAM);
    expect(lam.statusCode).toBe(200);
    expect(lam.json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 30, watermark: WATERMARK });
    expect(lam.headers['cache-control']).toBe('no-store');

    clock.advance(10_000);
    const wongLink = await pressOpen(h, itemId, WONG);
    expect((await content(wongLink, WONG)).json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 30, watermark: WATERMARK });

    clock.advance(19_000);
    expect((await content(lamLink, LAM)).json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 1, watermark: WATERMARK });
    clock.advance(1_000); // Dr Lam's deadline (opened + 30 s)
    const lamLate = await content(lamLink, LAM);
    expect(lamLate.statusCode).toBe(410);
    expect(lamLate.json()).toMatchObject({ code: 'burned' });
    expect(await pressOpen(h, itemId, LAM)).toContain('This message has burned and can’t be opened.');
    expect((await content(wongLink, WONG)).json()).toEqual({ kind: 'text', text: SECRET, remainingSeconds: 10, watermark: WATERMARK });
    expect(itemRow(h, itemId).status).toBe('active');
    expect(itemRow(h, itemId).due_at).toBe(created + 40_000);

    clock.advance(10_000); // Dr Wong's deadline: the last recipient burned
    expect((await content(wongLink, WONG)).statusCode).toBe(410);
    await h.service.burn.scheduler.runNow();
    const row = itemRow(h, itemId);
    expect(row).toMatchObject({ status: 'destroyed', end_reason: 'all_burned', wrapped_key: null, ciphertext: null, iv: null, tag: null });
    expect(row.destroyed_at).toBe(created + 40_000);

    const update = await burnedUpdate(h, itemId);
    expect(update.text).toContain(`Message for ${code} has burned (opened by 2 of 2).`);

    const entries = await auditSince(h, mark);
    const burned = entries.filter((e) => e.action === 'ephemeral.burned' && e.target === itemId);
    expect(burned.map((e) => [e.actor, e.reason, e.at]).sort()).toEqual(
      [
        [clinicianId(h, LAM), 'opened', created + 30_000],
        [clinicianId(h, WONG), 'opened', created + 40_000],
      ].sort(),
    );
    expect(entries.find((e) => e.action === 'ephemeral.destroyed' && e.target === itemId)).toMatchObject({ actor: 'system', reason: 'all_burned:opened_2_of_2' });
    expect(entries.filter((e) => e.action === 'ephemeral.opened' && e.reason === 'first_open')).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain('penicillin');
    expect(h.logs()).not.toContain('penicillin');

  });

  it('When nobody opens an item, then it is destroyed at its maximum lifetime (24 h) and the card says opened by 0 of 2', async () => {
    const itemId = await sendBurnText(h, app, code, SECRET, '5m');
    const created = clock.now();
    clock.advance(24 * 3_600_000 - 1);
    await h.service.burn.scheduler.runNow();
    expect(itemRow(h, itemId).status).toBe('active');
    clock.advance(1);
    await h.service.burn.scheduler.runNow();
    expect(itemRow(h, itemId)).toMatchObject({ status: 'destroyed', end_reason: 'max_lifetime', destroyed_at: created + 24 * 3_600_000, ciphertext: null });
    expect((await burnedUpdate(h, itemId)).text).toContain('opened by 0 of 2');
    expect(await pressOpen(h, itemId, LAM)).toContain('has burned');
    const { token } = h.service.burn.viewTokens.issue(itemId, clinicianId(h, LAM), clock.now());
    const late = await burnViewAs(h, app, token, LAM);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'burned' });
  });

  it('When the poller runs on its own, then a due item is destroyed without anyone asking', async () => {
    const itemId = await sendBurnText(h, app, code, SECRET, '10s');
    await openAs(h, app, itemId, LAM);
    await openAs(h, app, itemId, WONG);
    clock.advance(10_000);
    await burnedUpdate(h, itemId);
    expect(itemRow(h, itemId).status).toBe('destroyed');
    expect(clinicianId(h, CHAN)).toBeTruthy();
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/make-pdf.js';
import { ManualClock, startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, CHAN, LAM, WONG } from '../helpers/sharing-flow.js';
import { burnCase, burnedUpdate, burnViewAs, itemRow, openAs, sendBurnDocument, BURN_GROUP } from './burn-fixture.js';
import { clinicianId, eventually, makeHkid } from './sharing-edge-fixture.js';

/**
 * Deadlines live in the database: a restart in the middle of 100 pending burns destroys the overdue
 * ones before the service takes any request, and the rest on time. Documents are crypto-shredded in
 * the vault (key columns nulled, blob file gone). A failing DingTalk card update is retried by the
 * outbox while the local destruction already happened on time.
 */
describe('burn after reading: durability and documents', () => {
  const clock = new ManualClock();
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  beforeAll(async () => {
    h = await startHarness({ clock, service: { burnPollMs: 20 } });
    app = await appFor(h);
    code = await burnCase(h, makeHkid('D', '112233'));
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the service restarts during 100 pending burns, then the overdue are destroyed on start and the rest each at its deadline', async () => {
    const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
    const authorId = clinicianId(h, CHAN);
    const lam = h.service.directoryRepo.findById(clinicianId(h, LAM))!;
    const items: Array<{ id: string; due: number }> = [];
    for (let i = 0; i < 100; i++) {
      // Even items: opened by both at once, so they burn burnAfter later; odd: never opened, so max lifetime.
      const burnAfterMs = 60_000 + i * 1000;
      const out = await h.service.burn.service.create({ caseId, authorId, kind: 'text', text: `note ${i}`, burnAfterMs, maxLifetimeMs: i % 2 ? burnAfterMs : 3_600_000, conversationIds: [], directTo: [] });
      if (i % 2 === 0) {
        await h.service.burn.service.open(lam, out.itemId);
        await h.service.burn.service.open(h.service.directoryRepo.findById(clinicianId(h, WONG))!, out.itemId);
      }
      items.push({ id: out.itemId, due: clock.now() + burnAfterMs });
    }
    expect(items.every((it) => itemRow(h, it.id).due_at === it.due)).toBe(true);

    await h.service.burn.scheduler.stop(); // as if down from here: nothing destroys until the restart
    clock.advance(110_000); // items 0..50 fall due while it is down
    const t0 = clock.now();
    await h.restart();
    await app.close();
    app = await appFor(h); // the app serves the new service
    for (const it of items) {
      const row = itemRow(h, it.id);
      if (it.due <= t0) expect(row, 'overdue → destroyed on start').toMatchObject({ status: 'destroyed', destroyed_at: t0, ciphertext: null, wrapped_key: null });
      else expect(row.status).toBe('active');
    }
    expect(await h.service.burn.service.pendingCount()).toBe(49);

    // From here on each item is destroyed exactly when its deadline comes.
    for (let s = 0; s < 50; s++) {
      clock.advance(1000);
      await h.service.burn.scheduler.runNow();
      for (const it of items.filter((x) => x.due > t0)) {
        const row = itemRow(h, it.id);
        if (it.due <= clock.now()) expect(row).toMatchObject({ status: 'destroyed', destroyed_at: it.due });
        else expect(row.status).toBe('active');
      }
    }
    expect(await h.service.burn.service.pendingCount()).toBe(0);
    await expect(h.service.burn.service.open(lam, items[99]!.id)).rejects.toMatchObject({ code: 'burned' });
  });

  it('When a burn document is destroyed, then its vault key is erased, the blob file is gone, and the card update is retried until DingTalk takes it', async () => {
    const itemId = await sendBurnDocument(h, app, code, await makePdf({ pages: 1, text: 'Burn scan' }), '1m');
    const blob = join(h.dir, 'blobs', itemId);
    expect(existsSync(blob)).toBe(true);

    const view = await openAs(h, app, itemId, LAM);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('application/pdf');
    expect(view.headers['x-burn-remaining']).toBe('60');

    // Every try of the client's own retries fails once: the outbox has to retry the update later.
    h.sim.faults.inject({ path: '/v1.0/card/instances', method: 'PUT', times: 3, status: 503 });
    clock.advance(24 * 3_600_000);
    await h.service.burn.scheduler.runNow();
    // Local destruction is on time, whatever DingTalk does.
    expect(itemRow(h, itemId)).toMatchObject({ status: 'destroyed', end_reason: 'max_lifetime' });
    const vault = h.service.db.sqlite.prepare('select wrapped_key, iv, tag, destroyed_at from vault_keys where document_id = ?').get(itemId);
    expect(vault).toEqual({ wrapped_key: null, iv: null, tag: null, destroyed_at: clock.now() });
    expect(existsSync(blob)).toBe(false);
    const fresh = h.service.burn.viewTokens.issue(itemId, clinicianId(h, LAM), clock.now()).token;
    const late = await burnViewAs(h, app, fresh, LAM);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'burned' });

    const idemKey = `burned:burn:${itemId}:${BURN_GROUP(h)}`;
    const outboxRow = () => h.service.db.sqlite.prepare('select attempts, status, last_error from outbox_messages where idem_key = ?').get(idemKey) as { attempts: number; status: string; last_error: string | null };
    await eventually(() => outboxRow().last_error !== null);
    expect(outboxRow()).toMatchObject({ status: 'pending', attempts: 1 });
    expect(h.sim.sent.some((s) => s.via === 'cardUpdate' && s.outTrackId === `burn:${itemId}:${BURN_GROUP(h)}`)).toBe(false);

    clock.advance(2_000); // past the outbox backoff
    const update = await burnedUpdate(h, itemId, 10_000);
    expect(update.text).toContain('opened by 1 of 2');
    await eventually(() => outboxRow().status === 'sent');
    expect(outboxRow().attempts).toBe(2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DingTalkApiError } from '../../src/dingtalk/openapi/index.js';
import { eventually } from '../helpers/eventually.js';
import { outboxFixture } from '../helpers/outbox.js';
import { tempDb } from '../helpers/temp-db.js';

let db: ReturnType<typeof tempDb>;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

const http503 = () => new DingTalkApiError({ code: 'http.503', kind: 'api', status: 503 });

describe('outbox worker: a sliding window, not batches', () => {
  it('when one send hangs (a timeout), then the rows claimed with it and after it are sent without waiting for it', async () => {
    let release!: () => void;
    const hung = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    const handler = async (_p: unknown, ctx: { idemKey: string }) => {
      if (ctx.idemKey === 'w0') await hung;
      sent.push(ctx.idemKey);
      return null;
    };
    const { outbox, worker } = outboxFixture(db, { handlers: { k: handler }, batchSize: 4 });
    for (let i = 0; i < 10; i++) await outbox.enqueue({ idemKey: `w${i}`, kind: 'k', payload: {} });
    const pass = worker.drainOnce();
    // With batches, w4…w9 waited for w0 (claimed in the same batch of 4) however long it hung.
    await eventually(() => sent.length === 9 || undefined, 5000, 'the other nine sends');
    expect(sent).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9']);
    release();
    expect(await pass).toBe(10);
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 10, dead: 0, discarded: 0 });
  });

  it('when a card and its updates are claimed together, then they go in order (one lane per card) while other cards go alongside', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    const handler = async (_p: unknown, ctx: { idemKey: string }) => {
      if (ctx.idemKey === 'card-a') await slow; // the card is still being delivered
      sent.push(ctx.idemKey);
      return null;
    };
    const { outbox, worker } = outboxFixture(db, { handlers: { 'card.deliver': handler, 'card.update': handler }, batchSize: 10 });
    await outbox.enqueue({ idemKey: 'card-a', kind: 'card.deliver', payload: { outTrackId: 'card-a' } });
    await outbox.enqueue({ idemKey: 'card-a:u:1', kind: 'card.update', payload: { outTrackId: 'card-a' } });
    await outbox.enqueue({ idemKey: 'card-a:u:2', kind: 'card.update', payload: { outTrackId: 'card-a' } });
    await outbox.enqueue({ idemKey: 'card-b', kind: 'card.deliver', payload: { outTrackId: 'card-b' } });
    const pass = worker.drainOnce();
    await eventually(() => sent.includes('card-b') || undefined, 5000, 'the other card');
    // Without the card's lane, its updates would have reached DingTalk before the card itself.
    expect(sent).toEqual(['card-b']);
    release();
    expect(await pass).toBe(4);
    expect(sent).toEqual(['card-b', 'card-a', 'card-a:u:1', 'card-a:u:2']);
  });

  it('when a send fails while new rows keep the pass going, then its retry goes once it is due, not after the pass', async () => {
    const calls: string[] = [];
    let failed = false;
    const { outbox, worker, clock } = outboxFixture(db, {
      batchSize: 1,
      handlers: {
        k: async (_p: unknown, ctx: { idemKey: string }) => {
          calls.push(ctx.idemKey);
          if (ctx.idemKey === 'approval-card' && !failed) {
            failed = true;
            throw http503(); // retry due 1 s later (baseMs, random = 1)
          }
          if (ctx.idemKey === 'r1') clock.advance(1000);
          return null;
        },
      },
    });
    await outbox.enqueue({ idemKey: 'approval-card', kind: 'k', payload: {} });
    for (let i = 1; i <= 4; i++) await outbox.enqueue({ idemKey: `r${i}`, kind: 'k', payload: {} });
    expect(await worker.drainOnce()).toBe(6);
    // Before: approval-card, r1, r2, r3, r4, and the retry only in the next pass (under a steady
    // stream of replies, minutes later).
    expect(calls).toEqual(['approval-card', 'r1', 'approval-card', 'r2', 'r3', 'r4']);
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 5, dead: 0, discarded: 0 });
  });
});

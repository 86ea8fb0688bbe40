import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../../src/domain/outbox/outbox-repository.js';
import { createOutboxService } from '../../src/domain/outbox/outbox-service.js';
import { outboxMessages } from '../../src/domain/outbox/outbox-tables.js';
import { validateOutboxIntent } from '../../src/dingtalk/outbox-handlers.js';
import { ManualClock } from '../../src/shared/clock.js';
import { tempDb } from '../helpers/temp-db.js';

let db: ReturnType<typeof tempDb>;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

function setup(validate?: (i: { payload: unknown }) => void) {
  const clock = new ManualClock();
  const repo = createOutboxRepository(db.db, db.store);
  let notified = 0;
  const outbox = createOutboxService({ repo, clock, validate, notify: () => notified++ });
  return { clock, repo, outbox, notified: () => notified };
}

const intent = (idemKey: string, content = 'hello') => ({
  idemKey,
  kind: 'group.send',
  payload: { openConversationId: 'cid1', msgKey: 'sampleText', msgParam: { content } },
});

describe('enqueue', () => {
  it('when the same idemKey is enqueued twice, then the second is a no-op returning the first id', async () => {
    const { outbox, repo, notified } = setup();
    const a = await outbox.enqueue(intent('k1', 'first'));
    const b = await outbox.enqueue(intent('k1', 'second'));
    expect(a).toEqual({ id: a.id, created: true });
    expect(b).toEqual({ id: a.id, created: false });
    expect(db.db.select().from(outboxMessages).all()).toHaveLength(1);
    expect(JSON.parse((await repo.findById(a.id))!.payload).msgParam.content).toBe('first');
    expect(notified()).toBe(1);
  });

  it('when enqueued inside a transaction that rolls back, then no row remains', async () => {
    const { outbox } = setup();
    await expect(
      db.store.transaction(async () => {
        await outbox.enqueue(intent('k-tx'));
        throw new Error('caller failed after enqueue');
      }),
    ).rejects.toThrow('caller failed');
    expect(db.db.select().from(outboxMessages).all()).toHaveLength(0);
    await db.store.transaction(async () => {
      await outbox.enqueue(intent('k-tx'));
    });
    expect(db.db.select().from(outboxMessages).all()).toHaveLength(1);
  });

  it('when the payload carries an HKID and the PHI validator is set, then nothing is stored', async () => {
    const { outbox } = setup(validateOutboxIntent);
    await expect(outbox.enqueue(intent('k-phi', 'see A123456(3)'))).rejects.toThrow(expect.objectContaining({ code: 'phi.blocked' }));
    expect(db.db.select().from(outboxMessages).all()).toHaveLength(0);
  });

  it('when enqueued, then the row is pending and due now', async () => {
    const { outbox, repo, clock } = setup();
    const { id } = await outbox.enqueue(intent('k2'));
    expect(await repo.findById(id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: clock.now(), kind: 'group.send' });
  });
});

describe('admin functions', () => {
  it('when listing, then rows come newest first a keyset page at a time, without payloads, with counts per status', async () => {
    const { outbox } = setup();
    for (let i = 0; i < 5; i++) await outbox.enqueue(intent(`k${i}`));
    const page1 = await outbox.list({ status: 'pending', limit: 2 });
    const page2 = await outbox.list({ status: 'pending', limit: 2, before: page1.nextBefore! });
    expect(page1.nextBefore).toBe(page1.items[1]!.id);
    expect(await outbox.counts()).toEqual({ pending: 5, sent: 0, dead: 0, discarded: 0 });
    expect(page1.items.map((i) => i.idemKey)).toEqual(['k4', 'k3']);
    expect(page2.items.map((i) => i.idemKey)).toEqual(['k2', 'k1']);
    expect(page1.items[0]).not.toHaveProperty('payload');
    expect(await outbox.list({ status: 'dead' })).toMatchObject({ items: [], nextBefore: null });
  });

  it('when a dead row is retried, then it is pending again with a fresh budget; others are not_found', async () => {
    const { outbox, repo, clock } = setup();
    const { id } = await outbox.enqueue(intent('k-dead'));
    await expect(outbox.retryDead(id)).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    await repo.claimDue({ now: clock.now(), afterId: 0, limit: 10, leaseUntil: clock.now() + 1000 });
    await repo.markDead(id, 'invalidParameter.msgKey.invalid', clock.now());
    clock.advance(5000);
    await outbox.retryDead(id);
    expect(await repo.findById(id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: clock.now() });
    await expect(outbox.retryDead(9999)).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('when a row is discarded, then it leaves the queue but still dedupes its idemKey', async () => {
    const { outbox, repo, clock } = setup();
    const { id } = await outbox.enqueue(intent('k-disc'));
    await outbox.discard(id);
    expect((await repo.findById(id))!.status).toBe('discarded');
    expect(await repo.claimDue({ now: clock.now() + 1e9, afterId: 0, limit: 10, leaseUntil: 0 })).toEqual([]);
    expect(await outbox.enqueue(intent('k-disc'))).toEqual({ id, created: false });
    await expect(outbox.discard(id)).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 0, dead: 0, discarded: 1 });
  });
});

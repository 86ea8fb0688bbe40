import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../../src/domain/outbox/outbox-repository.js';
import { eventually } from '../helpers/eventually.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';

/** After a crash, at most one repeat per outbound intent that was in flight — and it goes at the next start. */
describe('outbox sends in flight at a crash', () => {
  let h: Harness;
  /** Bound to the database of the service running now (a restart opens a new connection). */
  const repo = () => createOutboxRepository(h.service.db.db, h.service.db.store);
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('When a send was leased by this instance when it died, then the next start sends it at once, once, and marks it sent with its processQueryKey', async () => {
    const group = h.demo.groups.aeHandover;
    await h.service.worker.stop();
    const { id } = await h.service.outbox.enqueue({
      idemKey: 'inflight-1', kind: 'group.send',
      payload: { openConversationId: group, msgKey: 'sampleText', msgParam: { content: 'in flight at the crash' } },
    });
    // The dead run had claimed it (lease of 5 min) and was sending it when it died.
    const now = Date.now();
    expect((await repo().claimDue({ now, afterId: 0, limit: 10, leaseUntil: now + 300_000, owner: h.service.instanceId })).map((r) => r.id)).toContain(id);
    await h.restart();
    const row = await eventually(async () => {
      const r = await repo().findById(id);
      return r?.status === 'sent' ? r : undefined;
    }, 5000, 'the in-flight send to go out after the restart');
    expect(row.processQueryKey).toMatch(/\S/);
    expect(row.owner).toBeNull();
    expect(h.sim.sent.filter((s) => s.text.includes('in flight at the crash'))).toHaveLength(1);
    expect(h.sim.sent.find((s) => s.text.includes('in flight at the crash'))?.processQueryKey).toBe(row.processQueryKey);
  });

  it('When another instance holds a lease, then this instance leaves it until the lease runs out', async () => {
    const group = h.demo.groups.aeHandover;
    await h.service.worker.stop();
    const { id } = await h.service.outbox.enqueue({
      idemKey: 'inflight-other', kind: 'group.send',
      payload: { openConversationId: group, msgKey: 'sampleText', msgParam: { content: 'held by another instance' } },
    });
    const now = Date.now();
    await repo().claimDue({ now, afterId: 0, limit: 10, leaseUntil: now + 300_000, owner: 'some-other-host' });
    await h.restart();
    await h.service.worker.drainOnce();
    expect(await repo().findById(id)).toMatchObject({ status: 'pending', owner: 'some-other-host' });
  });
});

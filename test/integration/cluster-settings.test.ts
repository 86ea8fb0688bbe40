import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { replyAfter, startHarness, type Harness } from '../helpers/service-harness.js';

/**
 * A cluster's per-instance settings (README "Run a cluster"): INSTANCE_ID names the claims this
 * instance takes on inbound messages, and INBOUND_LEASE_SECONDS is their lease, so a dead instance's
 * claims are taken over after it rather than after the 5-minute default.
 */
describe('INSTANCE_ID and INBOUND_LEASE_SECONDS', () => {
  let h: Harness;
  let other: Database.Database;
  beforeAll(async () => {
    h = await startHarness({ env: { INSTANCE_ID: 'node-7', INBOUND_LEASE_SECONDS: '42' } });
    // A second connection sees only what was committed.
    other = new Database(join(h.dir, 'cb.db'), { readonly: true });
  });
  afterAll(async () => {
    other?.close();
    await h?.close();
  });

  it('When a message is claimed, then its claim carries the configured instance id and a lease of the configured length', async () => {
    expect(h.service.instanceId).toBe('node-7');
    const client = h.service.receiver.client;
    const original = client.socketCallBackResponse.bind(client);
    const atAck: Array<{ owner: string | null; leaseMs: number }> = [];
    let watched = '';
    client.socketCallBackResponse = (messageId: string, result: unknown) => {
      const claim = watched
        ? (other.prepare('select owner, lease_until as leaseUntil from processed_messages where msg_id = ?').get(watched) as { owner: string | null; leaseUntil: number } | undefined)
        : undefined;
      if (claim) atAck.push({ owner: claim.owner, leaseMs: claim.leaseUntil - Date.now() });
      return original(messageId, result);
    };
    try {
      const group = h.demo.groups.aeHandover;
      const reply = replyAfter(h.sim, { conversationId: group });
      watched = h.sim.say(group, 'qmh-ho-wingyee', '@ConsultBridge ping').msgId;
      await reply;
      const first = await eventually(() => atAck[0]);
      expect(first.owner).toBe('node-7');
      // Claimed moments before the ACK: the lease ends about 42 s later (the default would be 300 s).
      expect(first.leaseMs).toBeGreaterThan(35_000);
      expect(first.leaseMs).toBeLessThanOrEqual(42_000);
    } finally {
      client.socketCallBackResponse = original;
    }
  });
});

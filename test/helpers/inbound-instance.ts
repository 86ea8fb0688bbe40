import type { InboxRepository } from '../../src/domain/inbox/inbox-repository.js';
import { createEventInbox, EVENT_TOPIC } from '../../src/inbound/inbound-events.js';
import { createInboundSweep } from '../../src/inbound/inbound-sweep.js';
import { createInboxClaims } from '../../src/inbound/inbox-claims.js';
import { systemClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';

/** Payloads pass unsealed (a body starting with `{` is read as plain JSON). */
const plainCipher = { seal: async (_id: string, _topic: string, body: string) => body, open: async (_id: string, _topic: string, s: string) => s };

/**
 * One "instance" of the inbound side over a repository (its own id, claims, event inbox and sweep),
 * on the system clock. Its events' handler records what it handled and, for ids in `slow`, waits
 * until `release(id)` is called (a slow handler, no fixed sleep).
 */
export function inboundInstance(inbox: InboxRepository, instanceId: string, opts: { leaseMs: number; sweepMs: number }) {
  const handled: string[] = [];
  const gates = new Map<string, () => void>();
  const slow = new Set<string>();
  const claims = createInboxClaims({ inbox, cipher: plainCipher, audit: { append: () => 0 }, clock: systemClock, logger: silentLogger, instanceId, leaseMs: opts.leaseMs });
  const events = createEventInbox({
    claims,
    inbox,
    audit: { append: () => 0 },
    clock: systemClock,
    logger: silentLogger,
    onChatEvent: async (_type, data) => {
      const id = String(data.id);
      if (slow.has(id)) await new Promise<void>((resolve) => gates.set(id, resolve));
      handled.push(id);
    },
  });
  let sweeps = 0;
  const sweep = createInboundSweep({
    topics: [{ takeOverExpired: async () => (sweeps++, events.takeOverExpired()) }],
    intervalMs: opts.sweepMs,
    logger: silentLogger,
  });
  return {
    claims,
    events,
    sweep,
    handled,
    /** Sweeps that have started so far. */
    sweeps: () => sweeps,
    /** Records event `id` as this instance (its claim and lease) without handling it: it "dies" holding it. */
    recordOnly: (id: string) => claims.record(id, EVENT_TOPIC, JSON.stringify({ eventId: id, eventType: 'test', data: { id } })),
    /** Records event `id` and starts handling it (slowly when `slowly`), as an ACKed push would; `done` settles when handled. */
    async receive(id: string, slowly = false): Promise<{ done: Promise<void> }> {
      if (slowly) slow.add(id);
      const evt = { eventId: id, eventType: 'test', data: { id } };
      if ((await events.record(evt)) === 'duplicate') throw new Error(`${id} was a duplicate`);
      return { done: events.process(evt) };
    },
    /** Lets a slow handler finish. */
    release: (id: string) => gates.get(id)?.(),
    waiting: (id: string) => gates.has(id),
  };
}

export type InboundInstance = ReturnType<typeof inboundInstance>;

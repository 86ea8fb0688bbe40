import type { Bot } from '../bot/bot.js';
import { createInboxCipher, type InboxCipher } from '../domain/inbox/inbox-cipher.js';
import type { InboxRepository } from '../domain/inbox/inbox-repository.js';
import { createEventInbox } from '../inbound/inbound-events.js';
import { createRobotInbox } from '../inbound/inbound-robot.js';
import { createInboundSweep } from '../inbound/inbound-sweep.js';
import { createInboxClaims } from '../inbound/inbox-claims.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';

export interface InboundOptions {
  /** How long a claim is held before another instance may take it over (default 5 min; extended every third of it while handled). */
  leaseMs?: number;
  /** How often claims whose lease ran out are swept (default half the lease, at most 60 s). */
  sweepMs?: number;
  /** How long a stop waits for running handlers before handing their claims back (default 2 s). */
  handBackMs?: number;
}

/**
 * Robot messages and events: one durable claim mechanism (one group commit), their lease heartbeat,
 * and the periodic takeover of a lapsed instance's claims. `start` resumes this instance's unfinished
 * claims and starts the sweep; `stop` ends the sweep and hands back what is still being handled.
 */
export function createInbound(
  deps: {
    inbox: InboxRepository;
    keyring: Parameters<typeof createInboxCipher>[0];
    audit: AuditSink;
    clock: Clock;
    logger: Logger;
    instanceId: string;
    metrics: Metrics;
    bot: Bot;
    onChatEvent: (eventType: string, data: Record<string, unknown>) => Promise<void>;
  },
  opts: InboundOptions = {},
) {
  const { inbox, audit, clock, logger, instanceId, metrics } = deps;
  const leaseMs = opts.leaseMs ?? 300_000;
  const cipher: InboxCipher = createInboxCipher(deps.keyring);
  const claimDeps = { inbox, cipher, audit, clock, logger, instanceId, leaseMs, metrics };
  const claims = createInboxClaims(claimDeps);
  const robot = createRobotInbox({ ...claimDeps, bot: deps.bot, claims });
  const events = createEventInbox({ claims, inbox, audit, clock, logger, onChatEvent: deps.onChatEvent, metrics });
  const sweep = createInboundSweep({ topics: [robot, events], intervalMs: opts.sweepMs ?? Math.min(60_000, leaseMs / 2), logger });
  return {
    claims,
    robot,
    events,
    sweep,
    async start(): Promise<void> {
      await robot.resumeUnfinished();
      await events.resumeUnfinished();
      sweep.start();
    },
    async stop(): Promise<void> {
      await sweep.stop();
      await claims.handBack(opts.handBackMs ?? 2000);
    },
  };
}

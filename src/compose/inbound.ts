import type { Bot } from '../bot/bot.js';
import { createInboxCipher, type InboxCipher } from '../domain/inbox/inbox-cipher.js';
import type { InboxRepository } from '../domain/inbox/inbox-repository.js';
import type { CardAction, CardResponse } from '../dingtalk/inbound.js';
import { createCardInbox } from '../inbound/inbound-cards.js';
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
  /** How often claims whose lease ran out are swept (default a quarter of the lease, at most 60 s): failover takes at most 1.25 leases. */
  sweepMs?: number;
  /** How long a stop waits for running handlers before handing their claims back (default 2 s). */
  handBackMs?: number;
  /** How long a card press may take before its callback is ACKed without the answer (default 1.5 s; the answer then goes by the outbox). */
  cardTimeoutMs?: number;
}

/**
 * Robot messages, events and card presses: one durable claim mechanism (one group commit), their lease heartbeat,
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
    /** Delivers a card press's answer by the outbox (late, or taken over from a dead instance). */
    answerCardLater: (action: CardAction, response: CardResponse) => Promise<void>;
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
  const cards = createCardInbox({ claims, inbox, audit, clock, logger, metrics, press: (a) => deps.bot.cardAction(a), answerLater: deps.answerCardLater });
  const sweep = createInboundSweep({ topics: [robot, events, cards], intervalMs: opts.sweepMs ?? Math.min(60_000, leaseMs / 4), logger });
  return {
    claims,
    robot,
    events,
    cards,
    sweep,
    async start(): Promise<void> {
      await robot.resumeUnfinished();
      await events.resumeUnfinished();
      await cards.resumeUnfinished();
      sweep.start();
    },
    async stop(): Promise<void> {
      await sweep.stop();
      await claims.handBack(opts.handBackMs ?? 2000);
    },
  };
}

import type { Bot } from '../bot/bot.js';
import type { InboundHandlers } from '../dingtalk/inbound.js';
import { AUDIT_ACTIONS, type AuditSink } from '../shared/audit-sink.js';
import type { InboxRepository } from '../domain/inbox/inbox-repository.js';
import type { RobotInbox } from './inbound-robot.js';
import { idShaped } from './inbox-claims.js';
import type { EventInbox } from './inbound-events.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { noMetrics, type Metrics } from '../shared/metrics.js';

/** Routes what the stream delivers to the parts of the service that handle it. */
export function createInboundHandlers(deps: {
  bot: Bot;
  robot: RobotInbox;
  events: EventInbox;
  inbox: InboxRepository;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  onCardAction?: InboundHandlers['cardAction'];
  metrics?: Metrics;
}): InboundHandlers {
  const { inbox, audit, clock, logger } = deps;
  const metrics = deps.metrics ?? noMetrics;
  /** Audit entries about what arrived must never stop the handling of it. */
  const note = (entry: Parameters<AuditSink['append']>[0]) => {
    try {
      audit.append(entry);
    } catch (err) {
      logger.warn({ code: 'inbound.audit_failed', err: (err as Error).message }, 'inbound audit entry refused');
    }
  };
  return {
    recordBotMessage: (msg) => deps.robot.record(msg),
    botMessage: (msg) => deps.robot.process(msg),
    cardAction: async (action) => {
      // A card press is delivered once per callback; a replayed frame must not act twice.
      if ((await inbox.claim(`card:${action.callbackId}`, 'card', clock.now())) === 'duplicate') {
        metrics.inbound('duplicate', 'card');
        note({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventDuplicate, target: idShaped(action.callbackId), outcome: 'denied', reason: 'card_replayed' });
        return null;
      }
      metrics.inbound('received', 'card');
      try {
        const out = (await deps.onCardAction?.(action)) ?? null;
        metrics.inbound('handled', 'card');
        return out;
      } finally {
        await inbox.finish(`card:${action.callbackId}`, 'done', clock.now());
      }
    },
    async event(evt) {
      // Durable (sealed, owner and lease) before the ACK; a claim that cannot be written throws (LATER).
      if ((await deps.events.record(evt)) === 'duplicate') return 'SUCCESS';
      // The ACK goes out as soon as this answers; the handling starts after it, at the next turn.
      setImmediate(() => void deps.events.process(evt));
      return 'SUCCESS';
    },
    malformed(reason, messageId, fields) {
      metrics.inbound('malformed', 'frame');
      logger.warn({ code: 'event.malformed', reason, fields, messageId: idShaped(messageId) }, 'malformed frame acked and dropped');
      note({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventMalformed, target: idShaped(messageId), outcome: 'failure', reason });
    },
  };
}

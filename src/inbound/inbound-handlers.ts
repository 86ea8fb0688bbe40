import type { Bot } from '../bot/bot.js';
import type { InboundHandlers } from '../dingtalk/inbound.js';
import { AUDIT_ACTIONS, type AuditSink } from '../shared/audit-sink.js';
import type { RobotInbox } from './inbound-robot.js';
import { idShaped } from './inbox-claims.js';
import type { CardInbox } from './inbound-cards.js';
import type { EventInbox } from './inbound-events.js';
import type { Logger } from '../shared/logger.js';
import { noMetrics, type Metrics } from '../shared/metrics.js';

/** Routes what the stream delivers to the parts of the service that handle it. */
export function createInboundHandlers(deps: {
  bot: Bot;
  robot: RobotInbox;
  events: EventInbox;
  cards: CardInbox;
  audit: AuditSink;
  logger: Logger;
  metrics?: Metrics;
}): InboundHandlers {
  const { audit, logger } = deps;
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
    // A press is claimed (owner and lease) and handled once; a repeat of the callback does nothing.
    cardAction: (action) => deps.cards.press(action),
    cardAnswerLate: (action, response) => deps.cards.answerLate(action, response),
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

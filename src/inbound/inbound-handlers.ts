import type { Bot } from '../bot/bot.js';
import type { InboundHandlers } from '../dingtalk/inbound.js';
import { AUDIT_ACTIONS, type AuditSink } from '../shared/audit-sink.js';
import type { InboxRepository } from '../domain/inbox/inbox-repository.js';
import { idShaped, reasonOf, type RobotInbox } from './inbound-robot.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { noMetrics, type Metrics } from '../shared/metrics.js';

export const EVENT_TOPIC = 'event';

/** Routes what the stream delivers to the parts of the service that handle it. */
export function createInboundHandlers(deps: {
  bot: Bot;
  robot: RobotInbox;
  inbox: InboxRepository;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  onChatEvent?: (eventType: string, data: Record<string, unknown>) => Promise<void>;
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
  /** Handles a claimed event after its ACK: done, or a dead letter with its reason (a retry would fail the same way). */
  async function handleEvent(evt: Parameters<InboundHandlers['event']>[0]): Promise<void> {
    try {
      await deps.onChatEvent?.(evt.eventType, evt.data);
      await inbox.finish(evt.eventId, 'done', clock.now());
      metrics.inbound('handled', 'event');
    } catch (err) {
      const reason = reasonOf(err, 'event');
      logger.error({ code: 'event.failed', eventType: idShaped(evt.eventType), reason }, 'event handling failed');
      await inbox.deadLetter(evt.eventId, reason, clock.now()).then(
        () => metrics.inbound('dead_letter', 'event'),
        (e: unknown) => logger.error({ code: 'event.dead_letter_failed', reason: reasonOf(e, 'event') }, 'could not dead-letter an event'),
      );
      note({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventDead, target: idShaped(evt.eventId), outcome: 'failure', reason });
    }
  }
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
      if ((await inbox.claim(evt.eventId, EVENT_TOPIC, clock.now())) === 'duplicate') {
        metrics.inbound('duplicate', 'event');
        return 'SUCCESS';
      }
      metrics.inbound('received', 'event');
      note({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventReceived, target: idShaped(evt.eventType), outcome: 'success' });
      // The ACK is synchronous (the SDK wants it at once); the storage work follows it.
      void handleEvent(evt);
      return 'SUCCESS';
    },
    malformed(reason, messageId, fields) {
      metrics.inbound('malformed', 'frame');
      logger.warn({ code: 'event.malformed', reason, fields, messageId: idShaped(messageId) }, 'malformed frame acked and dropped');
      note({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventMalformed, target: idShaped(messageId), outcome: 'failure', reason });
    },
  };
}

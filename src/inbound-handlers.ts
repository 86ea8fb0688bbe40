import type { Bot } from './bot/bot.js';
import type { InboundHandlers } from './dingtalk/inbound.js';
import { AUDIT_ACTIONS, type AuditSink } from './domain/audit/audit-sink.js';
import type { InboxRepository } from './domain/inbox/inbox-repository.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';

export const EVENT_TOPIC = 'event';

/** An id that came from outside goes into the permanent log only if it looks like an id. */
const idShaped = (id: string | undefined): string | undefined => (id && /^[\w.:=+/-]{1,160}$/.test(id) ? id : undefined);

/** Routes what the stream delivers to the parts of the service that handle it. */
export function createInboundHandlers(deps: {
  bot: Bot;
  inbox: InboxRepository;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  onChatEvent?: (eventType: string, data: Record<string, unknown>) => void;
  onCardAction?: InboundHandlers['cardAction'];
}): InboundHandlers {
  const { bot, inbox, audit, clock, logger } = deps;
  return {
    botMessage: (msg) => bot.handle(msg),
    cardAction: async (action) => {
      // A card press is delivered once per callback; a replayed frame must not act twice.
      if (inbox.claim(`card:${action.callbackId}`, 'card', null, clock.now()) === 'duplicate') {
        audit.append({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventDuplicate, target: idShaped(action.callbackId), outcome: 'denied', reason: 'card_replayed' });
        return null;
      }
      try {
        return (await deps.onCardAction?.(action)) ?? null;
      } finally {
        inbox.finish(`card:${action.callbackId}`, 'done', clock.now());
      }
    },
    event(evt) {
      if (inbox.claim(evt.eventId, EVENT_TOPIC, null, clock.now()) === 'duplicate') return 'SUCCESS';
      audit.append({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventReceived, target: evt.eventType, outcome: 'success' });
      try {
        deps.onChatEvent?.(evt.eventType, evt.data);
        inbox.finish(evt.eventId, 'done', clock.now());
        return 'SUCCESS';
      } catch (err) {
        logger.error({ code: 'event.failed', eventType: evt.eventType, err: (err as Error).message }, 'event handling failed');
        inbox.finish(evt.eventId, 'failed', clock.now());
        return 'SUCCESS';
      }
    },
    malformed(reason, messageId, fields) {
      logger.warn({ code: 'event.malformed', reason, fields, messageId }, 'malformed frame acked and dropped');
      audit.append({ actor: 'dingtalk', action: AUDIT_ACTIONS.eventMalformed, target: idShaped(messageId), outcome: 'failure', reason });
    },
  };
}

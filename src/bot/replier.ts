import type { BotMessage } from '../dingtalk/bot-message.js';
import type { OutgoingMessage, ReplyTarget } from './context.js';

/** The outbox as the bot needs it: enqueue an intent under an idempotency key. */
export interface OutboxPort {
  enqueue(intent: { idemKey: string; kind: string; payload: unknown }): unknown;
}

export const BOT_REPLY_KIND = 'bot.reply';

/** What a reply intent carries: enough to send by session webhook now or by OpenAPI later. */
export interface BotReplyPayload {
  conversationType: 'group' | 'direct';
  conversationId?: string;
  userId?: string;
  webhook?: string;
  webhookExpiresAt?: number;
  message: OutgoingMessage;
}

/**
 * Builds a message's `reply()`: every reply becomes a durable outbox intent keyed by the inbound
 * msgId and its position, so a redelivered message can never produce a second reply.
 */
export function createReplier(outbox: OutboxPort) {
  return {
    forMessage(msg: BotMessage) {
      let seq = 0;
      return (message: OutgoingMessage | string, target: ReplyTarget = 'conversation'): void => {
        const m = typeof message === 'string' ? { title: 'ConsultBridge', text: message } : message;
        const toUser = target !== 'conversation' ? target.userId : undefined;
        const payload: BotReplyPayload = toUser
          ? { conversationType: 'direct', userId: toUser, message: m }
          : {
              conversationType: msg.conversationType,
              conversationId: msg.conversationId,
              userId: msg.conversationType === 'direct' ? msg.senderUserId : undefined,
              webhook: msg.sessionWebhook,
              webhookExpiresAt: msg.sessionWebhookExpiresAt,
              message: m,
            };
        outbox.enqueue({ idemKey: `reply:${msg.msgId}:${seq++}`, kind: BOT_REPLY_KIND, payload });
      };
    },
  };
}

export type Replier = ReturnType<typeof createReplier>;

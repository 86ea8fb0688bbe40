import type { Clock } from '../shared/clock.js';

/** The outbox kind of a bot reply (src/bot/outbound.ts enqueues it). */
export const BOT_REPLY_KIND = 'bot.reply';

/** What a reply intent carries: enough to send by session webhook now or by OpenAPI later. */
export interface BotReplyPayload {
  conversationType: 'group' | 'direct';
  conversationId?: string;
  userId?: string;
  webhook?: string;
  webhookExpiresAt?: number;
  message: { title: string; text: string };
}

/** The OpenAPI calls a reply may use. */
export interface ReplyApi {
  replyBySessionWebhook(url: string, body: unknown): Promise<unknown>;
  sendGroup(p: { openConversationId: string; msgKey: string; msgParam: Record<string, unknown> }): Promise<unknown>;
  sendToUsers(p: { userIds: string[]; msgKey: string; msgParam: Record<string, unknown> }): Promise<unknown>;
}

/** A session webhook close to expiry is not trusted: the send could land after it lapsed. */
const WEBHOOK_MARGIN_MS = 10_000;

/**
 * Outbox handler for bot replies: by the message's sessionWebhook while it is valid (no token, lowest
 * latency), otherwise by the robot OpenAPI (group send, or 1:1 batchSend).
 */
export function deliverReply(api: ReplyApi, clock: Clock) {
  return async (payload: BotReplyPayload): Promise<unknown> => {
    const { title, text } = payload.message;
    if (payload.webhook && (payload.webhookExpiresAt ?? 0) - WEBHOOK_MARGIN_MS > clock.now()) {
      return api.replyBySessionWebhook(payload.webhook, { msgtype: 'markdown', markdown: { title, text } });
    }
    const msgParam = { title, text };
    if (payload.conversationType === 'group' && payload.conversationId) {
      return api.sendGroup({ openConversationId: payload.conversationId, msgKey: 'sampleMarkdown', msgParam });
    }
    if (!payload.userId) throw new Error('reply has neither a group nor a user to go to');
    return api.sendToUsers({ userIds: [payload.userId], msgKey: 'sampleMarkdown', msgParam });
  };
}

import { z } from 'zod';

/**
 * The robot message as the rest of the service sees it: parsed and normalised once, at the edge.
 * Only what the bot needs travels inward.
 */
export interface BotMessage {
  msgId: string;
  conversationId: string;
  conversationType: 'group' | 'direct';
  conversationTitle?: string;
  senderUserId: string;
  /** The sender's encrypted DingTalk id; equals chatbotUserId when the bot hears itself. */
  senderId?: string;
  senderNick: string;
  chatbotUserId?: string;
  isInAtList: boolean;
  /** userIds of users @-mentioned in the message, the bot itself excluded. */
  mentionedUserIds: string[];
  text: string;
  sessionWebhook?: string;
  sessionWebhookExpiresAt?: number;
  createdAt: number;
}

const atUser = z.object({ dingtalkId: z.string().optional(), staffId: z.string().optional() }).passthrough();

const robotPayload = z
  .object({
    msgtype: z.string(),
    msgId: z.string().min(1),
    conversationId: z.string().min(1),
    conversationType: z.enum(['1', '2']),
    conversationTitle: z.string().optional(),
    senderStaffId: z.string().min(1),
    senderId: z.string().optional(),
    senderNick: z.string().default(''),
    chatbotUserId: z.string().optional(),
    isInAtList: z.boolean().optional(),
    atUsers: z.array(atUser).optional(),
    text: z.object({ content: z.string() }).optional(),
    content: z.unknown().optional(),
    sessionWebhook: z.string().optional(),
    sessionWebhookExpiredTime: z.coerce.number().optional(),
    createAt: z.coerce.number().optional(),
  })
  .passthrough();

/** A failed parse: `reason` is a code safe for audit entries; `fields` names (never values) what was wrong. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string; fields?: string[] };

/** Parses the `data` string of a /v1.0/im/bot/messages/get frame. Never throws. */
export function parseBotMessage(data: unknown, now: number): ParseResult<BotMessage> {
  let json: unknown = data;
  if (typeof data === 'string') {
    try {
      json = JSON.parse(data);
    } catch {
      return { ok: false, reason: 'data_not_json' };
    }
  }
  const parsed = robotPayload.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
    return { ok: false, reason: 'payload_invalid', fields };
  }
  const p = parsed.data;
  const text = p.msgtype === 'text' ? (p.text?.content ?? '') : textFromContent(p.content);
  return {
    ok: true,
    value: {
      msgId: p.msgId,
      conversationId: p.conversationId,
      conversationType: p.conversationType === '2' ? 'group' : 'direct',
      conversationTitle: p.conversationTitle,
      senderUserId: p.senderStaffId,
      senderId: p.senderId,
      senderNick: p.senderNick,
      chatbotUserId: p.chatbotUserId,
      isInAtList: p.isInAtList ?? false,
      mentionedUserIds: (p.atUsers ?? [])
        .filter((u) => u.dingtalkId !== p.chatbotUserId && u.staffId)
        .map((u) => u.staffId!),
      text,
      sessionWebhook: p.sessionWebhook,
      sessionWebhookExpiresAt: p.sessionWebhookExpiredTime,
      createdAt: p.createAt ?? now,
    },
  };
}

/** richText and audio (speech recognition) carry text too; other kinds have none. */
function textFromContent(content: unknown): string {
  if (!content || typeof content !== 'object') return '';
  const c = content as { richText?: Array<{ text?: string }>; recognition?: string };
  if (Array.isArray(c.richText)) return c.richText.map((p) => p.text ?? '').join('');
  return typeof c.recognition === 'string' ? c.recognition : '';
}

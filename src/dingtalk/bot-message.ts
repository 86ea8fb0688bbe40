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
  /** The command text; empty for a voice note, which is never a command. */
  text: string;
  /** Present when the message is a voice note (`msgtype: "audio"`): DingTalk's transcript and its audio. */
  voice?: VoiceNote;
  sessionWebhook?: string;
  sessionWebhookExpiresAt?: number;
  createdAt: number;
}

export interface VoiceNote {
  /** DingTalk's own speech-to-text of the note (dingtalk-api.md §13). */
  recognition: string;
  durationMs?: number;
  /** Fetches the audio through the robot message-file download API. */
  downloadCode?: string;
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
  const voice = p.msgtype === 'audio' ? voiceFrom(p.content) : undefined;
  const text = p.msgtype === 'text' ? (p.text?.content ?? '') : voice ? '' : textFromContent(p.content);
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
      ...(voice ? { voice } : {}),
      sessionWebhook: p.sessionWebhook,
      sessionWebhookExpiresAt: p.sessionWebhookExpiredTime,
      createdAt: p.createAt ?? now,
    },
  };
}

/** richText carries text too; other kinds have none (audio is a voice note, never a command). */
function textFromContent(content: unknown): string {
  if (!content || typeof content !== 'object') return '';
  const c = content as { richText?: Array<{ text?: string }> };
  if (Array.isArray(c.richText)) return c.richText.map((p) => p.text ?? '').join('');
  return '';
}

function voiceFrom(content: unknown): VoiceNote {
  const c = (content && typeof content === 'object' ? content : {}) as { recognition?: unknown; duration?: unknown; downloadCode?: unknown };
  const duration = Number(c.duration);
  return {
    recognition: typeof c.recognition === 'string' ? c.recognition : '',
    ...(Number.isFinite(duration) && duration >= 0 ? { durationMs: duration } : {}),
    ...(typeof c.downloadCode === 'string' && c.downloadCode ? { downloadCode: c.downloadCode } : {}),
  };
}

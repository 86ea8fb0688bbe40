/**
 * Builds the `data` of a `/v1.0/im/bot/messages/get` CALLBACK (dingtalk-api.md §2) for a group
 * @-mention or a 1:1 chat, and the session webhook that comes with it.
 */
import { dmConversationId, encryptedId, newMsgId, newSessionId } from './sim-ids.js';
import type { SimOrg } from './sim-org.js';
import type { ResolvedOptions } from './sim-types.js';

/** sessionWebhookExpiredTime = createAt + 90 min in every official sample. */
export const SESSION_WEBHOOK_TTL_MS = 90 * 60_000;

export interface WebhookSession {
  id: string;
  conversationId: string;
  conversationType: '1' | '2';
  /** The user who wrote the message the session belongs to. */
  userId: string;
  expiresAt: number;
  /** The message the session came with: replies through it are counted per message. */
  msgId?: string;
}

export interface BuiltMessage {
  data: Record<string, unknown>;
  session: WebhookSession;
}

export interface SayOptions {
  /** Other users @-mentioned in the message (they appear in `atUsers` with their staffId). */
  atUserIds?: string[];
  /**
   * Sends a voice note instead of text (dingtalk-api.md §13): `msgtype: "audio"` with
   * `content: { duration, downloadCode, recognition }`, the text argument being DingTalk's transcript.
   */
  voice?: { durationMs?: number; downloadCode?: string };
}

/** The message body: `text`, or an audio message whose `recognition` is the text. */
function body(text: string, say: SayOptions): Record<string, unknown> {
  if (!say.voice) return { msgtype: 'text', text: { content: text } };
  const content = {
    duration: say.voice.durationMs ?? 3000,
    downloadCode: say.voice.downloadCode ?? `sim-audio-${newMsgId()}`,
    recognition: text,
  };
  return { msgtype: 'audio', content };
}

/** Like DingTalk: the bot's own leading @-mention is removed, the space after it stays. */
export function stripBotMention(text: string, botName: string): string {
  const mention = `@${botName}`;
  const trimmed = text.trimStart();
  if (trimmed.startsWith(mention)) return trimmed.slice(mention.length);
  return text.startsWith(' ') ? text : ` ${text}`;
}

export function buildRobotMessage(
  org: SimOrg,
  opts: ResolvedOptions,
  oapiBase: string,
  target: { kind: 'group'; groupId: string } | { kind: 'dm' },
  userId: string,
  text: string,
  say: SayOptions = {},
): BuiltMessage {
  const user = org.requireUser(userId);
  const createAt = opts.clock.now();
  let conversation: Record<string, unknown>;
  let session: WebhookSession;
  const sessionId = newSessionId();
  if (target.kind === 'group') {
    const group = org.requireGroup(target.groupId);
    if (!group.memberIds.includes(userId)) throw new Error(`simulator: ${userId} is not in group ${group.title}`);
    const mentioned = (say.atUserIds ?? []).map((id) => org.requireUser(id));
    conversation = {
      conversationId: group.openConversationId,
      conversationType: '2',
      conversationTitle: group.title,
      isInAtList: true,
      atUsers: [
        { dingtalkId: org.bot.chatbotUserId },
        ...mentioned.map((m) => ({ dingtalkId: encryptedId(m.userId), staffId: m.userId })),
      ],
      ...body(say.voice ? text : stripBotMention(text, org.bot.name), say),
    };
    session = { id: sessionId, conversationId: group.openConversationId, conversationType: '2', userId, expiresAt: 0 };
  } else {
    const cid = dmConversationId(userId);
    conversation = {
      conversationId: cid,
      conversationType: '1',
      isInAtList: true,
      atUsers: [],
      ...body(text, say),
    };
    session = { id: sessionId, conversationId: cid, conversationType: '1', userId, expiresAt: 0 };
  }
  session.expiresAt = createAt + SESSION_WEBHOOK_TTL_MS;
  session.msgId = newMsgId();
  const data = {
    msgId: session.msgId,
    ...conversation,
    senderId: encryptedId(user.userId),
    senderStaffId: user.userId,
    senderUnionId: user.unionId,
    senderNick: user.name,
    senderCorpId: opts.corpId,
    senderPlatform: 'Mac',
    isAdmin: false,
    chatbotUserId: org.bot.chatbotUserId,
    chatbotCorpId: opts.corpId,
    robotCode: org.bot.robotCode,
    sessionWebhook: `${oapiBase}/robot/sendBySession?session=${sessionId}`,
    sessionWebhookExpiredTime: session.expiresAt,
    createAt,
  };
  return { data, session };
}

import type { BotMessage } from '../dingtalk/bot-message.js';
import type { Actor } from '../domain/directory/directory-service.js';
import type { Lang } from './i18n.js';

/** A message the bot sends back: markdown by default, content-free by construction. */
export interface OutgoingMessage {
  title: string;
  text: string;
}

/** Where a reply goes: the conversation the message came from, or 1:1 to one user. */
export type ReplyTarget = 'conversation' | { userId: string };

/** Per-message state built up by the dispatcher's steps. */
export interface BotContext {
  msg: BotMessage;
  /** True when a message ACKed by an earlier run is being finished after a restart. */
  resumed?: boolean;
  lang: Lang;
  actor?: Actor;
  command?: { name: string; args: string[]; raw: string };
  /** Sends a message; to the conversation unless a user is named. Goes through the outbox. */
  reply(message: OutgoingMessage | string, target?: ReplyTarget): Promise<void>;
}

export type Next = () => Promise<void>;
export type Step = (ctx: BotContext, next: Next) => Promise<void>;

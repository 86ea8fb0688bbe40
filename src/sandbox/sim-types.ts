/**
 * Shared shapes of the DingTalk simulator: org records, the log of what the bot sent, ACK records and
 * the options. Field names follow the DingTalk wire formats (see shared/reference/dingtalk-api.md).
 */
import type { Clock } from '../shared/clock.js';

export interface SimUser {
  userId: string;
  name: string;
  title?: string;
  dept?: string;
  unionId: string;
  mobile?: string;
  lang?: 'zh_CN' | 'en_US';
}

export interface SimGroup {
  openConversationId: string;
  /** Old-style group id (`chat…`), returned by scene-group create and carried in member events. */
  chatId: string;
  title: string;
  memberIds: string[];
  ownerId?: string;
}

/** How a message left the bot: session webhook, robot APIs, cards, a recall, or a robot DING. */
export type SentVia = 'webhook' | 'group' | 'oto' | 'card' | 'cardUpdate' | 'recall' | 'ding';

export interface SentEntry {
  id: number;
  via: SentVia;
  conversationId?: string;
  userIds?: string[];
  msgKey?: string;
  /** The human-visible text (content, markdown text, card values); what a clinician would read. */
  text: string;
  /** The request body exactly as the bot sent it. */
  raw: unknown;
  processQueryKey?: string;
  outTrackId?: string;
  /** userIds the message @-mentions (webhook `at.atUserIds`, card `atUserIds`). */
  atUserIds?: string[];
  at: number;
  recalled?: boolean;
  /** For a session-webhook reply: the msgId of the message whose session it used. */
  inReplyTo?: string;
}

/** An upstream frame from a client that answers a downstream frame (ping echo or ACK). */
export interface AckRecord {
  messageId: string;
  connectionId: string;
  code: number;
  message: string;
  /** `data` parsed once (it is a JSON string on the wire); undefined when it is not valid JSON. */
  data: unknown;
  raw: string;
  at: number;
}

export interface SimulatorOptions {
  port?: number;
  clientId?: string;
  clientSecret?: string;
  /** Defaults to clientId, as for an internal-app robot. */
  robotCode?: string;
  corpId?: string;
  botName?: string;
  clock?: Clock;
  /** SYSTEM ping every N ms to each connection; 0 turns it off. Default 30 000. */
  pingIntervalMs?: number;
  /** Unacked robot CALLBACKs and EVENTs are pushed again after this delay. Default 60 000. */
  redeliveryDelayMs?: number;
  /** How many times one message is pushed again. Default 2. */
  maxRedeliveries?: number;
  /** Use a fresh frame messageId on redelivery (data.msgId stays the same). Default false. */
  redeliverWithNewMessageId?: boolean;
  /** App access token lifetime. Default 7 200 000 (2 h). */
  tokenLifetimeMs?: number;
  /** Gateway tickets are single-use and live this long. Default 90 000. */
  ticketTtlMs?: number;
  /** Delay between a SYSTEM disconnect frame and the server closing the socket. Default 10 000. */
  disconnectCloseDelayMs?: number;
  /** How long clickCard waits for the card callback ACK. Default 2 000 (DingTalk's limit). */
  cardCallbackTimeoutMs?: number;
  /** Which connection gets a push when several are open. DingTalk picks at random. */
  delivery?: 'random' | 'first';
  /**
   * oapi answer for a bad token: `gateway` = `{errcode:88, sub_code:"40014"}` (current TOP gateway),
   * `legacy` = `{errcode:40014}`. Default `gateway`.
   */
  oapiTokenErrorStyle?: 'gateway' | 'legacy';
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'port'>> & { port: number };

export function resolveOptions(o: SimulatorOptions, defaultClock: Clock): ResolvedOptions {
  const clientId = o.clientId ?? 'sim-client-id';
  return {
    port: o.port ?? 0,
    clientId,
    clientSecret: o.clientSecret ?? 'sim-client-secret',
    robotCode: o.robotCode ?? clientId,
    corpId: o.corpId ?? 'dingsimcorp0001',
    botName: o.botName ?? 'ConsultBridge',
    clock: o.clock ?? defaultClock,
    pingIntervalMs: o.pingIntervalMs ?? 30_000,
    redeliveryDelayMs: o.redeliveryDelayMs ?? 60_000,
    maxRedeliveries: o.maxRedeliveries ?? 2,
    redeliverWithNewMessageId: o.redeliverWithNewMessageId ?? false,
    tokenLifetimeMs: o.tokenLifetimeMs ?? 7_200_000,
    ticketTtlMs: o.ticketTtlMs ?? 90_000,
    disconnectCloseDelayMs: o.disconnectCloseDelayMs ?? 10_000,
    cardCallbackTimeoutMs: o.cardCallbackTimeoutMs ?? 2_000,
    delivery: o.delivery ?? 'random',
    oapiTokenErrorStyle: o.oapiTokenErrorStyle ?? 'gateway',
  };
}

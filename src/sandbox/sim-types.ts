/**
 * Shared shapes of the DingTalk simulator: org records, the log of what the bot sent, ACK records and
 * the options. Field names follow the DingTalk wire formats (see shared/reference/dingtalk-api.md).
 */
import type { Clock } from '../shared/clock.js';
import { seeded } from '../shared/seeded-random.js';

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

/** A scene group made (with the caller's idempotency `uuid`, if any) or whose members changed, through the API. */
export interface SceneGroupChange {
  group: SimGroup;
  uuid?: string;
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
   * Seeds the simulator's random choices — which connection gets a push, whether an ACKed event comes
   * again — so a run repeats. Default: unseeded (Math.random).
   */
  seed?: number;
  /** A random source in [0, 1) for those choices; wins over `seed`. */
  random?: () => number;
  /**
   * Share (0–1) of ACKed EVENT frames that DingTalk pushes again anyway (network jitter, dingtalk-api.md
   * §1.6, §13), once each, to any open connection. Robot messages and card callbacks never are. Default 0;
   * `sim.faults.redeliverEventsAfterAck(rate)` changes it while running.
   */
  redeliverEventsAfterAck?: number;
  /** How long after the ACK such a duplicate arrives. Default 0 (at once). */
  ackedEventRedeliveryDelayMs?: number;
  /**
   * oapi answer for a bad token: `gateway` = `{errcode:88, sub_code:"40014"}` (current TOP gateway),
   * `legacy` = `{errcode:40014}`. Default `gateway`.
   */
  oapiTokenErrorStyle?: 'gateway' | 'legacy';
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'port' | 'seed' | 'random'>> & {
  port: number;
  /** Picks the connection for each push. */
  pickRandom: () => number;
  /** Draws whether an ACKed event is pushed again (its own stream, so turning that on moves no pick). */
  redeliveryRandom: () => number;
};

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
    redeliverEventsAfterAck: o.redeliverEventsAfterAck ?? 0,
    ackedEventRedeliveryDelayMs: o.ackedEventRedeliveryDelayMs ?? 0,
    pickRandom: o.random ?? (o.seed === undefined ? Math.random : seeded(o.seed)),
    redeliveryRandom: o.random ?? (o.seed === undefined ? Math.random : seeded(o.seed ^ 0x5bd1e995)),
  };
}

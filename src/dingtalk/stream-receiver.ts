import { TOPIC_CARD, TOPIC_ROBOT, type DWClientDownStream, EventAck } from 'dingtalk-stream';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { parseBotMessage, type BotMessage } from './bot-message.js';
import { parseCardAction, parseEvent } from './frames.js';
import type { InboundHandlers } from './inbound.js';
import { StreamClient } from './stream-client.js';
import { StreamSupervisor } from './stream-supervisor.js';

/**
 * The DingTalk edge: the official SDK (through StreamClient) plus our supervisor. Robot messages
 * are recorded durably, then ACKed, then processed (so every ACKed message applies exactly once);
 * card callbacks are answered in their ACK; events are ACKed with what the synchronous handler
 * decides. Nothing that arrives can crash the process.
 */
export interface StreamReceiverOptions {
  clientId: string;
  clientSecret: string;
  apiBase: string;
  oapiBase: string;
  handlers: InboundHandlers;
  clock: Clock;
  logger: Logger;
  reconnect?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Card callbacks must be answered within 2 s: after this the ACK goes without the answer, which follows as a card update. */
  cardTimeoutMs?: number;
}

export class StreamReceiver {
  readonly client: StreamClient;
  /** Robot frames recorded, duplicates ACKed again, and frames left un-ACKed because the record failed. */
  readonly stats = { recorded: 0, duplicates: 0, unrecorded: 0 };
  private readonly inFlight = new Set<Promise<void>>();
  readonly supervisor: StreamSupervisor;

  constructor(private readonly o: StreamReceiverOptions) {
    this.client = new StreamClient({
      clientId: o.clientId,
      clientSecret: o.clientSecret,
      apiBase: o.apiBase,
      oapiBase: o.oapiBase,
      onSocketClosed: () => this.supervisor.onSocketClosed(),
      onBadFrame: (raw, reason) => this.badFrame(raw, reason),
      onUnknownTopic: (frame) => {
        this.client.ackWithCode(frame.headers.messageId, 404, 'topic not handled');
        this.reportMalformed('unknown_topic', frame.headers.messageId);
      },
    });
    this.supervisor = new StreamSupervisor({ client: this.client, logger: o.logger, ...o.reconnect });
    this.client.registerCallbackListener(TOPIC_ROBOT, (f) => this.onRobot(f));
    this.client.registerCallbackListener(TOPIC_CARD, (f) => {
      this.onCard(f).catch((err: unknown) => {
        this.o.logger.error({ code: 'card.unhandled', err: (err as Error).message }, 'card callback failed');
      });
    });
    this.client.registerAsyncEventListener(async (f) => ({ status: await this.onEvent(f) }));
  }

  start(): void {
    this.supervisor.start();
  }

  stop(): void {
    this.supervisor.stop();
  }

  /** Waits (at most `timeoutMs`) for messages being recorded or handled, so a stop does not cut them off. */
  async idle(timeoutMs = 2000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.inFlight]), late]);
    clearTimeout(timer);
  }

  get registered(): boolean {
    return this.supervisor.connected;
  }

  /**
   * Robot messages: parsed, then recorded durably, then ACKed, then processed. A frame whose record
   * fails is not ACKed (the platform pushes it again); one that cannot be parsed is ACKed and reported.
   */
  private onRobot(frame: DWClientDownStream): void {
    const messageId = frame.headers.messageId;
    const parsed = parseBotMessage(frame.data, this.o.clock.now());
    if (!parsed.ok) {
      this.ack(messageId);
      return this.reportMalformed(parsed.reason, messageId, parsed.fields);
    }
    const work = this.takeRobot(messageId, parsed.value)
      .catch((err: unknown) => {
        this.o.logger.error({ code: 'bot.unhandled', err: (err as Error).message }, 'robot message handling failed');
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async takeRobot(messageId: string, msg: BotMessage): Promise<void> {
    let taken: 'new' | 'duplicate';
    try {
      taken = await this.o.handlers.recordBotMessage(msg);
    } catch (err) {
      this.stats.unrecorded++;
      this.o.logger.warn({ code: 'inbound.unrecorded', err: (err as Error).message }, 'message not recorded; left un-ACKed for redelivery');
      return;
    }
    this.ack(messageId);
    if (taken === 'duplicate') {
      this.stats.duplicates++;
      return;
    }
    this.stats.recorded++;
    await this.o.handlers.botMessage(msg);
  }

  /** An ACK that cannot be sent (socket gone) is the platform's to re-push; it lands as a duplicate. */
  private ack(messageId: string, response: unknown = null): void {
    try {
      this.client.socketCallBackResponse(messageId, response);
    } catch (err) {
      this.o.logger.warn({ code: 'stream.ack_failed', err: (err as Error).message }, 'ACK not sent');
    }
  }

  /** The malformed-frame report must never throw into the socket handler either. */
  private reportMalformed(reason: string, messageId?: string, fields?: string[]): void {
    try {
      this.o.handlers.malformed(reason, messageId, fields);
    } catch (err) {
      this.o.logger.error({ code: 'malformed.unhandled', err: (err as Error).message }, 'malformed-frame report failed');
    }
  }

  private async onCard(frame: DWClientDownStream): Promise<void> {
    const parsed = parseCardAction(frame.headers.messageId, frame.data);
    if (!parsed.ok) {
      this.ack(frame.headers.messageId);
      return this.reportMalformed(parsed.reason, frame.headers.messageId);
    }
    let timer: NodeJS.Timeout | undefined;
    const LATE = Symbol('late');
    const late = new Promise<typeof LATE>((r) => (timer = setTimeout(() => r(LATE), this.o.cardTimeoutMs ?? 1500)));
    let acked = false;
    try {
      const startedAt = Date.now();
      const handling = this.o.handlers.cardAction(parsed.value);
      const response = await Promise.race([handling, late]);
      acked = true;
      if (response !== LATE) return this.ack(frame.headers.messageId, response);
      // Past the deadline DingTalk takes no answer: ACK without one now, and deliver the answer, once
      // it comes, as a card update (else the press shows nothing while its effect is applied).
      this.ack(frame.headers.messageId);
      const answer = await handling;
      this.o.logger.warn({ code: 'card.answer_late', tookMs: Date.now() - startedAt, answered: answer !== null }, 'card press answered after the callback deadline; answer sent as a card update');
      if (answer) await this.o.handlers.cardAnswerLate?.(parsed.value, answer);
    } catch (err) {
      this.o.logger.error({ code: 'card.unhandled', err: (err as Error).message }, 'card handler failed');
      if (!acked) this.ack(frame.headers.messageId);
    } finally {
      clearTimeout(timer);
    }
  }

  private async onEvent(frame: DWClientDownStream): Promise<EventAck> {
    const parsed = parseEvent(frame.headers as unknown as Record<string, unknown>, frame.data);
    if (!parsed.ok) {
      this.reportMalformed(parsed.reason, frame.headers?.messageId);
      return EventAck.SUCCESS; // a retry cannot fix a malformed event
    }
    try {
      return (await this.o.handlers.event(parsed.value)) === 'LATER' ? EventAck.LATER : EventAck.SUCCESS;
    } catch (err) {
      this.o.logger.error({ code: 'event.unhandled', err: (err as Error).message }, 'event handler failed');
      return EventAck.LATER;
    }
  }

  /** Not JSON or no headers: ACK when a messageId can still be read, so the platform stops re-pushing. */
  private badFrame(raw: string, reason: string): void {
    const messageId = /"messageId"\s*:\s*"([^"]{1,200})"/.exec(raw)?.[1];
    if (messageId) this.client.ackWithCode(messageId, 400, 'malformed frame');
    this.reportMalformed(reason, messageId);
  }
}

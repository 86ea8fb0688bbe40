import { TOPIC_CARD, TOPIC_ROBOT, type DWClientDownStream, EventAck } from 'dingtalk-stream';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { parseBotMessage } from './bot-message.js';
import { parseCardAction, parseEvent } from './frames.js';
import type { InboundHandlers } from './inbound.js';
import { StreamClient } from './stream-client.js';
import { StreamSupervisor } from './stream-supervisor.js';

/**
 * The DingTalk edge: the official SDK (through StreamClient) plus our supervisor. Robot messages
 * are ACKed first and processed after (DingTalk re-pushes late-ACKed ones); card callbacks are
 * answered in their ACK; events are ACKed with what the synchronous handler decides. Nothing that
 * arrives can crash the process.
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
  /** Card callbacks must be answered within 2 s; we answer "no change" after this. */
  cardTimeoutMs?: number;
}

export class StreamReceiver {
  readonly client: StreamClient;
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
    this.client.registerCallbackListener(TOPIC_CARD, (f) => void this.onCard(f));
    this.client.registerAllEventListener((f) => ({ status: this.onEvent(f) }));
  }

  start(): void {
    this.supervisor.start();
  }

  stop(): void {
    this.supervisor.stop();
  }

  get registered(): boolean {
    return this.supervisor.connected;
  }

  private onRobot(frame: DWClientDownStream): void {
    this.client.socketCallBackResponse(frame.headers.messageId, null);
    const parsed = parseBotMessage(frame.data, this.o.clock.now());
    if (!parsed.ok) return this.reportMalformed(parsed.reason, frame.headers.messageId, parsed.fields);
    // Deferred so nothing the bot does can throw back into the SDK's socket handler.
    setImmediate(() => {
      this.o.handlers.botMessage(parsed.value).catch((err: unknown) => {
        this.o.logger.error({ code: 'bot.unhandled', err: (err as Error).message }, 'bot handler failed');
      });
    });
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
      this.client.socketCallBackResponse(frame.headers.messageId, null);
      return this.reportMalformed(parsed.reason, frame.headers.messageId);
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), this.o.cardTimeoutMs ?? 1500)));
    try {
      const response = await Promise.race([this.o.handlers.cardAction(parsed.value), late]);
      this.client.socketCallBackResponse(frame.headers.messageId, response);
    } catch (err) {
      this.o.logger.error({ code: 'card.unhandled', err: (err as Error).message }, 'card handler failed');
      this.client.socketCallBackResponse(frame.headers.messageId, null);
    } finally {
      clearTimeout(timer);
    }
  }

  private onEvent(frame: DWClientDownStream): EventAck {
    const parsed = parseEvent(frame.headers as unknown as Record<string, unknown>, frame.data);
    if (!parsed.ok) {
      this.reportMalformed(parsed.reason, frame.headers?.messageId);
      return EventAck.SUCCESS; // a retry cannot fix a malformed event
    }
    try {
      return this.o.handlers.event(parsed.value) === 'LATER' ? EventAck.LATER : EventAck.SUCCESS;
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

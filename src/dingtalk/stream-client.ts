import axios, { type AxiosInstance } from 'axios';
import { DWClient, type DWClientDownStream, type EventAckData } from 'dingtalk-stream';

/**
 * The official SDK's DWClient with the parts we cannot use as published fixed by subclassing:
 * - the gateway registration and the token call honour our configured API/OAPI base URLs
 *   (the SDK hard-codes api.dingtalk.com and oapi.dingtalk.com), so the same code runs against
 *   DingTalk, the international site, or the simulator;
 * - its own reconnect loop is off (2.1.5 can start two); StreamSupervisor owns reconnects and
 *   learns of closed sockets through `onSocketClosed`;
 * - a frame that is not JSON, or has no messageId to ACK, no longer throws inside the socket handler;
 *   it goes to `onBadFrame`;
 * - each client gets its own subscriptions array (the SDK shares one default array across clients);
 * - a reconnect stops the previous connection's heartbeat timer (the SDK leaves it running);
 * - an EVENT listener may answer asynchronously (`registerAsyncEventListener`): the ACK goes out when
 *   its answer is ready (the SDK's listener must answer synchronously).
 */
export interface StreamClientOptions {
  clientId: string;
  clientSecret: string;
  apiBase: string;
  oapiBase: string;
  ua?: string;
  http?: AxiosInstance;
  onSocketClosed?: () => void;
  onBadFrame?: (raw: string, reason: string) => void;
  /** A CALLBACK on a topic nobody listens to; the SDK would leave it un-ACKed. */
  onUnknownTopic?: (frame: DWClientDownStream) => void;
}

interface SdkInternals {
  dw_url?: string;
  heartbeatIntervallId?: NodeJS.Timeout;
  socket?: { on(ev: string, fn: () => void): void; send(data: string): void; terminate(): void; readyState: number };
  config: { endpoint?: unknown; autoReconnect?: boolean; subscriptions: Array<{ type: string; topic: string }> };
}

export class StreamClient extends DWClient {
  private readonly opts: StreamClientOptions;
  private readonly http: AxiosInstance;
  private asyncEvent: ((frame: DWClientDownStream) => Promise<EventAckData>) | undefined;

  constructor(opts: StreamClientOptions) {
    super({ clientId: opts.clientId, clientSecret: opts.clientSecret, ua: opts.ua ?? 'consultbridge/0.1', keepAlive: true });
    this.opts = opts;
    this.http = opts.http ?? axios.create({ timeout: 10_000 });
    const internals = this as unknown as SdkInternals;
    internals.config.autoReconnect = false;
    internals.config.subscriptions = [{ type: 'EVENT', topic: '*' }];
  }

  override async getEndpoint(): Promise<this> {
    const { clientId, clientSecret } = this.opts;
    const res = await this.http.post(
      `${this.opts.apiBase}/v1.0/gateway/connections/open`,
      { clientId, clientSecret, ua: this.config.ua, subscriptions: this.config.subscriptions },
      { headers: { Accept: 'application/json' } },
    );
    const { endpoint, ticket } = (res.data ?? {}) as { endpoint?: string; ticket?: string };
    if (!endpoint || !ticket) throw new Error('gateway answered without endpoint or ticket');
    const internals = this as unknown as SdkInternals;
    internals.config.endpoint = res.data;
    internals.dw_url = `${endpoint}?ticket=${encodeURIComponent(ticket)}`;
    return this;
  }

  /** The SDK's token call, moved to the configured OAPI base; our own OpenAPI client caches tokens. */
  override async getAccessToken(): Promise<string> {
    const res = await this.http.get(`${this.opts.oapiBase}/gettoken`, {
      params: { appkey: this.opts.clientId, appsecret: this.opts.clientSecret },
    });
    const token = (res.data as { access_token?: string }).access_token;
    if (!token) throw new Error('gettoken answered without a token');
    return token;
  }

  override async _connect(): Promise<void> {
    // The SDK starts a heartbeat timer on every open and never stops the previous one, so after many
    // reconnects a stack of timers pings the one live socket and one of them, finding the pong of
    // another's ping not yet back, terminates a healthy connection. One timer at a time.
    clearInterval((this as unknown as SdkInternals).heartbeatIntervallId);
    await super._connect();
    const socket = (this as unknown as SdkInternals).socket;
    socket?.on('close', () => this.opts.onSocketClosed?.());
  }

  override onDownStream(data: string): void {
    const raw = String(data);
    let frame: DWClientDownStream;
    try {
      frame = JSON.parse(raw) as DWClientDownStream;
    } catch {
      this.opts.onBadFrame?.(raw, 'frame_not_json');
      return;
    }
    if (!frame || typeof frame !== 'object' || !frame.headers || typeof frame.headers !== 'object') {
      this.opts.onBadFrame?.(raw, 'frame_without_headers');
      return;
    }
    if (!['SYSTEM', 'EVENT', 'CALLBACK'].includes(frame.type)) {
      this.opts.onBadFrame?.(raw, 'frame_type_unknown');
      return;
    }
    // The SDK's ACK throws on a missing messageId ("send: messageId must be defined"), from inside the
    // socket handler: such a frame cannot be answered, so it never reaches a listener.
    const { messageId, topic } = frame.headers as { messageId?: unknown; topic?: unknown };
    if (frame.type !== 'SYSTEM' && (typeof messageId !== 'string' || messageId === '')) {
      this.opts.onBadFrame?.(raw, 'frame_without_message_id');
      return;
    }
    if (frame.type === 'CALLBACK' && typeof topic !== 'string') {
      this.opts.onBadFrame?.(raw, 'frame_without_topic');
      return;
    }
    try {
      super.onDownStream(raw);
    } catch {
      // Last line of defence: whatever a frame does, it must not throw into the socket handler.
      this.opts.onBadFrame?.(raw, 'frame_handler_failed');
    }
  }

  /** Like `registerAllEventListener`, but the ACK waits for the listener's answer. */
  registerAsyncEventListener(listener: (frame: DWClientDownStream) => Promise<EventAckData>): this {
    this.asyncEvent = listener;
    return this;
  }

  override onEvent(message: DWClientDownStream): void {
    const listener = this.asyncEvent;
    if (!listener) return super.onEvent(message);
    const { messageId } = message.headers;
    void listener(message).then((ack) => {
      try {
        this.send(messageId, ack);
      } catch {
        // socket not open (reconnecting): the platform re-pushes, and the frame is answered then
      }
    });
  }

  override onCallback(message: DWClientDownStream): void {
    if (this.listenerCount(message.headers.topic) === 0) this.opts.onUnknownTopic?.(message);
    else super.onCallback(message);
  }

  /** Sends a raw ACK with a non-200 code (e.g. 404 for a topic we do not handle). */
  ackWithCode(messageId: string, code: number, message: string): void {
    const socket = (this as unknown as SdkInternals).socket;
    try {
      socket?.send(
        JSON.stringify({ code, headers: { contentType: 'application/json', messageId }, message, data: JSON.stringify({}) }),
      );
    } catch {
      // socket not open (reconnecting): the platform re-pushes, and the frame is answered then
    }
  }

  isOpen(): boolean {
    return (this as unknown as SdkInternals).socket?.readyState === 1;
  }

  /** Drops the current socket without marking a user disconnect (used by the supervisor's tests). */
  dropSocket(): void {
    (this as unknown as SdkInternals).socket?.terminate();
  }
}

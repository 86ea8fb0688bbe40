/**
 * The Stream-mode side: gateway tickets, the `/connect` WebSocket, downstream pushes to one chosen
 * connection, and upstream frames (ping echoes and ACKs) recorded by messageId.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, WebSocket } from 'ws';
import { buildFrame, parseUpFrame, tryParseJson, type DownFrame, type FrameSpec } from './sim-frames.js';
import { frameMessageId, newConnectionId } from './sim-ids.js';
import type { SimEvents } from './sim-events.js';
import type { AckRecord, ResolvedOptions } from './sim-types.js';

export interface Subscription {
  type: string;
  topic: string;
}

interface Registration {
  clientId: string;
  subscriptions: Subscription[];
  ua?: string;
}

export interface StreamConnection {
  connectionId: string;
  ws: WebSocket;
  registration: Registration;
}

type AckListener = (ack: AckRecord) => void;

export class SimStream {
  readonly connections = new Map<string, StreamConnection>();
  readonly acks = new Map<string, AckRecord[]>();
  registrations = 0;
  connectionsOpened = 0;
  private readonly tickets = new Map<string, { reg: Registration; expiresAt: number }>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly ackListeners = new Map<string, AckListener[]>();
  private readonly pings = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly appId = randomUUID();

  constructor(
    private readonly opts: ResolvedOptions,
    private readonly events: SimEvents,
  ) {}

  /** Records a gateway registration and returns its single-use ticket. */
  register(reg: Registration): string {
    const ticket = randomUUID();
    this.tickets.set(ticket, { reg, expiresAt: this.opts.clock.now() + this.opts.ticketTtlMs });
    this.registrations++;
    this.events.record('registration', { clientId: reg.clientId, subscriptions: reg.subscriptions });
    return ticket;
  }

  /** HTTP upgrade on `/connect?ticket=…`; an unknown, used or expired ticket is refused with 401. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://sim');
    const ticket = url.searchParams.get('ticket') ?? '';
    const entry = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (url.pathname !== '/connect' || !entry || entry.expiresAt <= this.opts.clock.now()) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, entry.reg));
  }

  private accept(ws: WebSocket, registration: Registration): void {
    const conn: StreamConnection = { connectionId: newConnectionId(), ws, registration };
    this.connections.set(conn.connectionId, conn);
    this.connectionsOpened++;
    ws.on('message', (raw) => this.onUpstream(conn, raw.toString()));
    ws.on('close', () => {
      this.connections.delete(conn.connectionId);
      this.events.record('close', { connectionId: conn.connectionId });
    });
    ws.on('error', () => ws.terminate());
    if (this.opts.pingIntervalMs > 0) {
      const t = setInterval(() => this.sendTo(conn, { type: 'SYSTEM', topic: 'ping', data: opaque() }), this.opts.pingIntervalMs);
      t.unref();
      this.timers.add(t);
      ws.on('close', () => {
        clearInterval(t);
        this.timers.delete(t);
      });
    }
    this.events.record('connection', { connectionId: conn.connectionId });
  }

  private onUpstream(conn: StreamConnection, raw: string): void {
    const up = parseUpFrame(raw);
    if (!up) return; // DingTalk ignores frames it cannot read; so do we
    const messageId = up.headers.messageId as string;
    const record: AckRecord = {
      messageId,
      connectionId: conn.connectionId,
      code: up.code,
      message: up.message,
      data: tryParseJson(up.data),
      raw,
      at: this.opts.clock.now(),
    };
    const isPong = this.pings.delete(messageId);
    if (!isPong) this.acks.set(messageId, [...(this.acks.get(messageId) ?? []), record]);
    const listeners = this.ackListeners.get(messageId) ?? [];
    this.ackListeners.delete(messageId);
    for (const l of listeners) l(record);
    this.events.record(isPong ? 'pong' : 'ack', record);
  }

  /** Resolves with the next upstream frame answering `messageId`, or rejects after `timeoutMs`. */
  awaitAck(messageId: string, timeoutMs: number): Promise<AckRecord> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.ackListeners.set(messageId, (this.ackListeners.get(messageId) ?? []).filter((l) => l !== listener));
        reject(new Error(`no answer to frame ${messageId} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener: AckListener = (a) => {
        clearTimeout(timer);
        resolve(a);
      };
      this.ackListeners.set(messageId, [...(this.ackListeners.get(messageId) ?? []), listener]);
    });
  }

  /** Connections that subscribed to this kind of push (SYSTEM frames reach everyone). */
  eligible(spec: Pick<FrameSpec, 'type' | 'topic'>): StreamConnection[] {
    return [...this.connections.values()].filter(
      (c) =>
        c.ws.readyState === WebSocket.OPEN &&
        (spec.type === 'SYSTEM' ||
          c.registration.subscriptions.some(
            (s) => s.type === spec.type && (spec.type === 'EVENT' || s.topic === spec.topic),
          )),
    );
  }

  /** One of the eligible connections, at random (from the simulator's random source) unless `delivery: 'first'`. */
  pick(spec: Pick<FrameSpec, 'type' | 'topic'>): StreamConnection | undefined {
    const list = this.eligible(spec);
    if (this.opts.delivery === 'first' || list.length <= 1) return list[0];
    return list[Math.floor(this.opts.pickRandom() * list.length)];
  }

  sendTo(conn: StreamConnection, spec: FrameSpec, messageId = frameMessageId()): DownFrame {
    const frame = buildFrame(spec, {
      messageId,
      connectionId: conn.connectionId,
      appId: this.appId,
      now: this.opts.clock.now(),
    });
    if (spec.type === 'SYSTEM' && spec.topic === 'ping') this.pings.add(messageId);
    conn.ws.send(JSON.stringify(frame));
    this.events.record('frame', frame);
    return frame;
  }

  /** SYSTEM ping to every connection; resolves with the echoes. */
  async pingAll(timeoutMs = 2_000): Promise<AckRecord[]> {
    const conns = this.eligible({ type: 'SYSTEM', topic: 'ping' });
    const frames = conns.map((c) => this.sendTo(c, { type: 'SYSTEM', topic: 'ping', data: opaque() }));
    return Promise.all(frames.map((f) => this.awaitAck(f.headers.messageId!, timeoutMs)));
  }

  /** SYSTEM disconnect to every connection; the server closes the sockets after the configured delay. */
  sendDisconnect(closeAfterMs = this.opts.disconnectCloseDelayMs): void {
    for (const c of this.eligible({ type: 'SYSTEM', topic: 'disconnect' })) {
      this.sendTo(c, { type: 'SYSTEM', topic: 'disconnect', data: JSON.stringify({ reason: 'connection is expired' }) });
      const t = setTimeout(() => c.ws.close(1000, 'connection is expired'), closeAfterMs);
      t.unref();
      this.timers.add(t);
    }
  }

  /** Drops every socket without a close handshake, like a network cut. */
  disconnectAll(): void {
    for (const c of this.connections.values()) c.ws.terminate();
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.disconnectAll();
    this.wss.close();
  }
}

const opaque = (): string => JSON.stringify({ opaque: randomUUID() });

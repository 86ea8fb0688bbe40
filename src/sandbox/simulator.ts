/**
 * A fake DingTalk for tests and the no-credentials sandbox: the Stream gateway + WebSocket that the
 * real `dingtalk-stream` SDK connects to, and the OpenAPI routes our HTTP client calls, on one
 * 127.0.0.1 port. `apiBase` stands for https://api.dingtalk.com, `oapiBase` for https://oapi.dingtalk.com.
 * Like DingTalk, an app may hold several Stream connections (a cluster): each push goes to one of them
 * at random (`seed` makes the choice repeat), and ACKed events may come again (`redeliverEventsAfterAck`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../shared/clock.js';
import { authRoutes } from './routes-auth.js';
import { cardRoutes } from './routes-card.js';
import { dingRoutes } from './routes-ding.js';
import { robotSendRoutes } from './routes-robot-send.js';
import { robotTrackRoutes } from './routes-robot-track.js';
import { sceneGroupRoutes } from './routes-scene-group.js';
import { userRoutes } from './routes-user.js';
import { registerLookup } from './routes-register.js';
import { webhookRoutes } from './routes-webhook.js';
import { yidaRoutes } from './routes-yida.js';
import { SimYida } from './sim-yida.js';
import { clickCard, type CardClick } from './sim-card-click.js';
import { AckedEventRedelivery } from './sim-event-redelivery.js';
import { SimEvents, type SimEventName } from './sim-events.js';
import { SimFaults } from './sim-faults.js';
import { SimOrg } from './sim-org.js';
import { SimPusher } from './sim-push.js';
import { buildRobotMessage, type SayOptions } from './sim-robot-message.js';
import { SentLog, type ReplyFilter } from './sim-sent.js';
import { CallStats, createHttpHandler } from './sim-server.js';
import type { SimCard, SimState } from './sim-state.js';
import { SimStream } from './sim-stream.js';
import { SimTokens } from './sim-tokens.js';
import { resolveOptions, type AckRecord, type SentEntry, type SimulatorOptions } from './sim-types.js';

export const TOPIC_ROBOT = '/v1.0/im/bot/messages/get';

export interface PushedMessage {
  msgId: string;
  frameMessageId: string;
}

export interface Simulator {
  readonly apiBase: string;
  readonly oapiBase: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly robotCode: string;
  readonly corpId: string;
  readonly org: SimOrg;
  readonly faults: SimFaults;
  readonly events: SimEvents;
  /** Everything the bot sent, oldest first. */
  readonly sent: SentEntry[];
  /** Upstream ACKs by frame messageId (a redelivered frame with the same id collects several). */
  readonly acks: Map<string, AckRecord[]>;
  readonly cards: Map<string, SimCard>;
  /** Scene groups by the `uuid` their creator gave (a create with the same uuid answers the same group). */
  readonly sceneGroupUuids: Map<string, string>;
  /** Yida forms: submit instances, serve their form data, send the integration callback (sim-yida.ts). */
  readonly yida: SimYida;
  readonly stats: {
    readonly tokensIssued: number;
    readonly registrations: number;
    readonly connectionsOpened: number;
    /** Sockets open right now. */
    readonly connections: number;
    /** Frames still due for redelivery. */
    readonly pendingRedeliveries: number;
    calls(pathPrefix?: string): number;
  };
  say(groupId: string, userId: string, text: string, opts?: SayOptions): PushedMessage;
  /** A 1:1 message; `{ voice: {} }` sends it as a voice note whose transcript is `text`. */
  dm(userId: string, text: string, opts?: SayOptions): PushedMessage;
  /** Pushes an earlier message again (same data, same msgId, new frame messageId). */
  replay(msgId: string): PushedMessage;
  sendRaw(text: string): void;
  pushEvent(eventType: string, data: unknown, opts?: { eventId?: string }): { messageId: string; eventId: string };
  /** Pushes an earlier event again, as DingTalk may even after an ACK; returns the new frame messageId. */
  redeliverEvent(eventId: string): string;
  clickCard(click: CardClick): Promise<unknown>;
  ping(timeoutMs?: number): Promise<AckRecord[]>;
  sendDisconnectFrame(closeAfterMs?: number): void;
  disconnectAll(): void;
  expireTokens(): void;
  issueAuthCode(userId: string): string;
  markRead(processQueryKey: string, userId: string): void;
  ackFor(messageId: string): AckRecord | undefined;
  nextReply(filter?: ReplyFilter): Promise<SentEntry>;
  waitFor<T = unknown>(name: SimEventName, n?: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const opts = resolveOptions(options, systemClock);
  const events = new SimEvents();
  events.setMaxListeners(0);
  const stream = new SimStream(opts, events);
  const faults = new SimFaults(opts.redeliverEventsAfterAck);
  const again = new AckedEventRedelivery(stream, opts, events, faults);
  const pusher = new SimPusher(stream, opts, events, (messageId, spec) => again.pushed(messageId, spec));
  const org = new SimOrg({ robotCode: opts.robotCode, name: opts.botName }, opts.corpId, opts.clock, (type, data) =>
    pusher.pushEvent(type, data),
  );
  const state: SimState = {
    opts,
    org,
    tokens: new SimTokens(opts.clock, opts.tokenLifetimeMs),
    sent: new SentLog(opts.clock, events),
    cards: new Map(),
    sessions: new Map(),
    stream,
    faults,
    events,
    sceneGroupUuids: new Map(),
    yida: new SimYida(events),
  };
  const calls = new CallStats();
  const routes = [...authRoutes, ...robotSendRoutes, ...robotTrackRoutes, ...cardRoutes, ...userRoutes,
    ...sceneGroupRoutes, ...webhookRoutes, ...dingRoutes, ...yidaRoutes, registerLookup];
  const server = createServer(createHttpHandler(routes, state, calls));
  server.on('upgrade', (req, socket, head) => stream.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  opts.port = (server.address() as AddressInfo).port;
  const apiBase = `http://127.0.0.1:${opts.port}`;
  const oapiBase = `${apiBase}/oapi`;
  const pushedData = new Map<string, string>();
  let closing: Promise<void> | undefined;

  const pushRobot = (built: ReturnType<typeof buildRobotMessage>): PushedMessage => {
    const data = JSON.stringify(built.data);
    const frameMessageId = pusher.push({ type: 'CALLBACK', topic: TOPIC_ROBOT, data }, { redeliver: true });
    state.sessions.set(built.session.id, built.session);
    pushedData.set(String(built.data.msgId), data);
    return { msgId: String(built.data.msgId), frameMessageId };
  };

  return {
    apiBase,
    oapiBase,
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    robotCode: opts.robotCode,
    corpId: opts.corpId,
    org,
    faults: state.faults,
    events,
    sent: state.sent.entries,
    acks: stream.acks,
    cards: state.cards,
    sceneGroupUuids: state.sceneGroupUuids,
    yida: state.yida,
    stats: {
      get tokensIssued() { return state.tokens.issued; },
      get registrations() { return stream.registrations; },
      get connectionsOpened() { return stream.connectionsOpened; },
      get connections() { return stream.connections.size; },
      get pendingRedeliveries() { return pusher.pendingCount + again.pendingCount; },
      calls: (prefix) => calls.calls(prefix),
    },
    say: (groupId, userId, text, sayOpts) =>
      pushRobot(buildRobotMessage(org, opts, oapiBase, { kind: 'group', groupId }, userId, text, sayOpts)),
    dm: (userId, text, sayOpts) => pushRobot(buildRobotMessage(org, opts, oapiBase, { kind: 'dm' }, userId, text, sayOpts)),
    replay(msgId) {
      const data = pushedData.get(msgId);
      if (!data) throw new Error('simulator: unknown msgId');
      return { msgId, frameMessageId: pusher.push({ type: 'CALLBACK', topic: TOPIC_ROBOT, data }, { redeliver: false }) };
    },
    sendRaw(text) {
      const conn = stream.pick({ type: 'SYSTEM', topic: 'raw' });
      if (!conn) throw new Error('simulator: no connected stream client');
      conn.ws.send(text);
    },
    pushEvent: (type, data, eventOpts) => pusher.pushEvent(type, data, eventOpts),
    redeliverEvent: (eventId) => again.redeliver(eventId),
    clickCard: (click) => clickCard(state, pusher, click),
    ping: (timeoutMs) => stream.pingAll(timeoutMs),
    sendDisconnectFrame: (closeAfterMs) => stream.sendDisconnect(closeAfterMs),
    disconnectAll: () => stream.disconnectAll(),
    expireTokens: () => state.tokens.expireAll(),
    issueAuthCode: (userId) => {
      org.requireUser(userId);
      return state.tokens.issueAuthCode(userId);
    },
    markRead: (key, userId) => state.sent.markRead(key, userId),
    ackFor: (messageId) => stream.acks.get(messageId)?.[0],
    nextReply: (filter) => state.sent.nextReply(filter),
    waitFor: (name, n, timeoutMs) => events.waitFor(name, n, timeoutMs),
    close() {
      // Idempotent: a test hook and a harness may both close the same simulator.
      closing ??= (async () => {
        pusher.close();
        again.close();
        stream.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}

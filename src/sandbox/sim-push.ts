/**
 * Pushing CALLBACK and EVENT frames with DingTalk's delivery behaviour: one connection of the app,
 * chosen at random, per push, and re-push of robot messages and events that were not ACKed (or ACKed
 * `LATER` for events) after `redeliveryDelayMs`, up to `maxRedeliveries` times. Events repeated after
 * a correct ACK: sim-event-redelivery.ts.
 */
import { frameMessageId, newEventId } from './sim-ids.js';
import type { FrameSpec } from './sim-frames.js';
import type { SimEvents } from './sim-events.js';
import type { SimStream } from './sim-stream.js';
import type { AckRecord, ResolvedOptions } from './sim-types.js';

interface Pending {
  spec: FrameSpec;
  attempts: number;
  timer?: NodeJS.Timeout;
}

export class SimPusher {
  /** Keyed by the frame messageId currently expected in the ACK. */
  private readonly pending = new Map<string, Pending>();
  private closed = false;

  constructor(
    private readonly stream: SimStream,
    private readonly opts: ResolvedOptions,
    private readonly events: SimEvents,
    /** Told of every first push of an event (for repeats after the ACK, sim-event-redelivery.ts). */
    private readonly onEventPushed?: (messageId: string, spec: FrameSpec) => void,
  ) {
    events.on('ack', (a: AckRecord) => this.onAck(a));
  }

  /** Sends one frame to a chosen connection; throws when no connected client subscribes to it. */
  push(spec: FrameSpec, opts: { redeliver: boolean; messageId?: string }): string {
    const conn = this.stream.pick(spec);
    if (!conn) throw new Error(`simulator: no connected stream client subscribes to ${spec.type} ${spec.topic}`);
    const messageId = opts.messageId ?? frameMessageId();
    this.stream.sendTo(conn, spec, messageId);
    if (opts.redeliver) this.schedule(messageId, { spec, attempts: 0 });
    return messageId;
  }

  pushEvent(eventType: string, data: unknown, opts: { eventId?: string } = {}): { messageId: string; eventId: string } {
    const eventId = opts.eventId ?? newEventId();
    const now = String(this.opts.clock.now());
    const spec: FrameSpec = {
      type: 'EVENT',
      topic: '*',
      data: JSON.stringify(data),
      headers: {
        eventType,
        eventId,
        eventBornTime: now,
        eventCorpId: this.opts.corpId,
        eventUnifiedAppId: this.opts.clientId,
      },
    };
    const messageId = this.push(spec, { redeliver: true });
    this.onEventPushed?.(messageId, spec);
    return { messageId, eventId };
  }

  private schedule(messageId: string, p: Pending): void {
    if (this.closed || p.attempts >= this.opts.maxRedeliveries) {
      this.pending.delete(messageId);
      return;
    }
    p.timer = setTimeout(() => this.redeliver(messageId, p), this.opts.redeliveryDelayMs);
    p.timer.unref();
    this.pending.set(messageId, p);
  }

  private redeliver(messageId: string, p: Pending): void {
    this.pending.delete(messageId);
    const conn = this.stream.pick(p.spec);
    if (!conn) return this.schedule(messageId, p); // nobody connected: try again later
    const nextId = this.opts.redeliverWithNewMessageId ? frameMessageId() : messageId;
    p.attempts++;
    this.stream.sendTo(conn, p.spec, nextId);
    this.events.record('redelivery', { messageId: nextId, previous: messageId, attempt: p.attempts });
    this.schedule(nextId, p);
  }

  private onAck(a: AckRecord): void {
    const p = this.pending.get(a.messageId);
    if (!p || a.code !== 200) return;
    const status = (a.data as { status?: unknown } | undefined)?.status;
    if (p.spec.type === 'EVENT' && status === 'LATER') return; // "failed, push again"
    clearTimeout(p.timer);
    this.pending.delete(a.messageId);
  }

  /** Frames still waiting for an ACK (and so due for redelivery). */
  get pendingCount(): number {
    return this.pending.size;
  }

  close(): void {
    this.closed = true;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }
}

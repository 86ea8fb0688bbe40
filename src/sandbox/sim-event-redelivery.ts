/**
 * Events pushed again after a correct ACK, as DingTalk may do (dingtalk-api.md §1.6, §13): the same
 * EVENT frame (same eventId) to any open connection, which may not be the one that ACKed it. Robot
 * messages and card callbacks never come again once ACKed. A share of ACKed events is repeated when
 * `faults.redeliverEventsAfterAck(rate)` is on; `redeliver(eventId)` repeats one on demand.
 */
import { frameMessageId } from './sim-ids.js';
import type { FrameSpec } from './sim-frames.js';
import type { SimEvents } from './sim-events.js';
import type { SimFaults } from './sim-faults.js';
import type { SimStream } from './sim-stream.js';
import type { AckRecord, ResolvedOptions } from './sim-types.js';

/** Events remembered for a repeat; the oldest are forgotten past this many. */
const REMEMBERED = 10_000;

export class AckedEventRedelivery {
  /** Frames of first pushes (and their un-ACKed re-pushes) whose ACK may bring a repeat. */
  private readonly byFrame = new Map<string, FrameSpec>();
  private readonly byEventId = new Map<string, FrameSpec>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly stream: SimStream,
    private readonly opts: ResolvedOptions,
    private readonly events: SimEvents,
    private readonly faults: SimFaults,
  ) {
    events.on('ack', (a: AckRecord) => this.onAck(a));
    events.on('redelivery', (r: { messageId: string; previous: string; afterAck?: boolean }) => {
      const spec = this.byFrame.get(r.previous);
      if (spec && !r.afterAck) remember(this.byFrame, r.messageId, spec);
    });
  }

  /** Called for every first push of an EVENT frame. */
  pushed(messageId: string, spec: FrameSpec): void {
    remember(this.byFrame, messageId, spec);
    const eventId = spec.headers?.eventId;
    if (eventId) remember(this.byEventId, eventId, spec);
  }

  /**
   * Pushes an earlier event again (same eventId, headers and data) to a randomly chosen connection and
   * returns the new frame's messageId. Throws for an unknown eventId or when nobody is connected.
   */
  redeliver(eventId: string): string {
    const spec = this.byEventId.get(eventId);
    if (!spec) throw new Error(`simulator: unknown eventId ${eventId}`);
    const conn = this.stream.pick(spec);
    if (!conn) throw new Error(`simulator: no connected stream client subscribes to ${spec.type} ${spec.topic}`);
    const frame = this.stream.sendTo(conn, spec, frameMessageId());
    const messageId = frame.headers.messageId!;
    this.events.record('redelivery', { messageId, eventId, afterAck: true, connectionId: conn.connectionId });
    return messageId;
  }

  private onAck(a: AckRecord): void {
    const spec = this.byFrame.get(a.messageId);
    if (!spec || a.code !== 200) return;
    if ((a.data as { status?: unknown } | undefined)?.status === 'LATER') return; // the pusher pushes it again
    this.byFrame.delete(a.messageId); // one draw per ACKed event
    const rate = this.faults.eventRedeliveryRate;
    if (this.closed || rate <= 0 || this.opts.redeliveryRandom() >= rate) return;
    const eventId = spec.headers?.eventId;
    if (!eventId) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      try {
        this.redeliver(eventId);
      } catch {
        // nobody connected any more: DingTalk would simply not deliver this duplicate
      }
    }, this.opts.ackedEventRedeliveryDelayMs);
    t.unref();
    this.timers.add(t);
  }

  /** Repeats still waiting for their delay. */
  get pendingCount(): number {
    return this.timers.size;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > REMEMBERED) map.delete(map.keys().next().value!);
}

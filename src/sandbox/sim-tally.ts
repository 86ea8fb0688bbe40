/**
 * Delivery accounting for reliability runs: which robot messages were pushed, which of their frames
 * were ACKed, which frames had to be pushed again because no ACK came, and how many replies each
 * message got (session-webhook replies carry the msgId of their session).
 */
import type { SimEvents } from './sim-events.js';
import type { AckRecord, SentEntry } from './sim-types.js';

export interface TallySummary {
  pushed: number;
  /** Messages with at least one frame ACKed (code 200). */
  acked: number;
  /** ACKed, yet never answered: a message we promised to apply and did not. */
  ackedLost: number;
  /** Pushed and never answered, ACKed or not. */
  unanswered: number;
  /** Replies beyond the first, summed over messages. */
  duplicates: number;
  /** The most replies any one message got. */
  maxReplies: number;
  /** Messages with a frame the platform had to push again because it was never ACKed. */
  rePushed: number;
}

export class DeliveryTally {
  private readonly msgOfFrame = new Map<string, string>();
  private readonly pushedIds = new Set<string>();
  private readonly ackedIds = new Set<string>();
  private readonly rePushedIds = new Set<string>();
  private readonly replies = new Map<string, number>();

  constructor(events: SimEvents) {
    events.on('ack', (a: AckRecord) => {
      const msgId = this.msgOfFrame.get(a.messageId);
      if (msgId && a.code === 200) this.ackedIds.add(msgId);
    });
    events.on('redelivery', (r: { messageId: string; previous: string }) => {
      const msgId = this.msgOfFrame.get(r.previous);
      if (!msgId) return;
      this.rePushedIds.add(msgId);
      this.msgOfFrame.set(r.messageId, msgId);
    });
    events.on('sent', (e: SentEntry) => {
      if (e.inReplyTo) this.replies.set(e.inReplyTo, (this.replies.get(e.inReplyTo) ?? 0) + 1);
    });
  }

  /** Registers a frame carrying `msgId` (a first push, a replay, or a redelivery with a new id). */
  pushed(msgId: string, frameMessageId: string): void {
    this.pushedIds.add(msgId);
    this.msgOfFrame.set(frameMessageId, msgId);
  }

  repliesTo(msgId: string): number {
    return this.replies.get(msgId) ?? 0;
  }

  /** Pushed messages not answered yet. */
  get waiting(): number {
    let n = 0;
    for (const id of this.pushedIds) if (!this.replies.has(id)) n++;
    return n;
  }

  summary(): TallySummary {
    let ackedLost = 0;
    let unanswered = 0;
    let duplicates = 0;
    let maxReplies = 0;
    for (const id of this.pushedIds) {
      const n = this.repliesTo(id);
      if (n === 0) unanswered++;
      if (n === 0 && this.ackedIds.has(id)) ackedLost++;
      duplicates += Math.max(0, n - 1);
      maxReplies = Math.max(maxReplies, n);
    }
    return { pushed: this.pushedIds.size, acked: this.ackedIds.size, ackedLost, unanswered, duplicates, maxReplies, rePushed: this.rePushedIds.size };
  }
}

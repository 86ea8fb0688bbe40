/**
 * The log of everything the bot sent, plus the per-message state DingTalk keeps behind a
 * processQueryKey (who it went to, who read it, whether it was recalled).
 */
import type { Clock } from '../shared/clock.js';
import type { SimEvents } from './sim-events.js';
import type { SentEntry, SentVia } from './sim-types.js';

export interface SentMessage {
  processQueryKey: string;
  kind: 'group' | 'oto';
  conversationId?: string;
  userIds: string[];
  readBy: Map<string, number>;
  recalled: boolean;
  entry: SentEntry;
}

export interface ReplyFilter {
  conversationId?: string;
  userId?: string;
  /** Which kinds count; default every real message (`webhook`, `group`, `oto`, `card`). */
  via?: SentVia | SentVia[];
  /** Only messages sent after this call count (older unconsumed ones are skipped, not consumed). */
  newOnly?: boolean;
  timeoutMs?: number;
}

const MESSAGE_VIAS: SentVia[] = ['webhook', 'group', 'oto', 'card'];

export class SentLog {
  readonly entries: SentEntry[] = [];
  readonly messages = new Map<string, SentMessage>();
  /** Entry ids already handed out by nextReply. */
  private readonly consumed = new Set<number>();
  private nextId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly events: SimEvents,
  ) {}

  add(e: Omit<SentEntry, 'id' | 'at'>): SentEntry {
    const entry: SentEntry = { ...e, id: this.nextId++, at: this.clock.now() };
    this.entries.push(entry);
    if (entry.processQueryKey && (entry.via === 'group' || entry.via === 'oto')) {
      this.messages.set(entry.processQueryKey, {
        processQueryKey: entry.processQueryKey,
        kind: entry.via,
        conversationId: entry.conversationId,
        userIds: entry.userIds ?? [],
        readBy: new Map(),
        recalled: false,
        entry,
      });
    }
    this.events.record('sent', entry);
    return entry;
  }

  /** Marks a message recalled; false when the key is unknown or belongs to another kind. */
  recall(processQueryKey: string, kind: 'group' | 'oto', conversationId?: string): boolean {
    const m = this.messages.get(processQueryKey);
    if (!m || m.kind !== kind) return false;
    if (kind === 'group' && conversationId !== undefined && m.conversationId !== conversationId) return false;
    m.recalled = true;
    m.entry.recalled = true;
    return true;
  }

  markRead(processQueryKey: string, userId: string): void {
    const m = this.messages.get(processQueryKey);
    if (!m) throw new Error(`simulator: unknown processQueryKey`);
    if (!m.readBy.has(userId)) m.readBy.set(userId, this.clock.now());
  }

  /**
   * Resolves with the oldest matching entry not yet returned by an earlier nextReply, waiting for a
   * new one if there is none. Each entry is handed out once.
   */
  nextReply(filter: ReplyFilter = {}): Promise<SentEntry> {
    const vias = filter.via === undefined ? MESSAGE_VIAS : [filter.via].flat();
    const matches = (e: SentEntry): boolean =>
      !this.consumed.has(e.id) &&
      vias.includes(e.via) &&
      (filter.conversationId === undefined || e.conversationId === filter.conversationId) &&
      (filter.userId === undefined || (e.userIds ?? []).includes(filter.userId));
    const take = (e: SentEntry): SentEntry => {
      this.consumed.add(e.id);
      return e;
    };
    const existing = filter.newOnly ? undefined : this.entries.find(matches);
    if (existing) return Promise.resolve(take(existing));
    const timeoutMs = filter.timeoutMs ?? 5_000;
    return new Promise((resolve, reject) => {
      const onSent = (e: SentEntry): void => {
        if (!matches(e)) return;
        clearTimeout(timer);
        this.events.off('sent', onSent);
        resolve(take(e));
      };
      const timer = setTimeout(() => {
        this.events.off('sent', onSent);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for a reply matching ${JSON.stringify(filter)}`));
      }, timeoutMs);
      this.events.on('sent', onSent);
    });
  }
}

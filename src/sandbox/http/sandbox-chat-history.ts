/**
 * Where the sandbox chat keeps its history across restarts (sandbox mode with a running service): each
 * item — a user's message, or a bot message with its card as the simulator last held it — sealed under
 * the vault keyring like any chat text, one row per item, written again when it changes.
 */
import type { ChatHistoryRepository } from '../../domain/chat-history/chat-history-repository.js';
import type { InboxCipher } from '../../domain/inbox/inbox-cipher.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { SimCard } from '../sim-state.js';
import type { SentEntry } from '../sim-types.js';

/** One chat item as the log keeps it; `card` is the card's state when it was last saved. */
export type ChatItem =
  | { kind: 'user'; id: number; rev: number; conversation: string; userId: string; text: string; atUserIds: string[]; at: number }
  | { kind: 'bot'; id: number; rev: number; entry: SentEntry; recalled: boolean; card?: SimCard };

export interface ChatHistory {
  /** Every stored item in chat order (items that no longer open are left out and logged). */
  load(): Promise<ChatItem[]>;
  /** Stores the item's current state; never throws (a failed write is logged, the chat goes on). */
  save(item: ChatItem): Promise<void>;
}

/** The AAD topic: a sealed item opens only as the sandbox chat item of its own number. */
const TOPIC = 'sandbox.chat';

export function createSealedChatHistory(deps: {
  repo: Pick<ChatHistoryRepository, 'all' | 'put'>;
  cipher: InboxCipher;
  clock: Clock;
  logger: Logger;
}): ChatHistory {
  const { repo, cipher, clock, logger } = deps;
  return {
    async load() {
      const items: ChatItem[] = [];
      for (const row of await repo.all()) {
        try {
          items.push(JSON.parse(await cipher.open(String(row.id), TOPIC, row.payload)) as ChatItem);
        } catch (err) {
          logger.warn({ code: 'sandbox.chat_item_unreadable', id: row.id, err: (err as Error).message }, 'sandbox chat item skipped');
        }
      }
      return items;
    },
    async save(item) {
      try {
        await repo.put({ id: item.id, payload: await cipher.seal(String(item.id), TOPIC, JSON.stringify(item)), updatedAt: clock.now() });
      } catch (err) {
        logger.warn({ code: 'sandbox.chat_item_not_saved', id: item.id, err: (err as Error).message }, 'sandbox chat item not saved');
      }
    },
  };
}

/**
 * Where the sandbox chat keeps its history across restarts (sandbox mode with a running service): each
 * item — a user's message, or a bot message with its card as the simulator last held it — sealed under
 * the vault keyring like any chat text, one row per item, written again when it changes; and the groups
 * made in the chat, sealed the same way, so they are there again with their messages.
 */
import type { InboxCipher } from '../../domain/inbox/inbox-cipher.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { ChatHistoryRepository } from '../../domain/chat-history/chat-history-repository.js';
import { CHAT_GROUP_TOPIC, CHAT_ITEM_TOPIC } from '../../domain/chat-history/chat-history-topics.js';
import type { SimCard } from '../sim-state.js';
import type { SentEntry, SimGroup } from '../sim-types.js';

/** One chat item as the log keeps it; `card` is the card's state when it was last saved. */
export type ChatItem =
  | { kind: 'user'; id: number; rev: number; conversation: string; userId: string; text: string; atUserIds: string[]; at: number }
  | { kind: 'bot'; id: number; rev: number; entry: SentEntry; recalled: boolean; card?: SimCard };

export interface ChatHistory {
  /** Every stored item in chat order (items that no longer open are left out and logged). */
  load(): Promise<ChatItem[]>;
  /** Stores the item's current state; never throws (a failed write is logged, the chat goes on). */
  save(item: ChatItem): Promise<void>;
  /** Every group made in the chat (groups that no longer open are left out and logged). */
  loadGroups(): Promise<SavedGroup[]>;
  /** Stores a group made in the chat; never throws. */
  saveGroup(group: SavedGroup): Promise<void>;
  /** The group was written in (keeps it from retention as long as its messages); never throws. */
  touchGroup(id: string): Promise<void>;
}

/** A group made in the chat or by the service (a scene group, with the uuid it was made under), as it is stored. */
export type SavedGroup = Pick<SimGroup, 'openConversationId' | 'title' | 'memberIds' | 'ownerId'> & { uuid?: string };

const TOPIC = CHAT_ITEM_TOPIC;

export function createSealedChatHistory(deps: {
  repo: Pick<ChatHistoryRepository, 'all' | 'put' | 'groups' | 'putGroup' | 'touchGroup'>;
  cipher: Pick<InboxCipher, 'seal' | 'open'>;
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
    async loadGroups() {
      const groups: SavedGroup[] = [];
      for (const row of await repo.groups()) {
        try {
          groups.push(JSON.parse(await cipher.open(row.id, CHAT_GROUP_TOPIC, row.payload)) as SavedGroup);
        } catch (err) {
          logger.warn({ code: 'sandbox.chat_group_unreadable', id: row.id, err: (err as Error).message }, 'sandbox chat group skipped');
        }
      }
      return groups;
    },
    async saveGroup(group) {
      const id = group.openConversationId;
      try {
        await repo.putGroup({ id, payload: await cipher.seal(id, CHAT_GROUP_TOPIC, JSON.stringify(group)), updatedAt: clock.now() });
      } catch (err) {
        logger.warn({ code: 'sandbox.chat_group_not_saved', id, err: (err as Error).message }, 'sandbox chat group not saved');
      }
    },
    async touchGroup(id) {
      try {
        await repo.touchGroup(id, clock.now());
      } catch (err) {
        logger.warn({ code: 'sandbox.chat_group_not_touched', id, err: (err as Error).message }, 'sandbox chat group not touched');
      }
    },
  };
}

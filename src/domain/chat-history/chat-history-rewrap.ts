import type { InboxCipher } from '../inbox/inbox-cipher.js';
import type { ChatHistoryRepository, SealedChatRow } from './chat-history-repository.js';
import { CHAT_GROUP_TOPIC, CHAT_ITEM_TOPIC } from './chat-history-topics.js';

export interface ChatRewrapResult {
  /** Sealed rows looked at (items and groups). */
  total: number;
  rewrapped: number;
  /** Rows whose key could not be unwrapped (its KEK version is missing or the row is damaged): `item:<n>`, `group:<id>`. */
  failed: string[];
}

const BATCH = 200;

/**
 * Key rotation for the sandbox chat's history (items and groups): every row whose data key is not
 * under the keyring's current KEK gets it re-wrapped (`InboxCipher.rewrap`); the sealed text is never
 * opened. Each row is replaced only if it did not change meanwhile (a chat write in between is already
 * under the current key), so the run is safe beside a running sandbox and can simply be run again.
 */
export async function rewrapChatHistory(deps: { repo: Pick<ChatHistoryRepository, 'itemsAfter' | 'groupsAfter' | 'replacePayload'>; cipher: Pick<InboxCipher, 'rewrap'> }): Promise<ChatRewrapResult> {
  const result: ChatRewrapResult = { total: 0, rewrapped: 0, failed: [] };
  const one = async (row: SealedChatRow, topic: string) => {
    result.total++;
    try {
      const next = await deps.cipher.rewrap(String(row.id), topic, row.payload);
      if (next !== null && (await deps.repo.replacePayload({ ...row, payload: next }, row.payload))) result.rewrapped++;
    } catch {
      result.failed.push(`${row.table}:${row.id}`);
    }
  };
  for (let after = 0; ; ) {
    const rows = await deps.repo.itemsAfter(after, BATCH);
    if (rows.length === 0) break;
    for (const r of rows) await one({ table: 'item', id: r.id, payload: r.payload }, CHAT_ITEM_TOPIC);
    after = rows[rows.length - 1]!.id;
  }
  for (let after = ''; ; ) {
    const rows = await deps.repo.groupsAfter(after, BATCH);
    if (rows.length === 0) break;
    for (const r of rows) await one({ table: 'group', id: r.id, payload: r.payload }, CHAT_GROUP_TOPIC);
    after = rows[rows.length - 1]!.id;
  }
  return result;
}

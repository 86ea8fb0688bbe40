import { afterEach, describe, expect, it } from 'vitest';
import { rotationFolder, runKeys } from '../helpers/keys-cli.js';
import { openDatabase, type DbHandle } from '../../src/db/client.js';
import { createChatHistoryRepository } from '../../src/domain/chat-history/chat-history-repository.js';
import { sandboxChatGroups, sandboxChatItems } from '../../src/domain/chat-history/chat-history-tables.js';
import { CHAT_ITEM_TOPIC } from '../../src/domain/chat-history/chat-history-topics.js';
import { createInboxCipher } from '../../src/domain/inbox/inbox-cipher.js';
import { openLocalKeyring } from '../../src/domain/vault/open-keyring.js';
import { createSealedChatHistory, type ChatItem, type SavedGroup } from '../../src/sandbox/http/sandbox-chat-history.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/**
 * Issue 12 item 10: the sandbox chat's stored history (messages and groups) is sealed under the vault
 * keyring, so a KEK rotation must re-wrap it too — with MASTER_KEY, the old key is no longer supplied
 * after a rotation, and anything still under it would never open again.
 */
describe('key rotation and the sandbox chat history', { timeout: 60_000 }, () => {
  it('When `keys rotate` runs under MASTER_KEY, then the history and groups still open with the new key alone', async () => {
    const { keyDir, url, oldKey, newKey, cleanup } = rotationFolder('cb-chat-rewrap-');
    cleanups.push(cleanup);
    const history = (dbh: DbHandle, masterKey: string) => {
      const cipher = createInboxCipher(openLocalKeyring({ dir: keyDir, masterKey }));
      return { cipher, history: createSealedChatHistory({ repo: createChatHistoryRepository(dbh.db, dbh.store), cipher, clock: new ManualClock(), logger: silentLogger }) };
    };

    const first = openDatabase(url);
    const items: ChatItem[] = [1, 2].map((id) => ({ kind: 'user', id, rev: id, conversation: 'bot', userId: 'qmh-chan-taiman', text: `chat text ${id}`, atUserIds: [], at: id }));
    const group: SavedGroup = { openConversationId: 'cidRewrapTest==', title: 'Ward round', memberIds: ['qmh-chan-taiman'], ownerId: 'qmh-chan-taiman' };
    const { history: before } = history(first, oldKey);
    for (const it of items) await before.save(it);
    await before.saveGroup(group);
    const underOldKey = first.db.select().from(sandboxChatItems).all()[0]!.payload;
    expect(underOldKey).toMatch(/^v1\.1\./);
    first.close();

    const rotate = runKeys(['rotate'], { DATABASE_URL: url, KEY_DIR: keyDir, MASTER_KEY: oldKey, MASTER_KEY_NEXT: newKey });
    expect(rotate.stdout).toContain('Re-wrapped 3 of 3 sandbox chat rows (messages and groups).');
    expect(rotate.code).toBe(0);

    const second = openDatabase(url);
    cleanups.unshift(second.close);
    const rows = [...second.db.select().from(sandboxChatItems).all(), ...second.db.select().from(sandboxChatGroups).all()];
    for (const r of rows) expect(r.payload).toMatch(/^v1\.2\./);
    const { history: after, cipher } = history(second, newKey);
    expect(await after.load()).toEqual(items);
    expect(await after.loadGroups()).toEqual([group]);
    // Without the re-wrap, a row under the old key does not open with the new key alone.
    await expect(cipher.open('1', CHAT_ITEM_TOPIC, underOldKey)).rejects.toThrow();

    const again = runKeys(['rewrap'], { DATABASE_URL: url, KEY_DIR: keyDir, MASTER_KEY: newKey });
    expect(again.stdout).toContain('Re-wrapped 0 of 3 sandbox chat rows (messages and groups).');
    expect(again.code).toBe(0);
  });
});

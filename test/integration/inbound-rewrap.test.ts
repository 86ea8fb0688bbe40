import { afterEach, describe, expect, it } from 'vitest';
import { rotationFolder, runKeys } from '../helpers/keys-cli.js';
import { openDatabase } from '../../src/db/client.js';
import { createInboxCipher } from '../../src/domain/inbox/inbox-cipher.js';
import { createInboxRepository } from '../../src/domain/inbox/inbox-repository.js';
import { openLocalKeyring } from '../../src/domain/vault/open-keyring.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/**
 * Inbound messages are recorded sealed under the vault keyring before their frame is ACKed
 * (inbox-claims.ts); one not yet processed when a KEK rotation runs under MASTER_KEY must be re-wrapped
 * too, or it would never open again once the old key is no longer supplied.
 */
describe('key rotation and the sealed inbound messages', { timeout: 60_000 }, () => {
  it('When `keys rotate` runs under MASTER_KEY, then an unfinished inbound message still opens with the new key alone', async () => {
    const { keyDir, url, oldKey, newKey, cleanup } = rotationFolder('cb-inbound-rewrap-');
    cleanups.push(cleanup);
    const cipherUnder = (masterKey: string) => createInboxCipher(openLocalKeyring({ dir: keyDir, masterKey }));
    const body = JSON.stringify({ text: { content: 'inbound chat text' } });
    const row = (msgId: string, payload: string) => ({ msgId, topic: 'robot', payload, owner: 'i-1', now: 1, leaseUntil: 2 });

    const first = openDatabase(url);
    const repo = createInboxRepository(first.db, first.store);
    const sealed = await cipherUnder(oldKey).seal('msg-a', 'robot', body);
    expect(sealed).toMatch(/^v1\.1\./);
    await repo.record(row('msg-a', sealed));
    // A row from before payloads were sealed (plain JSON) and a finished claim (no payload) are left alone.
    await repo.record(row('msg-b', body));
    await repo.record(row('msg-c', await cipherUnder(oldKey).seal('msg-c', 'robot', body)));
    await repo.finish('msg-c', 'done', 3);
    first.close();

    const rotate = runKeys(['rotate'], { DATABASE_URL: url, KEY_DIR: keyDir, MASTER_KEY: oldKey, MASTER_KEY_NEXT: newKey });
    expect(rotate.stdout).toContain('Re-wrapped 1 of 1 sealed inbound messages.');
    expect(rotate.code).toBe(0);

    const second = openDatabase(url);
    cleanups.unshift(second.close);
    const after = createInboxRepository(second.db, second.store);
    const payload = (await after.find('msg-a'))!.payload!;
    expect(payload).toMatch(/^v1\.2\./);
    const cipher = cipherUnder(newKey);
    expect(await cipher.open('msg-a', 'robot', payload)).toBe(body);
    // Without the re-wrap, the payload under the old key does not open with the new key alone.
    await expect(cipher.open('msg-a', 'robot', sealed)).rejects.toThrow();
    expect((await after.find('msg-b'))!.payload).toBe(body);
    expect((await after.find('msg-c'))!.payload).toBeNull();

    const again = runKeys(['rewrap'], { DATABASE_URL: url, KEY_DIR: keyDir, MASTER_KEY: newKey });
    expect(again.stdout).toContain('Re-wrapped 0 of 1 sealed inbound messages.');
    expect(again.code).toBe(0);
  });
});

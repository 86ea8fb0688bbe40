import { describe, expect, it } from 'vitest';
import { createTextCipher } from '../../src/domain/burn/text-cipher.js';
import { LocalKeyring } from '../../src/domain/vault/local-keyring.js';
import { newDataKey } from '../../src/domain/vault/envelope.js';

const keyring = () => new LocalKeyring(new Map([[1, newDataKey()]]), 1);
const flip = (b: Buffer) => {
  const c = Buffer.from(b);
  c[0] = c[0]! ^ 1;
  return c;
};

describe('burn-after-reading text cipher', () => {
  it('round-trips text under a fresh data key per item, and the ciphertext does not contain it', async () => {
    const cipher = createTextCipher(keyring());
    const text = '對青黴素過敏 — penicillin anaphylaxis';
    const a = await cipher.seal('item-1', 'case-1', text);
    const b = await cipher.seal('item-2', 'case-1', text);
    expect(a.wrappedKey.equals(b.wrappedKey)).toBe(false);
    expect(a.ciphertext.toString('utf8')).not.toContain('penicillin');
    expect(await cipher.open('item-1', 'case-1', a)).toBe(text);
  });

  it('refuses a sealed text moved to another item or case, or altered in any part', async () => {
    const cipher = createTextCipher(keyring());
    const s = await cipher.seal('item-1', 'case-1', 'secret');
    await expect(cipher.open('item-2', 'case-1', s)).rejects.toThrow();
    await expect(cipher.open('item-1', 'case-2', s)).rejects.toThrow();
    for (const part of ['wrappedKey', 'iv', 'tag', 'ciphertext'] as const) {
      await expect(cipher.open('item-1', 'case-1', { ...s, [part]: flip(s[part]) })).rejects.toThrow();
    }
  });

  it('cannot open without the KEK that wrapped the key (another keyring)', async () => {
    const s = await createTextCipher(keyring()).seal('item-1', 'case-1', 'secret');
    await expect(createTextCipher(keyring()).open('item-1', 'case-1', s)).rejects.toThrow();
  });
});

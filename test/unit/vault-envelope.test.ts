import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentAad,
  dataKeyAad,
  newDataKey,
  packSealed,
  seal,
  unpackSealed,
  unseal,
  type Sealed,
} from '../../src/domain/vault/envelope.js';
import { LocalKeyring } from '../../src/domain/vault/local-keyring.js';

const flip = (b: Buffer, i = 0): Buffer => {
  const c = Buffer.from(b);
  c[i] = c[i]! ^ 0x01;
  return c;
};

describe('content encryption (AES-256-GCM, AAD = document id + case id)', () => {
  const key = newDataKey();
  const plaintext = Buffer.from('%PDF-1.7 pretend clinical letter');
  const aad = contentAad('doc-1', 'case-1');
  const sealed = seal(key, plaintext, aad);

  it('When sealed and unsealed with the same key and AAD, then the plaintext comes back', () => {
    expect(unseal(key, sealed, aad).equals(plaintext)).toBe(true);
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.tag).toHaveLength(16);
    expect(sealed.ciphertext.includes(plaintext)).toBe(false);
  });

  it('When the same plaintext is sealed twice, then IVs and ciphertexts differ', () => {
    const again = seal(key, plaintext, aad);
    expect(again.iv.equals(sealed.iv)).toBe(false);
    expect(again.ciphertext.equals(sealed.ciphertext)).toBe(false);
  });

  const tampered: [string, () => Buffer][] = [
    ['a ciphertext byte is flipped', () => unseal(key, { ...sealed, ciphertext: flip(sealed.ciphertext, 5) }, aad)],
    ['the AAD names another document', () => unseal(key, sealed, contentAad('doc-2', 'case-1'))],
    ['the AAD names another case', () => unseal(key, sealed, contentAad('doc-1', 'case-2'))],
    ['the AAD fields are shifted ("doc-1c","ase-1")', () => unseal(key, sealed, contentAad('doc-1c', 'ase-1'))],
    ['the tag is altered', () => unseal(key, { ...sealed, tag: flip(sealed.tag, 15) }, aad)],
    ['the tag is truncated', () => unseal(key, { ...sealed, tag: sealed.tag.subarray(0, 12) }, aad)],
    ['the IV is altered', () => unseal(key, { ...sealed, iv: flip(sealed.iv) }, aad)],
    ['another data key is used', () => unseal(newDataKey(), sealed, aad)],
  ];
  it.each(tampered)('When %s, then decryption throws', (_name, attempt) => {
    expect(attempt).toThrow();
  });

  it('For any plaintext and ids, round trip holds and any other case id fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.string(), fc.string(), fc.string(), (bytes, doc, cs, other) => {
        fc.pre(other !== cs);
        const k = newDataKey();
        const s = seal(k, Buffer.from(bytes), contentAad(doc, cs));
        expect(unseal(k, s, contentAad(doc, cs)).equals(Buffer.from(bytes))).toBe(true);
        expect(() => unseal(k, s, contentAad(doc, other))).toThrow();
      }),
      { numRuns: 50 },
    );
  });

  it('packSealed/unpackSealed round trip', () => {
    const back: Sealed = unpackSealed(packSealed(sealed));
    expect(unseal(key, back, aad).equals(plaintext)).toBe(true);
  });
});

describe('data-key wrapping (AAD = document id + KEK version)', () => {
  const dataKey = newDataKey();
  const aad = dataKeyAad('doc-1');

  it('When wrapped and unwrapped, then the data key comes back under the current version', async () => {
    const keyring = new LocalKeyring(new Map([[1, randomBytes(32)]]), 1);
    const w = await keyring.wrap(dataKey, aad);
    expect(w.version).toBe(1);
    expect(w.wrapped.includes(dataKey)).toBe(false);
    expect((await keyring.unwrap(1, w.wrapped, aad)).equals(dataKey)).toBe(true);
  });

  it('When presented under another version, then unwrap fails even if both versions share key material', async () => {
    // Same bytes for v1 and v2: only the version inside the AAD can tell them apart.
    const kek = randomBytes(32);
    const keyring = new LocalKeyring(new Map([[1, kek], [2, kek]]), 1);
    const w = await keyring.wrap(dataKey, aad);
    await expect(keyring.unwrap(2, w.wrapped, aad)).rejects.toThrow();
    await expect(keyring.unwrap(1, w.wrapped, aad)).resolves.toEqual(dataKey);
  });

  it('When the wrapped key is modified, or the AAD names another document, then unwrap fails', async () => {
    const keyring = new LocalKeyring(new Map([[1, randomBytes(32)]]), 1);
    const w = await keyring.wrap(dataKey, aad);
    for (let i = 0; i < w.wrapped.length; i += 7) {
      await expect(keyring.unwrap(1, flip(w.wrapped, i), aad)).rejects.toThrow();
    }
    await expect(keyring.unwrap(1, w.wrapped, dataKeyAad('doc-2'))).rejects.toThrow();
  });

  it('When the version is unknown, then unwrap fails with vault.decrypt_failed', async () => {
    const keyring = new LocalKeyring(new Map([[1, randomBytes(32)]]), 1);
    const w = await keyring.wrap(dataKey, aad);
    await expect(keyring.unwrap(9, w.wrapped, aad)).rejects.toMatchObject({ code: 'vault.decrypt_failed' });
  });

  it('When an in-memory keyring rotates, then new wraps use the new version and old ones still open', async () => {
    const keyring = new LocalKeyring(new Map([[1, randomBytes(32)]]), 1);
    const old = await keyring.wrap(dataKey, aad);
    expect(await keyring.rotate()).toEqual({ version: 2, created: true });
    const fresh = await keyring.wrap(dataKey, aad);
    expect(fresh.version).toBe(2);
    expect((await keyring.unwrap(1, old.wrapped, aad)).equals(dataKey)).toBe(true);
    await expect(keyring.unwrap(2, old.wrapped, aad)).rejects.toThrow();
  });
});

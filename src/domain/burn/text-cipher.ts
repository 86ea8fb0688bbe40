import { contentAad, dataKeyAad, newDataKey, seal, unseal } from '../vault/envelope.js';
import type { KeyEncryptionProvider } from '../vault/key-provider.js';

export interface SealedText {
  kekVersion: number;
  wrappedKey: Buffer;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/**
 * Envelope encryption for burn-after-reading text, the same scheme as the vault: a fresh data key per
 * item, wrapped by the keyring's current KEK. The AAD binds the text to its item and case and the key
 * to its item, so rows cannot be swapped. Erasing the wrapped key makes the ciphertext noise.
 */
export function createTextCipher(keyring: KeyEncryptionProvider) {
  return {
    async seal(itemId: string, caseId: string, text: string): Promise<SealedText> {
      const dataKey = newDataKey();
      try {
        const sealed = seal(dataKey, Buffer.from(text, 'utf8'), contentAad(itemId, caseId));
        const wrapped = await keyring.wrap(dataKey, dataKeyAad(itemId));
        return { kekVersion: wrapped.version, wrappedKey: wrapped.wrapped, ...sealed };
      } finally {
        dataKey.fill(0);
      }
    },

    /** Throws a plain Error on any mismatch; the caller turns it into a coded error. */
    async open(itemId: string, caseId: string, s: SealedText): Promise<string> {
      const dataKey = await keyring.unwrap(s.kekVersion, s.wrappedKey, dataKeyAad(itemId));
      try {
        return unseal(dataKey, { iv: s.iv, ciphertext: s.ciphertext, tag: s.tag }, contentAad(itemId, caseId)).toString('utf8');
      } finally {
        dataKey.fill(0);
      }
    },
  };
}

export type TextCipher = ReturnType<typeof createTextCipher>;

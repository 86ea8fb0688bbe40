import { dataKeyAad, newDataKey, packSealed, seal, unpackSealed, unseal } from '../vault/envelope.js';
import type { KeyEncryptionProvider } from '../vault/key-provider.js';

/**
 * Envelope encryption for inbound messages kept while they are processed (they carry chat text): a
 * fresh data key per message, wrapped by the vault keyring's current KEK, like documents. The AAD binds
 * the text and the key to the message id and topic, so a payload copied into another row does not open.
 * Stored as one text column: `v1.<kekVersion>.<base64 wrapped key>.<base64 iv|ciphertext|tag>`.
 */
const VERSION = 'v1';

const keyAad = (msgId: string, topic: string) => dataKeyAad(`inbox\0${topic}\0${msgId}`);
const textAad = (msgId: string, topic: string) => Buffer.from(`cb.inbox.payload.v1\0${topic}\0${msgId}`, 'utf8');

export interface InboxCipher {
  seal(msgId: string, topic: string, plaintext: string): Promise<string>;
  /** Throws on any mismatch (other row, altered bytes, unknown KEK version). */
  open(msgId: string, topic: string, sealed: string): Promise<string>;
  /**
   * The same payload with its data key re-wrapped under the keyring's current KEK (key rotation), or
   * null when it is already under it. The text is neither read nor re-encrypted. Throws like `open`.
   */
  rewrap(msgId: string, topic: string, sealed: string): Promise<string | null>;
}

export function createInboxCipher(keyring: KeyEncryptionProvider): InboxCipher {
  return {
    async seal(msgId, topic, plaintext) {
      const dataKey = newDataKey();
      try {
        const body = packSealed(seal(dataKey, Buffer.from(plaintext, 'utf8'), textAad(msgId, topic)));
        const wrapped = await keyring.wrap(dataKey, keyAad(msgId, topic));
        return [VERSION, String(wrapped.version), wrapped.wrapped.toString('base64'), body.toString('base64')].join('.');
      } finally {
        dataKey.fill(0);
      }
    },

    async open(msgId, topic, sealed) {
      const [version, kek, wrapped, body] = sealed.split('.');
      if (version !== VERSION || !kek || !wrapped || !body) throw new Error('not a sealed inbox payload');
      const dataKey = await keyring.unwrap(Number(kek), Buffer.from(wrapped, 'base64'), keyAad(msgId, topic));
      try {
        return unseal(dataKey, unpackSealed(Buffer.from(body, 'base64')), textAad(msgId, topic)).toString('utf8');
      } finally {
        dataKey.fill(0);
      }
    },

    async rewrap(msgId, topic, sealed) {
      const [version, kek, wrapped, body] = sealed.split('.');
      if (version !== VERSION || !kek || !wrapped || !body) throw new Error('not a sealed inbox payload');
      if (Number(kek) === keyring.currentVersion()) return null;
      const dataKey = await keyring.unwrap(Number(kek), Buffer.from(wrapped, 'base64'), keyAad(msgId, topic));
      try {
        const next = await keyring.wrap(dataKey, keyAad(msgId, topic));
        return [VERSION, String(next.version), next.wrapped.toString('base64'), body].join('.');
      } finally {
        dataKey.fill(0);
      }
    },
  };
}

import { packSealed, seal, unpackSealed, unseal } from '../../domain/vault/envelope.js';
import { DomainError } from '../../shared/errors.js';

/**
 * AES-256-GCM for queued EHR payloads (they name the patient) with a key of their own
 * (KEY_DIR/ehr-queue.key). The AAD binds a ciphertext to its row id and kind, so a payload copied
 * into another row does not open. Stored as `v1.<base64 iv|ciphertext|tag>`.
 */
export interface PayloadCipher {
  seal(rowId: string, kind: string, plaintext: string): string;
  open(rowId: string, kind: string, sealed: string): string;
}

const VERSION = 'v1';

// NUL separators: neither a UUID nor a kind contains one, so the fields cannot run together.
const aad = (rowId: string, kind: string) => Buffer.from(`cb.ehr.pending.v1\0${rowId}\0${kind}`, 'utf8');

export function createPayloadCipher(key: Buffer): PayloadCipher {
  if (key.length !== 32) throw new DomainError('config.invalid', 'ehr queue key must be 32 bytes');
  return {
    seal(rowId, kind, plaintext) {
      return `${VERSION}.${packSealed(seal(key, Buffer.from(plaintext, 'utf8'), aad(rowId, kind))).toString('base64')}`;
    },
    open(rowId, kind, sealed) {
      const [version, b64] = sealed.split('.', 2);
      try {
        if (version !== VERSION || !b64) throw new Error('not a v1 payload');
        return unseal(key, unpackSealed(Buffer.from(b64, 'base64')), aad(rowId, kind)).toString('utf8');
      } catch (cause) {
        throw new DomainError('internal', 'queued EHR payload failed authentication', { cause });
      }
    },
  };
}

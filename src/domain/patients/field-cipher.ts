import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '../../shared/errors.js';
import { createFreeTextCipher, type FreeTextCipher } from './free-text-cipher.js';

/** Patient fields the cipher seals; part of the AAD, so a ciphertext cannot be moved to another field. */
export type PatientField = 'hkid' | 'name' | 'dob' | 'sex' | 'record';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = Buffer.from('consultbridge.patients');

export interface FieldCipher {
  /** Seals `plaintext` for one field of one patient: `v1.<base64 iv|tag|ciphertext>`. */
  seal(field: PatientField, patientId: string, plaintext: string): string;
  /** Opens a value sealed for the same field and patient; anything else fails as `internal`. */
  open(field: PatientField, patientId: string, sealed: string): string;
  /** Keyed HMAC-SHA256 (hex) of a normalised HKID: stable for lookup, useless without the key. */
  hkidHash(normalisedHkid: string): string;
  /** Keyed HMAC-SHA256 (hex) of one name token (see name-tokens.ts): the blind index behind patient search. */
  nameTokenHash(token: string): string;
  /** Free text that may carry patient data (consent references, notes, reasons), keyed from the same root. */
  readonly freeText: FreeTextCipher;
}

function aad(field: PatientField, patientId: string): Buffer {
  // NUL separator: neither a field name nor a UUID contains one, so the pair is unambiguous.
  return Buffer.from(`${field}\0${patientId}`, 'utf8');
}

/**
 * AES-256-GCM field encryption for patient rows. Independent keys come from one 32-byte root secret
 * through HKDF-SHA256 (different `info`): encryption, the HKID lookup hash and the name-token blind
 * index, so no hash key ever encrypts anything and vice versa. Values never reach logs or error messages.
 */
export function createFieldCipher(rootKey: Buffer): FieldCipher {
  if (rootKey.length !== 32) throw new DomainError('config.invalid', 'patient root key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', rootKey, SALT, 'field-encryption.v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', rootKey, SALT, 'hkid-lookup.v1', 32));
  const tokenKey = Buffer.from(hkdfSync('sha256', rootKey, SALT, 'name-tokens.v1', 32));

  return {
    freeText: createFreeTextCipher(rootKey),
    seal(field, patientId, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(aad(field, patientId));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(field, patientId, sealed) {
      const [version, b64] = sealed.split('.', 2);
      const raw = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
      if (version !== VERSION || raw.length < IV_BYTES + TAG_BYTES) {
        throw new DomainError('internal', 'patient field is not a v1 ciphertext');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, IV_BYTES));
        decipher.setAAD(aad(field, patientId));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new DomainError('internal', 'patient field failed authentication', { cause });
      }
    },
    hkidHash(normalisedHkid) {
      return createHmac('sha256', macKey).update(normalisedHkid, 'utf8').digest('hex');
    },
    nameTokenHash(token) {
      return createHmac('sha256', tokenKey).update(token, 'utf8').digest('hex');
    },
  };
}

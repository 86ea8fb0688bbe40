import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM primitives for envelope encryption. Pure functions over Buffers: no I/O, no logging.
 * Content and data-key wrapping both use GCM; what differs is the associated data (AAD), which
 * binds each ciphertext to where it belongs so it cannot be moved and still decrypt.
 */
export const CONTENT_ALG = 'aes-256-gcm';
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface Sealed {
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** Length-prefixed fields, so ("ab","c") and ("a","bc") never produce the same AAD. */
function encodeAad(label: string, fields: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(label, 'utf8')];
  for (const f of fields) {
    const bytes = Buffer.from(f, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    parts.push(len, bytes);
  }
  return Buffer.concat(parts);
}

/** AAD for document content: the document id AND the case id it was uploaded to. */
export function contentAad(documentId: string, caseId: string): Buffer {
  return encodeAad('cb.vault.content.v1', [documentId, caseId]);
}

/** Caller context for wrapping a data key: the document id (the provider adds the KEK version). */
export function dataKeyAad(documentId: string): Buffer {
  return encodeAad('cb.vault.datakey.v1', [documentId]);
}

/** What a KEK actually authenticates: the caller's AAD plus the KEK version doing the wrapping. */
export function versionedAad(version: number, aad: Buffer): Buffer {
  return Buffer.concat([encodeAad('cb.kek.v1', [String(version)]), aad]);
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Sealed {
  if (key.length !== KEY_BYTES) throw new RangeError('AES-256 key must be 32 bytes');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CONTENT_ALG, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Throws (a plain Error from node:crypto) when the key, IV, tag, AAD or ciphertext do not match. */
export function unseal(key: Buffer, sealed: Sealed, aad: Buffer): Buffer {
  if (key.length !== KEY_BYTES) throw new RangeError('AES-256 key must be 32 bytes');
  // An explicit length check: GCM would otherwise accept a truncated tag.
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) throw new RangeError('bad IV or tag length');
  const decipher = createDecipheriv(CONTENT_ALG, key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

/** Wrapped-key wire form: IV ‖ ciphertext ‖ tag, so a wrapped key is one opaque column. */
export function packSealed(s: Sealed): Buffer {
  return Buffer.concat([s.iv, s.ciphertext, s.tag]);
}

export function unpackSealed(packed: Buffer): Sealed {
  if (packed.length < IV_BYTES + TAG_BYTES) throw new RangeError('sealed value too short');
  return {
    iv: packed.subarray(0, IV_BYTES),
    ciphertext: packed.subarray(IV_BYTES, packed.length - TAG_BYTES),
    tag: packed.subarray(packed.length - TAG_BYTES),
  };
}

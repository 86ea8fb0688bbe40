import { createHash } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { BLOB_KEY, type BlobStore } from './blob-store.js';
import { CONTENT_ALG, contentAad, dataKeyAad, newDataKey, seal, unseal } from './envelope.js';
import type { KeyEncryptionProvider } from './key-provider.js';
import { rewrapAll, type RewrapProgress, type RewrapResult } from './rewrap.js';
import { checkUpload, DEFAULT_MAX_BYTES, extensionMatches } from './upload-check.js';
import type { UploadInspector } from './upload-inspector.js';
import type { VaultRepository } from './vault-repository.js';
import type { VaultMediaType } from './vault-tables.js';

export interface VaultDeps {
  repo: VaultRepository;
  blobs: BlobStore;
  keyring: KeyEncryptionProvider;
  clock: Clock;
  /** Largest accepted upload in bytes; defaults to 20 MB. */
  maxBytes?: number;
  /** The full decode under limits every new file must pass; without one only the magic-bytes check runs. */
  inspector?: UploadInspector;
}

export interface StoreInput {
  documentId: string;
  caseId: string;
  bytes: Buffer;
  /** The uploader's file name. Never used to decide the type and never stored (names can hold patient data). */
  declaredName?: string;
}

export interface VaultDocumentMeta {
  documentId: string;
  caseId: string;
  mediaType: VaultMediaType;
  size: number;
  sha256: string;
  kekVersion: number;
  createdAt: number;
  /** Whether the declared name's extension agrees with the content; undefined when no name was given. */
  declaredNameMatches?: boolean;
}

export type Vault = ReturnType<typeof createVault>;

const CASE_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * The document vault: envelope encryption (a fresh data key per document, wrapped by the keyring's
 * KEK), ciphertext in the blob store, key material in `vault_keys`. Plaintext exists only in memory:
 * in the caller's upload buffer and in the Buffer `open` returns.
 */
export function createVault({ repo, blobs, keyring, clock, maxBytes = DEFAULT_MAX_BYTES, inspector }: VaultDeps) {
  return {
    /** Validates, encrypts and stores; on any failure nothing is left behind. */
    async store({ documentId, caseId, bytes, declaredName }: StoreInput): Promise<VaultDocumentMeta> {
      if (!BLOB_KEY.test(documentId) || !CASE_ID.test(caseId)) throw new DomainError('request.invalid');
      const mediaType = checkUpload(bytes, maxBytes);
      if (await repo.find(documentId)) throw new DomainError('conflict');
      await inspector?.inspect(bytes, mediaType);
      const dataKey = newDataKey();
      let sealed, wrapped;
      try {
        sealed = seal(dataKey, bytes, contentAad(documentId, caseId));
        wrapped = await keyring.wrap(dataKey, dataKeyAad(documentId));
      } finally {
        dataKey.fill(0);
      }
      const meta = {
        documentId,
        caseId,
        mediaType,
        size: bytes.length,
        sha256: createHash('sha256').update(sealed.ciphertext).digest('hex'),
        kekVersion: wrapped.version,
        createdAt: clock.now(),
      };
      // Blob first: `put` refuses a taken id, so a racing upload can never replace another's blob.
      await blobs.put(documentId, sealed.ciphertext);
      try {
        await repo.insert({ ...meta, wrappedKey: wrapped.wrapped, iv: sealed.iv, tag: sealed.tag, alg: CONTENT_ALG });
      } catch (e) {
        await blobs.delete(documentId);
        throw e;
      }
      return declaredName === undefined
        ? meta
        : { ...meta, declaredNameMatches: extensionMatches(declaredName, mediaType) };
    },

    /**
     * Decrypts into memory. A document filed under another case reads as not found (no hint that it
     * exists); a shredded one as `burned`; any cryptographic mismatch as `vault.decrypt_failed`.
     */
    async open({ documentId, caseId }: { documentId: string; caseId: string }): Promise<Buffer> {
      const row = await repo.find(documentId);
      if (!row || row.caseId !== caseId) throw new DomainError('document.not_found');
      if (row.destroyedAt !== null || !row.wrappedKey || !row.iv || !row.tag) throw new DomainError('burned');
      const ciphertext = await blobs.get(documentId);
      if (!ciphertext) throw new DomainError('vault.decrypt_failed', undefined, { details: { reason: 'blob_missing' } });
      let dataKey: Buffer | undefined;
      try {
        dataKey = await keyring.unwrap(row.kekVersion, row.wrappedKey, dataKeyAad(documentId));
        return unseal(dataKey, { iv: row.iv, ciphertext, tag: row.tag }, contentAad(documentId, caseId));
      } catch (e) {
        throw new DomainError('vault.decrypt_failed', undefined, { cause: e });
      } finally {
        dataKey?.fill(0);
      }
    },

    /** Crypto-shreds: erases the wrapped key, then deletes the blob. Repeatable; true if it shredded now. */
    async destroy(documentId: string): Promise<boolean> {
      if (!BLOB_KEY.test(documentId)) throw new DomainError('request.invalid');
      const shredded = await repo.destroy(documentId, clock.now());
      await blobs.delete(documentId);
      return shredded;
    },

    /** Re-wraps every data key under the keyring's current version (see rewrap.ts). */
    rewrapAll(onProgress?: (p: RewrapProgress) => void, batchSize?: number): Promise<RewrapResult> {
      return rewrapAll({ repo, keyring }, onProgress, batchSize);
    },
  };
}

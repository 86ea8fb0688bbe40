/**
 * Where ciphertext blobs live, keyed by document id. The vault only ever hands this port ciphertext.
 * The filesystem store is the default; an S3-style store can implement the same four methods.
 * `put` must be atomic (a reader sees the whole blob or none) and must never overwrite: when the key
 * is taken it throws DomainError('conflict'), so two uploads racing for one id cannot clobber a blob.
 */
export interface BlobStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** Null when no blob has this key. */
  get(key: string): Promise<Buffer | null>;
  /** Removing a missing blob is not an error (destroy must be repeatable). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Keys become file names, so only a conservative alphabet is allowed (no separators, no dots). */
export const BLOB_KEY = /^[A-Za-z0-9_-]{1,128}$/;

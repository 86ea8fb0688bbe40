/**
 * The port between the vault and whatever holds key-encryption keys (KEKs). The embedded default is
 * LocalKeyring (key file or MASTER_KEY); a cloud KMS or HSM can implement the same three methods later.
 *
 * Contract for implementers:
 * - KEKs are versioned with positive integers; a higher version is newer. Old versions must stay
 *   available for `unwrap` until no data key uses them (see `vault.rewrapAll`), or documents become
 *   unreadable.
 * - `wrap` always uses the current version and reports which one it used; the vault stores it.
 * - `aad` is the caller's context (the vault passes the document id). Implementations MUST
 *   authenticate the KEK version together with it (LocalKeyring uses `versionedAad(version, aad)`), so
 *   a wrapped key presented under another version fails even if two versions shared key material.
 * - `unwrap` must throw on any mismatch (wrong version, altered bytes, other AAD); it never returns
 *   garbage. Errors must not contain key material.
 * - Methods return promises so a networked KMS fits; `currentVersion` is sync because callers use it
 *   to plan work (e.g. which rows need re-wrapping) and a KMS adapter can cache it.
 */
export interface WrappedKey {
  version: number;
  wrapped: Buffer;
}

export interface KeyEncryptionProvider {
  currentVersion(): number;
  wrap(dataKey: Buffer, aad: Buffer): Promise<WrappedKey>;
  unwrap(version: number, wrapped: Buffer, aad: Buffer): Promise<Buffer>;
}

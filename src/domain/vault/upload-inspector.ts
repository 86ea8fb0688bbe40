import type { VaultMediaType } from './vault-tables.js';

/**
 * The deep check of an upload, after the vault's own by-magic-bytes type check and before anything
 * is sealed or stored: the file must open and render within limits (see
 * domain/viewing/inspect-upload.ts, run in a worker by src/render-pool). Throws a coded DomainError.
 */
export interface UploadInspector {
  inspect(bytes: Uint8Array, mediaType: VaultMediaType): Promise<void>;
}

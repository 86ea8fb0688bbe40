import type { RenderMediaType, RenderRequest } from './render-watermarked.js';

/**
 * Where untrusted files are opened: kept off the service's event loop, each job under a memory cap
 * and a time limit (the adapter is src/render-pool). Failures come back as coded DomainErrors, never
 * as an internal error.
 */
export interface DocumentRenderer {
  /**
   * The upload check (inspect-upload.ts). Throws upload.corrupt, upload.too_many_pages,
   * upload.image_too_large, upload.too_complex (also: over its time or memory) or upload.active_content.
   */
  inspect(bytes: Uint8Array, mediaType: RenderMediaType): Promise<void>;
  /**
   * The viewer's stamped PDF. Throws document.unrenderable (the file cannot be rendered within the
   * limits, or its worker failed) or render.busy (too many renders waiting). `req.bytes` is copied
   * into the worker; the caller still zeroes its own copy.
   */
  render(req: RenderRequest): Promise<Uint8Array>;
  /** Ends the workers; a later call starts new ones. */
  close(): Promise<void>;
}

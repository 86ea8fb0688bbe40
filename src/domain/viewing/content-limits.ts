import { DomainError } from '../../shared/errors.js';

/**
 * What an untrusted file may cost to open. Checked at upload (a full decode in a worker, see
 * inspect-upload.ts) and again, without the active-content rule, at the first view of a stored file
 * in each render worker (files stored before these checks existed stay viewable if they fit).
 */
export interface ContentLimits {
  maxPages: number;
  /** Indirect objects, counting those packed in object streams. */
  maxObjects: number;
  /** Dictionaries and arrays inside one another. */
  maxNesting: number;
  /** Sum over every Flate stream (content, images, fonts, object streams) once inflated. */
  maxDecompressedBytes: number;
  /** Width × height of any one image (a PNG/JPEG upload, or an image inside a PDF). */
  maxImagePixels: number;
}

export const DEFAULT_CONTENT_LIMITS: Readonly<ContentLimits> = Object.freeze({
  maxPages: 1000,
  maxObjects: 200_000,
  maxNesting: 64,
  maxDecompressedBytes: 256 * 1024 * 1024,
  maxImagePixels: 40_000_000,
});

export type LimitKind = 'pages' | 'objects' | 'nesting' | 'decompressed' | 'image_pixels' | 'time' | 'memory';

/** The coded refusal for a limit: pages and image size get their own codes, the rest `upload.too_complex`. */
export function limitExceeded(limit: LimitKind): DomainError {
  const code = limit === 'pages' ? 'upload.too_many_pages' : limit === 'image_pixels' ? 'upload.image_too_large' : 'upload.too_complex';
  return new DomainError(code, `limit exceeded: ${limit}`, { details: { limit } });
}

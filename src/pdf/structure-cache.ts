import { createHash } from 'node:crypto';
import { readPdfStructure, type PdfStructure } from './pdf-structure.js';

/**
 * Remembers the structure of recently stamped documents, so a second view of the same file skips
 * pdf-lib's parse (most of a render's cost). Keyed by a SHA-256 of the plaintext bytes: any change
 * to the file is a new key, and the key itself reveals nothing.
 * What it holds is object layout only: page object numbers, page dictionaries (references, boxes,
 * resource names), cross-reference offsets. No page content, no text: structures whose page
 * dictionaries hold any string are never stored (see PdfStructure.textFree). Bounded LRU.
 */
export interface StructureCache {
  /**
   * The structure for `bytes`, or undefined when the incremental path cannot stamp them. `key`: the
   * bytes' documentKey() when the caller has it already (saves hashing the document twice).
   */
  get(bytes: Uint8Array, key?: string): Promise<PdfStructure | undefined>;
  readonly size: number;
}

/** The cache key of a document: a SHA-256 of its plaintext (reveals nothing of it). */
export const documentKey = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64');

export function createStructureCache(limit = 64): StructureCache {
  const entries = new Map<string, PdfStructure | undefined>();
  return {
    get size() {
      return entries.size;
    },
    async get(bytes, key = documentKey(bytes)) {
      if (entries.has(key)) {
        const hit = entries.get(key);
        entries.delete(key); // re-insert: Map order is the recency order
        entries.set(key, hit);
        return hit;
      }
      const structure = await readPdfStructure(bytes);
      // "Cannot stamp incrementally" is remembered too, so a file that needs the full renderer is parsed once per render, not twice.
      if (structure === undefined || structure.textFree) {
        entries.set(key, structure);
        if (entries.size > limit) entries.delete(entries.keys().next().value!);
      }
      return structure;
    },
  };
}

let shared: StructureCache | undefined;

/** The process-wide cache the view routes use (they pass no cache of their own). */
export function defaultStructureCache(): StructureCache {
  return (shared ??= createStructureCache());
}

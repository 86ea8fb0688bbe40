import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import { woffToSfnt } from '../../pdf/woff-to-sfnt.js';

/**
 * The CJK font comes from @fontsource/noto-sans-hk (SIL OFL 1.1), which ships Noto Sans HK cut
 * into ~110 WOFF files by Unicode range (Hong Kong supplementary characters included). One name
 * may need glyphs from several files, so the catalog answers "which file draws this character"
 * and parses each file at most once per process: fontkit parsing is the slow part of embedding,
 * and pdf-lib would otherwise redo it for every document.
 * Files are unwrapped from WOFF to plain sfnt before fontkit sees them (see woff-to-sfnt.ts).
 */
export type FontkitFont = ReturnType<typeof fontkitModule.create>;

/** What pdf-lib's `registerFontkit` needs. */
export interface FontkitLike {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

export interface FaceSource {
  /** Subset name from the package, e.g. `latin` or `116`. */
  id: string;
  /** Inclusive code point ranges, sorted by start. */
  ranges: Array<readonly [number, number]>;
}

export interface LoadedFace {
  id: string;
  bytes: Uint8Array;
  font: FontkitFont;
}

export interface FontCatalog {
  readonly faces: readonly FaceSource[];
  /** Reads and parses a face on first use; later calls return the same objects. */
  load(id: string): LoadedFace;
  /** Faces that really have a glyph for the code point (not just list it in their range). */
  facesFor(codePoint: number): readonly string[];
  /** A fontkit for pdf-lib that returns the already-parsed font for bytes from `load`. */
  readonly fontkit: FontkitLike;
}

/** fontkit itself. The package is CommonJS (UMD): depending on the loader the API sits on the namespace or on `default`. */
export const fontkit: FontkitLike =
  typeof (fontkitModule as { create?: unknown }).create === 'function'
    ? (fontkitModule as FontkitLike)
    : (fontkitModule as unknown as { default: FontkitLike }).default;

/** Parses `U+4e00-4e01,U+3000` lists (CSS unicode-range) into sorted inclusive ranges. */
export function parseUnicodeRange(list: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (const item of list.split(',')) {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(item);
    if (!m) continue;
    const lo = parseInt(m[1]!, 16);
    out.push([lo, m[2] ? parseInt(m[2], 16) : lo]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

export function faceCovers(face: FaceSource, codePoint: number): boolean {
  for (const [lo, hi] of face.ranges) {
    if (codePoint < lo) return false;
    if (codePoint <= hi) return true;
  }
  return false;
}

const LAYOUT_MEMO_LIMIT = 4096;

/**
 * pdf-lib calls `font.layout(text)` for every measure and encode, and fontkit runs its full
 * OpenType shaper each time (~0.3 ms). The stamp draws the same strings for every view of every
 * document, so results are kept per face. Safe because pdf-lib only reads the glyph run, and the
 * glyph objects are fontkit's own per-font cache anyway. Bounded: cleared when it grows too big.
 */
function memoiseLayout(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font);
  const memo = new Map<string, ReturnType<FontkitFont['layout']>>();
  font.layout = (text, features, ...rest) => {
    if (features !== undefined || rest.length > 0) return layout(text, features, ...rest);
    let run = memo.get(text);
    if (!run) {
      if (memo.size >= LAYOUT_MEMO_LIMIT) memo.clear();
      memo.set(text, (run = layout(text)));
    }
    return run;
  };
  return font;
}

export interface FontCatalogOptions {
  /** Folder of the @fontsource package (holds unicode.json and files/). */
  packageDir: string;
  weight?: number;
}

export function createFontCatalog(opts: FontCatalogOptions): FontCatalog {
  const weight = opts.weight ?? 400;
  const unicode = JSON.parse(readFileSync(join(opts.packageDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const faces: FaceSource[] = Object.entries(unicode).map(([key, list]) => ({
    id: key.replace(/^\[(\d+)\]$/, '$1'),
    ranges: parseUnicodeRange(list),
  }));
  const known = new Set(faces.map((f) => f.id));
  const loaded = new Map<string, LoadedFace>();
  const byBytes = new WeakMap<Uint8Array, FontkitFont>();

  function load(id: string): LoadedFace {
    const hit = loaded.get(id);
    if (hit) return hit;
    if (!known.has(id)) throw new Error(`font catalog: unknown face ${id}`);
    const woff = readFileSync(join(opts.packageDir, 'files', `noto-sans-hk-${id}-${weight}-normal.woff`));
    const bytes = woffToSfnt(woff);
    const face = { id, bytes, font: memoiseLayout(fontkit.create(bytes)) };
    loaded.set(id, face);
    byBytes.set(bytes, face.font);
    return face;
  }

  // Per code point, so the range scan and glyph check run once per character per process.
  const drawable = new Map<number, readonly string[]>();
  function facesFor(cp: number): readonly string[] {
    let ids = drawable.get(cp);
    if (!ids) {
      ids = faces.filter((f) => faceCovers(f, cp) && load(f.id).font.hasGlyphForCodePoint(cp)).map((f) => f.id);
      drawable.set(cp, ids);
    }
    return ids;
  }

  return {
    faces,
    load,
    facesFor,
    fontkit: { create: (buffer, name) => byBytes.get(buffer) ?? fontkit.create(buffer, name) },
  };
}

let shared: FontCatalog | undefined;

/** The installed Noto Sans HK, created on first use and shared: it only caches immutable font files. */
export function defaultFontCatalog(): FontCatalog {
  if (!shared) {
    const req = createRequire(import.meta.url);
    shared = createFontCatalog({ packageDir: dirname(req.resolve('@fontsource/noto-sans-hk/package.json')) });
  }
  return shared;
}

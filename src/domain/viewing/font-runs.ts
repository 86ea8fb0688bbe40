import type { FontCatalog } from './font-catalog.js';

/** A stretch of text that one font face draws. */
export interface TextRun {
  faceId: string;
  text: string;
}

/** Which face draws each code point; the fallback for characters no face has. */
export interface FacePlan {
  faceFor(codePoint: number): string | undefined;
  readonly faceIds: readonly string[];
}

/** Drawn instead of a character that no face in the catalog can draw. */
export const MISSING_GLYPH = '?';

/**
 * Picks as few faces as possible for all the characters in `texts` (greedy set cover: take the
 * face that draws most of what is still uncovered). Each extra face is another subset embedded
 * in the PDF, so one face for "陳大文 Dr CHAN" beats four.
 */
export function planFaces(catalog: FontCatalog, texts: readonly string[]): FacePlan {
  const needed = new Set<number>([MISSING_GLYPH.codePointAt(0)!]);
  for (const t of texts) for (const ch of t) needed.add(ch.codePointAt(0)!);

  const candidates = new Map<string, Set<number>>();
  for (const cp of needed) {
    for (const id of catalog.facesFor(cp)) {
      let set = candidates.get(id);
      if (!set) candidates.set(id, (set = new Set()));
      set.add(cp);
    }
  }

  const chosen = new Map<number, string>();
  const faceIds: string[] = [];
  for (;;) {
    let best: string | undefined;
    let bestCount = 0;
    for (const [id, cps] of candidates) {
      let count = 0;
      for (const cp of cps) if (!chosen.has(cp)) count++;
      if (count > bestCount) [best, bestCount] = [id, count];
    }
    if (!best) break;
    faceIds.push(best);
    for (const cp of candidates.get(best)!) if (!chosen.has(cp)) chosen.set(cp, best);
    candidates.delete(best);
  }
  return { faceFor: (cp) => chosen.get(cp), faceIds };
}

/** Splits `text` into runs by face; characters no face can draw become MISSING_GLYPH. */
export function splitRuns(plan: FacePlan, text: string): TextRun[] {
  const fallback = plan.faceFor(MISSING_GLYPH.codePointAt(0)!);
  const runs: TextRun[] = [];
  for (const ch of text) {
    let faceId = plan.faceFor(ch.codePointAt(0)!);
    let drawn = ch;
    if (faceId === undefined) {
      if (fallback === undefined) continue;
      [faceId, drawn] = [fallback, MISSING_GLYPH];
    }
    const last = runs[runs.length - 1];
    if (last && last.faceId === faceId) last.text += drawn;
    else runs.push({ faceId, text: drawn });
  }
  return runs;
}

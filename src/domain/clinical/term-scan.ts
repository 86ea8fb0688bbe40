import type { MatchHow } from './drug-resolver.js';
import { simplify, type LexiconIndex, type TermRecord } from './lexicon-index.js';
import { isWordChar, type FoldedText } from './text-fold.js';

/** A match found in folded text: the entry (index), how, the score, and its span in the folded text. */
export interface RawMatch {
  readonly entry: number;
  readonly how: MatchHow;
  readonly score: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The exact and converted tiers: walks the folded text left to right and takes, at each place, the
 * longest term of the lexicon that starts there (compared in Simplified-folded form, so a Traditional,
 * Simplified or mixed spelling all meet), then goes on after it. A Latin term must begin and end at a
 * word edge. Marks the characters it matched in `covered`.
 */
export function scanTerms(ix: LexiconIndex, folded: FoldedText, covered: Uint8Array): RawMatch[] {
  const { text, cased } = folded;
  const key = simplify(ix.fold, text);
  const out: RawMatch[] = [];
  let i = 0;
  while (i < key.length) {
    const start = i;
    const accept = (r: TermRecord, end: number): boolean =>
      r.cased === undefined || (start === 0 && end === text.length) || cased.slice(start, end) === r.cased;
    const found = i > 0 && isWordChar(text[i]) && isWordChar(text[i - 1]) ? undefined : longestAt(ix, key, i, accept);
    if (!found) {
      i += 1;
      continue;
    }
    const end = i + found.length;
    const written = text.slice(i, end);
    const hits = found.records;
    for (const entry of new Set(hits.map((r) => r.entry))) {
      const mine = hits.filter((r) => r.entry === entry);
      const how: MatchHow = mine.some((r) => r.exact && r.text === written) ? 'exact' : 'converted';
      out.push({ entry, how, score: 1, start: i, end });
    }
    covered.fill(1, i, end);
    i = end;
  }
  return out;
}

function longestAt(
  ix: LexiconIndex,
  key: string,
  i: number,
  accept: (r: TermRecord, end: number) => boolean,
): { length: number; records: readonly TermRecord[] } | undefined {
  const lengths = ix.lengths.get(key[i]!);
  if (!lengths) return undefined;
  for (const length of lengths) {
    const end = i + length;
    if (end > key.length) continue;
    if (isWordChar(key[end - 1]) && isWordChar(key[end])) continue;
    const records = ix.terms.get(key.slice(i, end))?.filter((r) => accept(r, end));
    if (records?.length) return { length, records };
  }
  return undefined;
}

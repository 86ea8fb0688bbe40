import { syllableSimilarity, type Syllable } from './jyutping-similarity.js';
import type { LexiconIndex, SoundTerm } from './lexicon-index.js';
import type { FoldedText } from './text-fold.js';
import type { RawMatch } from './term-scan.js';

/**
 * The sound-alike tier, for transcripts: Chinese characters the exact tiers left unmatched are read
 * as tone-less jyutping and compared, syllable by syllable, with the jyutping of the lexicon's
 * Chinese variants of the same length. A character's usual reading counts fully, its other readings
 * a little less (so a rare reading does not make ordinary words sound like a drug). A window matches
 * when its syllables are alike enough on average, none is far off, and at most one is only partly
 * alike (a transcript gets one syllable wrong, not every one a little); its score is that average
 * scaled below 1, so a sound-alike match never looks like an exact one (a perfect homophone: 0.95).
 */
export const SOUND_RULES = {
  /** Three or more syllables: average similarity at least this, and no syllable below minSyllable. */
  minMean: 0.75,
  minSyllable: 0.4,
  /** A syllable this alike counts as the same (n/l, ng-dropping, aspiration); less alike ones are "partial". */
  near: 0.9,
  /** Partly alike syllables allowed: one, and one more per eight syllables. */
  partialPer: 8,
  /**
   * Two syllables: stricter, and only when the two characters are the whole text (a name said on its
   * own): inside a sentence, two-character homophones of clinical words are everywhere (心房 / 心慌).
   * One syllable never matches by sound.
   */
  minMeanTwo: 0.9,
  minSyllableTwo: 0.9,
  /** Weight of a character's other (not usual) readings. */
  otherReading: 0.9,
  scale: 0.95,
} as const;

/**
 * The score of heard syllables (each position with the readings it may have, usual first) against a
 * term's syllables, or undefined when they are not alike enough.
 */
export function sequenceScore(heard: ReadonlyArray<readonly Syllable[]>, term: readonly Syllable[]): number | undefined {
  if (heard.length !== term.length || term.length < 2) return undefined;
  const sims = term.map((t, j) =>
    Math.max(0, ...heard[j]!.map((h, k) => syllableSimilarity(h, t) * (k === 0 ? 1 : SOUND_RULES.otherReading))),
  );
  return judge(sims);
}

function judge(sims: readonly number[]): number | undefined {
  const n = sims.length;
  const mean = sims.reduce((a, b) => a + b, 0) / n;
  const min = Math.min(...sims);
  if (n === 2) {
    if (mean < SOUND_RULES.minMeanTwo || min < SOUND_RULES.minSyllableTwo) return undefined;
  } else {
    if (mean < SOUND_RULES.minMean || min < SOUND_RULES.minSyllable) return undefined;
    const partial = sims.filter((x) => x < SOUND_RULES.near).length;
    if (partial > 1 + Math.floor(n / SOUND_RULES.partialPer)) return undefined;
  }
  return Math.round(mean * SOUND_RULES.scale * 1000) / 1000;
}

export function scanSounds(ix: LexiconIndex, folded: FoldedText, covered: Uint8Array): RawMatch[] {
  const text = folded.text;
  const n = text.length;
  const usual: Array<number | undefined> = new Array<number | undefined>(n);
  const other: Array<readonly number[] | undefined> = new Array<readonly number[] | undefined>(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (covered[i]) continue;
    usual[i] = ix.readings.get(text[i]!);
    other[i] = ix.altReadings.get(text[i]!);
    any ||= usual[i] !== undefined;
  }
  if (!any) return [];
  const seen = new Set<number>();
  const found: RawMatch[] = [];
  const tryFrom = (p: number, reading: number): void => {
    const list = ix.postings.get(ix.coarse[reading]!) ?? [];
    for (let j = 0; j < list.length; j += 2) {
      const t = list[j]!;
      const term = ix.sounds[t]!;
      const start = p - list[j + 1]!;
      const end = start + term.syllables.length;
      if (start < 0 || end > n || seen.has(t * (n + 1) + start)) continue;
      if (term.syllables.length === 2 && (start !== 0 || end !== n)) continue;
      seen.add(t * (n + 1) + start);
      const score = scoreAt(ix, usual, other, start, term);
      if (score !== undefined) found.push({ entry: term.entry, how: 'sound-alike', score, start, end });
    }
  };
  for (let p = 0; p < n; p++) {
    const u = usual[p];
    if (u === undefined) continue;
    tryFrom(p, u);
    for (const r of other[p] ?? []) tryFrom(p, r);
  }
  return pickNonOverlapping(found);
}

function scoreAt(
  ix: LexiconIndex,
  usual: ReadonlyArray<number | undefined>,
  other: ReadonlyArray<readonly number[] | undefined>,
  start: number,
  term: SoundTerm,
): number | undefined {
  const sims: number[] = [];
  for (let j = 0; j < term.syllables.length; j++) {
    const u = usual[start + j];
    if (u === undefined) return undefined;
    const want = term.syllables[j]!;
    const like = (r: number): number => (r === want ? 1 : syllableSimilarity(ix.syllables[r]!, ix.syllables[want]!));
    let best = like(u);
    for (const r of other[start + j] ?? []) if (best < 1) best = Math.max(best, like(r) * SOUND_RULES.otherReading);
    if (best < SOUND_RULES.minSyllable) return undefined;
    sims.push(best);
  }
  return judge(sims);
}

/**
 * The windows with the most evidence first (score times syllables, so 华法令 read as 華法林 beats a
 * two-syllable word inside it that sounds a little closer), then the better score, then the earlier;
 * a window overlapping one already taken is dropped.
 */
function pickNonOverlapping(found: RawMatch[]): RawMatch[] {
  const weight = (m: RawMatch): number => m.score * (m.end - m.start);
  found.sort((a, b) => weight(b) - weight(a) || b.score - a.score || a.start - b.start);
  const taken: RawMatch[] = [];
  for (const m of found) {
    if (!taken.some((t) => m.start < t.end && t.start < m.end)) taken.push(m);
  }
  return taken;
}

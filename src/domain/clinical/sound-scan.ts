import { syllableSimilarity, type Syllable } from './jyutping-similarity.js';
import { FIRST_IDEOGRAPH, type LexiconIndex, type SoundTerm } from './lexicon-index.js';
import type { FoldedText } from './text-fold.js';
import type { RawMatch } from './term-scan.js';

/**
 * The sound-alike tier, for transcripts: Chinese characters the exact tiers left unmatched are read
 * as tone-less jyutping and compared, syllable by syllable, with the jyutping of the lexicon's
 * Chinese variants of the same length. A window matches when one of its syllables is the term's own
 * (by the character's usual reading), most are the same or nearly (n/l, aspiration), and at most one
 * is only partly alike, sharing its initial or its final with the term's (a transcript gets one
 * syllable wrong, not every one a little), with enough similarity on average and for each. A
 * character's other readings count only where they are the term's syllable or nearly, and a little
 * less than its usual one, so a rare reading does not make ordinary words sound like a drug. The score is the average similarity scaled below 1, so a
 * sound-alike match never looks exact (a perfect homophone scores 0.95).
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
  /** Weight of a character's other (not usual) readings: below `near`, so such a syllable is partial. */
  otherReading: 0.85,
  scale: 0.95,
} as const;

/**
 * The score of heard syllables (each position with the readings it may have, usual first) against a
 * term's syllables, or undefined when they are not alike enough.
 */
export function sequenceScore(heard: ReadonlyArray<readonly Syllable[]>, term: readonly Syllable[]): number | undefined {
  if (heard.length !== term.length || term.length < 2) return undefined;
  const sims = term.map((t, j) =>
    Math.max(0, ...heard[j]!.map((h, k) => (k === 0 ? alike(syllableSimilarity(h, t), h, t) : other(syllableSimilarity(h, t))))),
  );
  return judge(sims);
}

/**
 * A partly alike syllable keeps its similarity only when it shares its initial or its whole final with
 * the term's (ling for lam, seon for sam, syut for hyut); one sharing neither (coeng for zeng) counts 0.
 */
function alike(similarity: number, heard: Syllable, want: Syllable): number {
  if (similarity >= SOUND_RULES.near) return similarity;
  const related = heard.initial === want.initial || (heard.nucleus === want.nucleus && heard.coda === want.coda);
  return related ? similarity : 0;
}

/** Another reading of a character counts only when it is the term's syllable or nearly, and a little less. */
function other(similarity: number): number {
  return similarity >= SOUND_RULES.near ? similarity * SOUND_RULES.otherReading : 0;
}

function judge(sims: readonly number[]): number | undefined {
  const n = sims.length;
  const mean = sims.reduce((a, b) => a + b, 0) / n;
  const min = Math.min(...sims);
  if (!sims.includes(1) || sims.filter((x) => x >= SOUND_RULES.near).length * 2 < n) return undefined;
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
  const usual = new Int16Array(n).fill(-1);
  let any = false;
  for (let i = 0; i < n; i++) {
    const at = text.charCodeAt(i) - FIRST_IDEOGRAPH;
    if (covered[i] || at < 0 || at >= ix.readings.length) continue;
    usual[i] = ix.readings[at]!;
    any ||= usual[i]! >= 0;
  }
  if (!any) return [];
  const seen = new Set<number>();
  const found: RawMatch[] = [];
  // A match has at least one syllable that is the term's own by its usual reading: start from those.
  for (let p = 0; p < n; p++) {
    const list = usual[p]! >= 0 ? ix.postings.get(usual[p]!) : undefined;
    if (!list) continue;
    for (let j = 0; j < list.length; j += 2) {
      const t = list[j]!;
      const term = ix.sounds[t]!;
      const start = p - list[j + 1]!;
      const end = start + term.syllables.length;
      if (start < 0 || end > n || seen.has(t * (n + 1) + start)) continue;
      seen.add(t * (n + 1) + start);
      if (term.syllables.length === 2 && (start !== 0 || end !== n)) continue;
      const score = scoreAt(ix, text, usual, start, term);
      if (score !== undefined) found.push({ entry: term.entry, how: 'sound-alike', score, start, end });
    }
  }
  return pickNonOverlapping(found);
}

function scoreAt(ix: LexiconIndex, text: string, usual: Int16Array, start: number, term: SoundTerm): number | undefined {
  const sims: number[] = [];
  for (let j = 0; j < term.syllables.length; j++) {
    const u = usual[start + j]!;
    if (u < 0) return undefined;
    const want = term.syllables[j]!;
    const syl = ix.syllables;
    let best = alike(ix.similarity(u, want), syl[u]!, syl[want]!);
    if (best < 1) {
      for (const r of ix.altReadings.get(text.charCodeAt(start + j)) ?? []) {
        best = Math.max(best, other(ix.similarity(r, want)));
      }
    }
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

import { parseSyllable, similarityCache, type Syllable } from './jyutping-similarity.js';
import type { LexiconFile, LexiconFileEntry } from './lexicon-file.js';

/** One way of writing an entry, keyed in the index by its Simplified-folded form. */
export interface TermRecord {
  readonly entry: number;
  /** Curated (exact) or a conversion of a curated variant. */
  readonly exact: boolean;
  /** The folded term as written. */
  readonly text: string;
  /** Set for short abbreviations matched with their case inside running text. */
  readonly cased?: string;
}

/** A Chinese variant's sound: the entry and its syllables (ids into `syllables`). */
export interface SoundTerm {
  readonly entry: number;
  readonly syllables: readonly number[];
}

/** The lexicon file turned into lookup structures; built once, on first use. */
export interface LexiconIndex {
  readonly entries: readonly LexiconFileEntry[];
  /** Simplified-folded term → the entries written so. */
  readonly terms: ReadonlyMap<string, readonly TermRecord[]>;
  /** First character of a term key → the key lengths that start with it, longest first. */
  readonly lengths: ReadonlyMap<string, readonly number[]>;
  /** Traditional/variant ideograph → Simplified. */
  readonly fold: ReadonlyMap<string, string>;
  readonly syllables: readonly Syllable[];
  /** How alike two syllables (ids) sound, 0…1. */
  readonly similarity: (a: number, b: number) => number;
  /** Ideograph (code point − FIRST_IDEOGRAPH) → the syllable id of its usual reading, −1 for none. */
  readonly readings: Int16Array;
  /** Ideograph (code point) → the syllable ids of its other readings. */
  readonly altReadings: ReadonlyMap<number, readonly number[]>;
  readonly sounds: readonly SoundTerm[];
  /** Syllable id → flat pairs (sound term index, position of that syllable in it). */
  readonly postings: ReadonlyMap<number, readonly number[]>;
}

/** Folds each Traditional or variant ideograph to its Simplified form, one character for one. */
export function simplify(fold: ReadonlyMap<string, string>, text: string): string {
  let out = '';
  for (const ch of text) out += fold.get(ch) ?? ch;
  return out;
}

export function buildLexiconIndex(file: LexiconFile): LexiconIndex {
  const fold = new Map<string, string>();
  const pairs = [...file.charFold];
  for (let i = 0; i + 1 < pairs.length; i += 2) fold.set(pairs[i]!, pairs[i + 1]!);

  const terms = new Map<string, TermRecord[]>();
  const add = (key: string, rec: TermRecord): void => {
    const list = terms.get(key);
    if (!list) terms.set(key, [rec]);
    else if (!list.some((r) => r.entry === rec.entry && r.text === rec.text)) list.push(rec);
  };
  file.entries.forEach((e, entry) => {
    const cased = new Map(e.cased.map((c) => [c.toLowerCase(), c]));
    for (const text of e.exact) add(simplify(fold, text), { entry, exact: true, text, cased: cased.get(text) });
    for (const text of e.converted) add(simplify(fold, text), { entry, exact: false, text });
  });
  const lengths = new Map<string, number[]>();
  for (const key of terms.keys()) {
    const first = key[0]!;
    const list = lengths.get(first) ?? [];
    if (!list.includes(key.length)) list.push(key.length);
    lengths.set(first, list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);

  const sound = soundTables(file);
  return { entries: file.entries, terms, lengths, fold, ...sound };
}

/** The ideographs the sound tables cover: CJK extension A and the basic block. */
export const FIRST_IDEOGRAPH = 0x3400;
const LAST_IDEOGRAPH = 0x9fff;

type SoundTables = Pick<LexiconIndex, 'syllables' | 'similarity' | 'readings' | 'altReadings' | 'sounds' | 'postings'>;

function soundTables(file: LexiconFile): SoundTables {
  const ids = new Map<string, number>();
  const syllables: Syllable[] = [];
  const intern = (s: string): number | undefined => {
    const known = ids.get(s);
    if (known !== undefined) return known;
    const parsed = parseSyllable(s);
    if (!parsed) return undefined;
    ids.set(s, syllables.length);
    syllables.push(parsed);
    return syllables.length - 1;
  };
  const readings = new Int16Array(LAST_IDEOGRAPH - FIRST_IDEOGRAPH + 1).fill(-1);
  for (const [syl, chars] of Object.entries(file.charSounds)) {
    const id = intern(syl);
    if (id === undefined) continue;
    for (let i = 0; i < chars.length; i++) readings[chars.charCodeAt(i) - FIRST_IDEOGRAPH] = id;
  }
  const altReadings = new Map<number, number[]>();
  for (const [syl, chars] of Object.entries(file.charSoundsAlt)) {
    const id = intern(syl);
    if (id === undefined) continue;
    for (let i = 0; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      const list = altReadings.get(code);
      if (list) list.push(id);
      else altReadings.set(code, [id]);
    }
  }
  const sounds: SoundTerm[] = [];
  const postings = new Map<number, number[]>();
  file.entries.forEach((e, entry) => {
    for (const text of e.sounds) {
      const syls = text.split(' ').map(intern);
      if (syls.length < 2 || syls.some((s) => s === undefined)) continue;
      const index = sounds.length;
      sounds.push({ entry, syllables: syls as number[] });
      syls.forEach((s, pos) => {
        const list = postings.get(s!);
        if (list) list.push(index, pos);
        else postings.set(s!, [index, pos]);
      });
    }
  });
  return { syllables, similarity: similarityCache(syllables), readings, altReadings, sounds, postings };
}

import { coarseKey, parseSyllable, type Syllable } from './jyutping-similarity.js';
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
  /** Syllable id → id of its coarse key (near syllables share one). */
  readonly coarse: readonly number[];
  /** Ideograph → the syllable id of its usual reading. */
  readonly readings: ReadonlyMap<string, number>;
  /** Ideograph → the syllable ids of its other readings. */
  readonly altReadings: ReadonlyMap<string, readonly number[]>;
  readonly sounds: readonly SoundTerm[];
  /** Coarse key id → flat pairs (sound term index, syllable position). */
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

function soundTables(file: LexiconFile): Pick<LexiconIndex, 'syllables' | 'coarse' | 'readings' | 'altReadings' | 'sounds' | 'postings'> {
  const ids = new Map<string, number>();
  const syllables: Syllable[] = [];
  const coarse: number[] = [];
  const coarseIds = new Map<string, number>();
  const intern = (s: string): number | undefined => {
    const known = ids.get(s);
    if (known !== undefined) return known;
    const parsed = parseSyllable(s);
    if (!parsed) return undefined;
    const key = coarseKey(parsed);
    if (!coarseIds.has(key)) coarseIds.set(key, coarseIds.size);
    ids.set(s, syllables.length);
    syllables.push(parsed);
    coarse.push(coarseIds.get(key)!);
    return syllables.length - 1;
  };
  const readings = new Map<string, number>();
  for (const [syl, chars] of Object.entries(file.charSounds)) {
    const id = intern(syl);
    if (id !== undefined) for (const ch of chars) readings.set(ch, id);
  }
  const altReadings = new Map<string, number[]>();
  for (const [syl, chars] of Object.entries(file.charSoundsAlt)) {
    const id = intern(syl);
    if (id === undefined) continue;
    for (const ch of chars) {
      const list = altReadings.get(ch);
      if (list) list.push(id);
      else altReadings.set(ch, [id]);
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
        const c = coarse[s!]!;
        const list = postings.get(c);
        if (list) list.push(index, pos);
        else postings.set(c, [index, pos]);
      });
    }
  });
  return { syllables, coarse, readings, altReadings, sounds, postings };
}

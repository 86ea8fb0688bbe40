import OpenCC from 'opencc-js';
import ToJyutping from 'to-jyutping';
import type { LexiconFile, LexiconFileEntry } from '../domain/clinical/lexicon-file.js';
import { foldTerm, isHan } from '../domain/clinical/text-fold.js';
import { CHINESE_TAGS, KIND_OF_PREFIX, VARIANT_TAGS, checkSources, type SourceEntry } from './clinical-lexicon-sources.js';

/**
 * Build time only: turns the curated sources into the generated lexicon file, precomputing with
 * opencc-js every Simplified ↔ Traditional form (HK, Taiwan and OpenCC standard forms) of each
 * Chinese variant, and with to-jyutping the tone-less jyutping of each Chinese form and the readings
 * of every ideograph (for the sound-alike tier). The service never imports this module.
 */
type Convert = (s: string) => string;

const toSimplified: Convert[] = (['hk', 'tw', 't'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
const toTraditional: Convert[] = (['hk', 'tw', 'twp', 't'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));

/** Abbreviations this short, written in capitals, keep their case inside running text. */
const CASED_MAX = 3;

export function compileLexicon(sources: readonly SourceEntry[]): LexiconFile {
  const problems = checkSources(sources);
  if (problems.length > 0) throw new Error(`lexicon sources:\n${problems.join('\n')}`);
  const entries = sources.map(compileEntry);
  const owner = new Map<string, string>();
  for (const e of entries) {
    for (const t of e.exact) {
      const other = owner.get(t);
      if (other && other !== e.id) problems.push(`"${t}" is a variant of both ${other} and ${e.id}`);
      owner.set(t, e.id);
    }
  }
  if (problems.length > 0) throw new Error(`lexicon sources:\n${problems.join('\n')}`);
  return { format: 1, entries, charFold: charFoldTable(), ...charSoundTables() };
}

function compileEntry(s: SourceEntry): LexiconFileEntry {
  const kind = KIND_OF_PREFIX[s.id.split('.')[0]!]!;
  const written = [s.canonical, ...VARIANT_TAGS.flatMap((t) => s[t] ?? [])];
  const exact = unique(written.map(foldTerm));
  const chinese = CHINESE_TAGS.flatMap((t) => s[t] ?? []);
  const once = unique(chinese.flatMap(conversions)).filter((t) => !chinese.includes(t));
  const converted = unique([...once, ...once.flatMap(conversions)].map(foldTerm)).filter((t) => !exact.includes(t));
  const cased = unique((s.abbr ?? []).filter((a) => a.length <= CASED_MAX && /^[A-Z0-9]+$/.test(a) && /[A-Z]/.test(a)));
  const sounds = unique([...exact, ...converted].filter((t) => [...t].every(isHan)).map(jyutping).filter((j) => j !== undefined));
  const code = s.atc ? { system: 'ATC' as const, value: s.atc } : s.icd10 ? { system: 'ICD-10' as const, value: s.icd10 } : undefined;
  return {
    id: s.id,
    kind,
    canonical: s.canonical,
    ...(code ? { code } : {}),
    ...(kind === 'drug' ? { ingredients: s.ingredients ?? [s.canonical] } : {}),
    exact,
    converted,
    cased,
    sounds,
  };
}

function conversions(text: string): string[] {
  return [...toSimplified, ...toTraditional].map((c) => c(text));
}

/** Tone-less jyutping of an all-Chinese term, one syllable per character, or undefined. */
function jyutping(term: string): string | undefined {
  const syllables = ToJyutping.getJyutpingText(term).split(' ').map((s) => s.replace(/[1-6]$/, ''));
  return syllables.length === [...term].length && syllables.every((s) => /^[a-z]+$/.test(s)) ? syllables.join(' ') : undefined;
}

function* ideographs(): Generator<string> {
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff]] as const) {
    for (let c = from; c <= to; c++) yield String.fromCharCode(c);
  }
}

/** Every ideograph that a Traditional → Simplified conversion changes, paired with its Simplified form. */
function charFoldTable(): string {
  let out = '';
  for (const ch of ideographs()) {
    const s = toSimplified.map((c) => c(ch)).find((x) => x !== ch && x.length === 1 && isHan(x));
    if (s) out += ch + s;
  }
  return out;
}

/**
 * Tone-less syllable → the ideographs read so: `charSounds` for each ideograph's usual reading (the
 * first to-jyutping gives), `charSoundsAlt` for its other readings.
 */
function charSoundTables(): Pick<LexiconFile, 'charSounds' | 'charSoundsAlt'> {
  const usual = new Map<string, string>();
  const other = new Map<string, string>();
  for (const ch of ideographs()) {
    const readings = unique((ToJyutping.getJyutpingCandidates(ch)[0]?.[1] ?? []).map((r) => r.replace(/[1-6]$/, '')));
    readings.forEach((syl, i) => {
      if (!/^[a-z]+$/.test(syl)) return;
      const table = i === 0 ? usual : other;
      table.set(syl, (table.get(syl) ?? '') + ch);
    });
  }
  const sorted = (m: Map<string, string>): Record<string, string> =>
    Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { charSounds: sorted(usual), charSoundsAlt: sorted(other) };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** The generated file as committed: one entry per line, so a change to the sources reads as a small diff. */
export function serialiseLexicon(file: LexiconFile): string {
  const entries = file.entries.map((e) => JSON.stringify(e)).join(',\n');
  const table = (t: Readonly<Record<string, string>>): string =>
    Object.entries(t).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n');
  return (
    `{"format":${file.format},\n"entries":[\n${entries}\n],\n"charFold":${JSON.stringify(file.charFold)},\n` +
    `"charSounds":{\n${table(file.charSounds)}\n},\n"charSoundsAlt":{\n${table(file.charSoundsAlt)}\n}}\n`
  );
}

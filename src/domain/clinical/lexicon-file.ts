import { readFileSync } from 'node:fs';
import { projectPath } from '../../shared/paths.js';

/**
 * The generated lexicon file (config/clinical/lexicon.json), built by `npm run -s clinical:lexicon`
 * from the curated sources in config/clinical/lexicon-sources/. Everything the conversion libraries
 * would compute (Simplified ↔ Traditional forms, jyutping) is already in it, so the service reads
 * this file and never loads opencc-js or to-jyutping.
 */
export type EntryKind = 'drug' | 'diagnosis' | 'symptom' | 'procedure' | 'test';

export interface LexiconCode {
  readonly system: 'ATC' | 'ICD-10';
  readonly value: string;
}

export interface LexiconFileEntry {
  /** `drug.warfarin`, `dx.parkinsons-disease`, `sx.chest-pain`, `proc.pci`, `test.inr`. */
  readonly id: string;
  readonly kind: EntryKind;
  /** English; the INN in lower case for drugs. */
  readonly canonical: string;
  readonly code?: LexiconCode;
  /** Drugs only: the active ingredients (INN, lower case); one for a single-ingredient drug. */
  readonly ingredients?: readonly string[];
  /** Curated variants, folded (text-fold.ts). */
  readonly exact: readonly string[];
  /** Simplified ↔ Traditional conversions of the curated variants that are not curated themselves, folded. */
  readonly converted: readonly string[];
  /** Short upper-case abbreviations (`AF`, `MI`), matched with their case inside running text. */
  readonly cased: readonly string[];
  /** Tone-less jyutping of each Chinese variant and conversion, e.g. `waa faat lam`. */
  readonly sounds: readonly string[];
}

export interface LexiconFile {
  readonly format: 1;
  readonly entries: readonly LexiconFileEntry[];
  /** Character pairs: a Traditional (or variant) ideograph followed by its Simplified form. */
  readonly charFold: string;
  /** Tone-less jyutping syllable → the ideographs whose usual (first) reading it is. */
  readonly charSounds: Readonly<Record<string, string>>;
  /** Tone-less jyutping syllable → the ideographs that can also be read so (their other readings). */
  readonly charSoundsAlt: Readonly<Record<string, string>>;
}

export const LEXICON_FILE = projectPath('config', 'clinical', 'lexicon.json');

/** Reads and checks the shape of the generated lexicon file. */
export function readLexiconFile(path: string = LEXICON_FILE): LexiconFile {
  const file = JSON.parse(readFileSync(path, 'utf8')) as LexiconFile;
  if (file.format !== 1 || !Array.isArray(file.entries) || typeof file.charFold !== 'string' || typeof file.charSounds !== 'object' || typeof file.charSoundsAlt !== 'object') {
    throw new Error(`${path} is not a clinical lexicon file (format 1); rebuild it with npm run -s clinical:lexicon`);
  }
  return file;
}

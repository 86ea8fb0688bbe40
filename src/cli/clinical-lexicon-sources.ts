import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryKind } from '../domain/clinical/lexicon-file.js';
import { projectPath } from '../shared/paths.js';

/**
 * The curated lexicon sources (config/clinical/lexicon-sources/*.json): one JSON array per file,
 * one entry per line. The build (clinical-lexicon-compile.ts) turns them into the generated file.
 */
export const VARIANT_TAGS = ['en', 'us', 'brand', 'abbr', 'older', 'zh-HK', 'zh-Hans', 'zh-TW', 'yue'] as const;
export type VariantTag = (typeof VARIANT_TAGS)[number];
/** Tags whose variants are Chinese (converted and read as jyutping). */
export const CHINESE_TAGS: readonly VariantTag[] = ['zh-HK', 'zh-Hans', 'zh-TW', 'yue'];

export type SourceEntry = {
  /** `drug.<inn>`, `dx.<slug>`, `sx.<slug>`, `proc.<slug>`, `test.<slug>`. */
  readonly id: string;
  readonly canonical: string;
  readonly atc?: string;
  readonly icd10?: string;
  /** Combination products: their ingredients (INN, lower case). */
  readonly ingredients?: readonly string[];
  /** Why a variant or mapping is there, where it is not obvious. */
  readonly note?: string;
} & { readonly [tag in VariantTag]?: readonly string[] };

export const KIND_OF_PREFIX: Readonly<Record<string, EntryKind>> = {
  drug: 'drug',
  dx: 'diagnosis',
  sx: 'symptom',
  proc: 'procedure',
  test: 'test',
};

export const SOURCES_DIR = projectPath('config', 'clinical', 'lexicon-sources');

export function readLexiconSources(dir: string = SOURCES_DIR): SourceEntry[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SourceEntry[]);
}

const ATC = /^[A-Z]\d\d([A-Z]([A-Z](\d\d)?)?)?$/;
const ICD10 = /^[A-Z]\d\d(\.\d{1,2})?$/;
const KNOWN_KEYS = new Set<string>(['id', 'canonical', 'atc', 'icd10', 'ingredients', 'note', ...VARIANT_TAGS]);

/** Every problem with the sources, one line each (empty when they are fine). */
export function checkSources(entries: readonly SourceEntry[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const e of entries) {
    const where = e.id ?? JSON.stringify(e).slice(0, 60);
    const kind = KIND_OF_PREFIX[e.id?.split('.')[0] ?? ''];
    if (!kind || !/^[a-z]+\.[a-z0-9-]+$/.test(e.id)) problems.push(`${where}: id must be <drug|dx|sx|proc|test>.<slug>`);
    if (ids.has(e.id)) problems.push(`${where}: duplicate id`);
    ids.add(e.id);
    if (!e.canonical) problems.push(`${where}: no canonical term`);
    if (kind === 'drug' && e.canonical !== e.canonical.toLowerCase()) problems.push(`${where}: a drug's canonical term is the INN in lower case`);
    if (e.atc !== undefined && !ATC.test(e.atc)) problems.push(`${where}: ATC code ${e.atc} is malformed`);
    if (e.icd10 !== undefined && !ICD10.test(e.icd10)) problems.push(`${where}: ICD-10 code ${e.icd10} is malformed`);
    if (e.ingredients && (kind !== 'drug' || e.ingredients.some((i) => i !== i.toLowerCase()))) problems.push(`${where}: ingredients are lower-case INNs of a drug`);
    for (const key of Object.keys(e)) if (!KNOWN_KEYS.has(key)) problems.push(`${where}: unknown field ${key}`);
    for (const tag of CHINESE_TAGS) {
      for (const v of e[tag] ?? []) if (!/\p{Script=Han}/u.test(v)) problems.push(`${where}: ${tag} variant "${v}" has no Chinese character`);
    }
  }
  return problems;
}

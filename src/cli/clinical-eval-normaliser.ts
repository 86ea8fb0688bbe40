import { readFileSync } from 'node:fs';
import { createClinicalNormaliser, type ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import { projectPath } from '../shared/paths.js';

/**
 * The normaliser half of `npm run eval:clinical` (issue 13 item 6): runs the variants test set
 * (test/clinical-data/variants.jsonl) and reports how many texts map to the expected entry.
 *
 * A row `{"text":"薄血丸","entry":"drug.warfarin","cat":"colloquial"}` is right when the expected
 * entry is among the matches and no other entry of the same kind ranks above it (the text may also
 * mention a symptom). A row with `"mode":"contains"` (a sentence naming several drugs or diagnoses)
 * is right when the expected entry is among the matches. A row with `"entry":null` is right when
 * nothing matches at all.
 */
export interface VariantCase {
  readonly text: string;
  readonly entry: string | null;
  /** What the row tests: colloquial, zh-TW, zh-Hans, brand, us-name, abbreviation, full-width, transcript, … */
  readonly cat?: string;
  /** `best` (the default): the best match of its kind; `contains`: anywhere among the matches. */
  readonly mode?: 'best' | 'contains';
}

export interface NormaliserMiss {
  readonly text: string;
  readonly expected: string | null;
  /** The entries found, best first. */
  readonly got: readonly string[];
  readonly cat?: string;
}

export interface NormaliserEvaluation {
  readonly total: number;
  readonly correct: number;
  /** correct / total, 0…1. */
  readonly accuracy: number;
  readonly misses: readonly NormaliserMiss[];
  /** Per category: total and correct. */
  readonly byCategory: Readonly<Record<string, { total: number; correct: number }>>;
}

export const VARIANTS_FILE = projectPath('test', 'clinical-data', 'variants.jsonl');

export function readVariantCases(path: string = VARIANTS_FILE): VariantCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const row = JSON.parse(l) as VariantCase;
      if (typeof row.text !== 'string' || (row.entry !== null && typeof row.entry !== 'string')) {
        throw new Error(`${path}:${i + 1}: expected {"text":"…","entry":"<id>"|null}`);
      }
      return row;
    });
}

export function evaluateNormaliser(
  cases: readonly VariantCase[] = readVariantCases(),
  normaliser: ClinicalNormaliser = createClinicalNormaliser(),
): NormaliserEvaluation {
  const misses: NormaliserMiss[] = [];
  const byCategory: Record<string, { total: number; correct: number }> = {};
  for (const c of cases) {
    const matches = normaliser.normalise(c.text);
    const ok =
      c.entry === null
        ? matches.length === 0
        : c.mode === 'contains'
          ? matches.some((m) => m.entry === c.entry)
          : isBestOfItsKind(matches, c.entry);
    const cat = (byCategory[c.cat ?? 'other'] ??= { total: 0, correct: 0 });
    cat.total += 1;
    if (ok) cat.correct += 1;
    else misses.push({ text: c.text, expected: c.entry, got: matches.map((m) => m.entry), ...(c.cat ? { cat: c.cat } : {}) });
  }
  const total = cases.length;
  const correct = total - misses.length;
  return { total, correct, accuracy: total === 0 ? 0 : correct / total, misses, byCategory };
}

function isBestOfItsKind(matches: ReadonlyArray<{ entry: string; kind: string }>, expected: string): boolean {
  const hit = matches.find((m) => m.entry === expected);
  return hit !== undefined && matches.find((m) => m.kind === hit.kind) === hit;
}

/** The evaluation as text tables (for `npm run eval:clinical`): overall, per category, then every miss. */
export function formatNormaliserEvaluation(r: NormaliserEvaluation): string {
  const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
  const row = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;
  const out = [
    `HK clinical lexicon: variants mapped to the right entry ${pct(r.correct, r.total)} (${r.correct} of ${r.total}; goal ≥ 97 %)`,
    '',
    row(['category', 'rows', 'right', 'share']),
    row(['---', '---', '---', '---']),
    ...Object.entries(r.byCategory).map(([cat, s]) => row([cat, s.total, s.correct, pct(s.correct, s.total)])),
    '',
    `Misses (${r.misses.length}):`,
    ...r.misses.map((m) => `  ${m.cat ?? 'other'}: ${JSON.stringify(m.text)} expected ${m.expected ?? 'no match'}, got ${m.got.length ? m.got.join(', ') : 'nothing'}`),
  ];
  return `${out.join('\n')}\n`;
}

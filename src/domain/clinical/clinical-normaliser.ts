import type { DrugResolution, DrugResolver, MatchHow } from './drug-resolver.js';
import { readLexiconFile, type EntryKind, type LexiconCode, type LexiconFile, type LexiconFileEntry } from './lexicon-file.js';
import { buildLexiconIndex, type LexiconIndex } from './lexicon-index.js';
import { scanSounds } from './sound-scan.js';
import { scanTerms, type RawMatch } from './term-scan.js';
import { foldText } from './text-fold.js';

/** A lexicon entry found in a text, with how it was matched, for a clinician to confirm. */
export interface TermMatch {
  readonly entry: string;
  readonly kind: EntryKind;
  readonly canonical: string;
  readonly code?: LexiconCode;
  /** Drugs only: active ingredients (INN, lower case). */
  readonly ingredients?: readonly string[];
  readonly how: MatchHow;
  /** 1 for exact and converted matches, below 1 for sound-alike ones. */
  readonly score: number;
  /** The matched part of the input as written, and where it is (UTF-16 offsets, end exclusive). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface ClinicalNormaliser extends DrugResolver {
  /** Every lexicon entry the text mentions, best first (score, then exact before converted before sound-alike, then position); one match per entry. */
  normalise(text: string): TermMatch[];
  /** Loads the lexicon now, if it is not loaded yet (it is otherwise loaded at the first call). */
  load(): void;
  /** The drug entry with this id (e.g. a match the doctor confirmed), as an exact resolution; undefined for any other id. */
  drugEntry(id: string): DrugResolution | undefined;
  /** The id of the single-ingredient drug entry whose canonical is this INN, when the lexicon has one. */
  entryForIngredient(inn: string): string | undefined;
}

const RANK: Record<MatchHow, number> = { exact: 0, converted: 1, 'sound-alike': 2 };

/**
 * The HK clinical normaliser over the generated lexicon. Nothing is read until the first call, so
 * the service's idle footprint does not grow for clinics that never use it.
 */
export function createClinicalNormaliser(readFile: () => LexiconFile = () => readLexiconFile()): ClinicalNormaliser {
  let ix: LexiconIndex | undefined;
  const index = (): LexiconIndex => (ix ??= buildLexiconIndex(readFile()));
  let drugs: DrugIds | undefined;
  const drugIds = (): DrugIds => (drugs ??= drugIdsOf(index()));

  const normalise = (input: string): TermMatch[] => {
    const lexicon = index();
    const folded = foldText(input);
    const covered = new Uint8Array(folded.text.length);
    const raw = scanTerms(lexicon, folded, covered);
    raw.push(...scanSounds(lexicon, folded, covered));
    raw.sort((a, b) => b.score - a.score || RANK[a.how] - RANK[b.how] || a.start - b.start);
    const seen = new Set<number>();
    const out: TermMatch[] = [];
    for (const m of raw) {
      if (seen.has(m.entry)) continue;
      seen.add(m.entry);
      out.push(toMatch(lexicon, m, input, folded.at));
    }
    return out;
  };

  return {
    normalise,
    load: () => void index(),
    resolveDrug: (name: string) => drugResolution(normalise(name)),
    drugEntry(id) {
      const e = drugIds().byId.get(id);
      return e && { entry: e.id, canonical: e.canonical, ingredients: e.ingredients ?? [e.canonical], how: 'exact', score: 1 };
    },
    entryForIngredient: (inn) => drugIds().byIngredient.get(inn),
  };
}

interface DrugIds {
  byId: ReadonlyMap<string, LexiconFileEntry>;
  byIngredient: ReadonlyMap<string, string>;
}

/** Drug entries by id, and single-ingredient entries by their INN (built at the first lookup). */
function drugIdsOf(ix: LexiconIndex): DrugIds {
  const byId = new Map<string, LexiconFileEntry>();
  const byIngredient = new Map<string, string>();
  for (const e of ix.entries) {
    if (e.kind !== 'drug') continue;
    byId.set(e.id, e);
    const own = e.ingredients ?? [e.canonical];
    if (own.length === 1 && own[0] === e.canonical && !byIngredient.has(e.canonical)) byIngredient.set(e.canonical, e.id);
  }
  return { byId, byIngredient };
}

/**
 * One product name to one resolution. A name naming several drugs exactly (`ibuprofen/paracetamol`,
 * `布洛芬 + 撲熱息痛`) is one co-formulated product: its ingredients together, never checked against
 * each other. Otherwise the best drug match; sound-alike ones only when nothing matched exactly.
 */
export function drugResolution(matches: readonly TermMatch[]): DrugResolution | undefined {
  const drugs = matches.filter((m) => m.kind === 'drug');
  const sure = drugs.filter((m) => m.how !== 'sound-alike').sort((a, b) => a.start - b.start);
  if (sure.length > 1) {
    const ingredients = [...new Set(sure.flatMap((m) => m.ingredients ?? [m.canonical]))];
    return {
      entry: sure.map((m) => m.entry).join('+'),
      canonical: sure.map((m) => m.canonical).join('/'),
      ingredients,
      how: sure.some((m) => m.how === 'converted') ? 'converted' : 'exact',
      score: 1,
    };
  }
  const best = drugs[0];
  if (!best) return undefined;
  return { entry: best.entry, canonical: best.canonical, ingredients: best.ingredients ?? [best.canonical], how: best.how, score: best.score };
}

function toMatch(ix: LexiconIndex, m: RawMatch, input: string, at: readonly number[]): TermMatch {
  const e = ix.entries[m.entry]!;
  const start = at[m.start]!;
  const last = at[m.end - 1]!;
  const end = last + ((input.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
  return {
    entry: e.id,
    kind: e.kind,
    canonical: e.canonical,
    ...(e.code ? { code: e.code } : {}),
    ...(e.kind === 'drug' ? { ingredients: e.ingredients ?? [e.canonical] } : {}),
    how: m.how,
    score: m.score,
    text: input.slice(start, end),
    start,
    end,
  };
}

import type { ClinicalNormaliser } from '../../domain/clinical/clinical-normaliser.js';
import type { MatchHow } from '../../domain/clinical/drug-resolver.js';
import type { EntryKind } from '../../domain/clinical/lexicon-file.js';

/** One lexicon entry a text matched, as a form shows it for the clinician to confirm. */
export interface NormalisedMatch {
  entry: string;
  canonical: string;
  how: MatchHow;
  score: number;
  kind: EntryKind;
}

/**
 * What a text (a drug name as a doctor types it, a term) matched in the HK clinical lexicon, best first,
 * with how and how surely, so nothing is recorded before a clinician confirms it. Nothing is stored or
 * audited: the text is neither kept nor logged.
 */
export function normaliseText(deps: { normaliser: Pick<ClinicalNormaliser, 'normalise'> }, text: string): NormalisedMatch[] {
  return deps.normaliser.normalise(text).map((m) => ({ entry: m.entry, canonical: m.canonical, how: m.how, score: m.score, kind: m.kind }));
}

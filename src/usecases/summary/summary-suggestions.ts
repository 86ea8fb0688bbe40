import type { ClinicalNormaliser } from '../../domain/clinical/clinical-normaliser.js';
import type { MatchHow } from '../../domain/clinical/drug-resolver.js';
import type { CaseNote } from '../../domain/notes/case-note.js';

/** A term the lexicon found in a case's notes, offered for a clinician to confirm (never recorded by itself). */
export interface Suggestion {
  entry: string;
  canonical: string;
  /** The words in the note it was matched from. */
  heard: string;
  how: MatchHow;
  score: number;
}

/**
 * Scans the notes with the lexicon: diagnoses and symptoms not yet confirmed are suggested as problems,
 * drugs not on the active list as medications. Best match per entry (the normaliser's order), one each.
 */
export function suggestFromNotes(
  normaliser: Pick<ClinicalNormaliser, 'normalise'>,
  notes: readonly CaseNote[],
  known: { problems: ReadonlySet<string>; drugs: ReadonlySet<string> },
): { problems: Suggestion[]; medications: Suggestion[] } {
  const problems = new Map<string, Suggestion>();
  const medications = new Map<string, Suggestion>();
  for (const n of notes) {
    for (const m of normaliser.normalise(n.body.text)) {
      const s: Suggestion = { entry: m.entry, canonical: m.canonical, heard: m.text, how: m.how, score: m.score };
      if ((m.kind === 'diagnosis' || m.kind === 'symptom') && !known.problems.has(m.entry) && !problems.has(m.entry)) problems.set(m.entry, s);
      if (m.kind === 'drug' && !known.drugs.has(m.entry) && !medications.has(m.entry)) medications.set(m.entry, s);
    }
  }
  const byScore = (a: Suggestion, b: Suggestion) => b.score - a.score;
  return { problems: [...problems.values()].sort(byScore), medications: [...medications.values()].sort(byScore) };
}

/**
 * The medication API's shapes as the shared contract fixes them (/work/notes/meds-contract.md):
 * GET/POST /api/cases/:code/medications, …/:id/stop, …/import and POST /api/clinical/normalise.
 */
export type MatchHow = 'exact' | 'converted' | 'sound-alike';

/** One lexicon entry the normaliser found in the typed name, and how (for the doctor to confirm). */
export interface NormaliseMatch {
  entry: string;
  canonical: string;
  how: MatchHow;
  score: number;
  kind: string;
}

export interface NormaliseAnswer {
  matches: NormaliseMatch[];
}

/** A medication entry as the case's care team sees it: the prescriber by name, never an id. */
export interface MedicationEntryView {
  id: string;
  source: 'clinician' | 'ehr';
  text: string;
  /** Lexicon entry ids (e.g. `drug.warfarin`). */
  ingredients: string[];
  /** Names the lexicon could not resolve: not checked for interactions. */
  unresolved: string[];
  dose: string | null;
  route: string | null;
  frequency: string | null;
  prescriberName: string | null;
  institutionName?: string | null;
  startOn: string | null;
  stopOn: string | null;
  status: 'active' | 'stopped';
  createdAt: number;
}

export interface MedicationList {
  entries: MedicationEntryView[];
}

export interface AddMedicationBody {
  text: string;
  dose?: string;
  route?: string;
  frequency?: string;
  startOn?: string;
  stopOn?: string;
  /** Lexicon entry ids the doctor ticked. */
  confirmed: string[];
}

export interface MedicationAddedAnswer {
  entry: MedicationEntryView;
  unresolved: string[];
}

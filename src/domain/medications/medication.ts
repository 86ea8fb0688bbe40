/**
 * A medication entry on a case (issue 13 item 1): recorded by a clinician or imported from the EHR. The
 * drug itself (what was written, the lexicon ingredients, dose, route, frequency) is patient data: sealed
 * at rest (medication-seal.ts) and never sent to chat. The shapes below are the shared contract
 * (notes/meds-contract.md) the interaction watch, the screens and the voice-note flow code against.
 */

export type MedicationSource = 'clinician' | 'ehr';
export type MedicationStatus = 'active' | 'stopped';

export interface MedicationEntry {
  id: string;
  caseId: string;
  source: MedicationSource;
  /** The EHR resource it came from (`MedicationRequest/123`); unique per case, so an import is idempotent. */
  ehrRef: string | null;
  /** As entered (or as the EHR named it). */
  text: string;
  /**
   * Lexicon entry ids of the active ingredients, one per ingredient: a fixed-dose combination is split
   * (`drug.co-amoxiclav` → `drug.amoxicillin`, `drug.clavulanic-acid`); an ingredient the lexicon has no
   * entry of its own for is `ingredient.<INN>`. Empty when the name could not be resolved.
   */
  ingredients: string[];
  /** Names that could not be resolved: NOT checked for interactions (never "no interaction"). */
  unresolved: string[];
  dose: string | null;
  route: string | null;
  frequency: string | null;
  /** The prescribing clinician; null for an EHR entry whose prescriber is not in our directory. */
  prescriberId: string | null;
  /** The EHR's name for a prescriber not in our directory (sealed at rest). */
  prescriberName: string | null;
  institutionId: string | null;
  /** ISO dates (YYYY-MM-DD). */
  startOn: string | null;
  stopOn: string | null;
  status: MedicationStatus;
  createdAt: number;
  /** Clinician id of whoever recorded or imported it. */
  createdBy: string;
}

export interface MedicationAdded {
  caseId: string;
  caseCode: string;
  entry: MedicationEntry;
  actorId: string;
}

/** Called once per new entry, after the transaction that stored it has committed. */
export type OnMedicationAdded = (event: MedicationAdded) => Promise<void>;

export const noMedicationHook: OnMedicationAdded = async () => {};

/** The sealed part of a row: everything that says which drug, how much, how. */
export interface MedicationPayload {
  text: string;
  ingredients: string[];
  unresolved: string[];
  dose?: string;
  route?: string;
  frequency?: string;
}

/** Active entries first, then oldest first (ties by id): the order every list answers in. */
export function byStatusThenAge(a: MedicationEntry, b: MedicationEntry): number {
  return (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

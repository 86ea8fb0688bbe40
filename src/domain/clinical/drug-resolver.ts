/**
 * The seam between the HK clinical lexicon (names → entries) and the interaction checker
 * (ingredients → alerts). The lexicon implements it; the checker only consumes it.
 */

/** How a piece of text was matched to a lexicon entry. */
export type MatchHow = 'exact' | 'converted' | 'sound-alike';

/** A drug name resolved to its lexicon entry and the active ingredients it stands for. */
export interface DrugResolution {
  /** Lexicon entry id, stable across builds (e.g. `drug.warfarin`, `drug.co-amoxiclav`). */
  readonly entry: string;
  /** Canonical English term: the INN in lower case for a single-ingredient drug. */
  readonly canonical: string;
  /**
   * Active ingredients as INN ids in lower case (`['warfarin']`, `['amoxicillin', 'clavulanic acid']`).
   * Ingredients of one co-formulated product are never checked against each other.
   */
  readonly ingredients: readonly string[];
  readonly how: MatchHow;
  /** 1 for exact and converted matches; below 1 for sound-alike matches. */
  readonly score: number;
}

export interface DrugResolver {
  /** The best match for a drug name in any supported language or form, or undefined when unresolved. */
  resolveDrug(name: string): DrugResolution | undefined;
}

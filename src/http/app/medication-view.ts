import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { MedicationLexicon } from '../../domain/medications/medication-lexicon.js';
import type { MedicationEntry } from '../../domain/medications/medication.js';
import type { MedicationEntryDto } from '../../contract/medications.js';
import { personOf } from './people.js';

export interface MedicationViewDeps {
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
  lexicon: Pick<MedicationLexicon, 'drugEntry'>;
}

/**
 * An entry as the list shows it: prescriber, recorder and institution by name, ingredients by their
 * canonical names. `prescriberName` is always the name to show: our directory's, else the EHR's.
 */
export async function medicationView(deps: MedicationViewDeps, e: MedicationEntry): Promise<MedicationEntryDto> {
  const institution = e.institutionId ? await deps.directory.institution(e.institutionId) : undefined;
  const prescriber = e.prescriberId ? await personOf(deps.directory, e.prescriberId) : null;
  return {
    id: e.id,
    source: e.source,
    ehrRef: e.ehrRef,
    text: e.text,
    ingredients: e.ingredients,
    ingredientNames: e.ingredients.map((id) => deps.lexicon.drugEntry(id)?.canonical ?? id),
    unresolved: e.unresolved,
    dose: e.dose,
    route: e.route,
    frequency: e.frequency,
    prescriber,
    prescriberName: prescriber?.nameEn ?? e.prescriberName,
    institutionCode: institution?.code ?? null,
    institutionName: institution?.nameEn ?? null,
    startOn: e.startOn,
    stopOn: e.stopOn,
    status: e.status,
    createdAt: e.createdAt,
    createdBy: await personOf(deps.directory, e.createdBy),
  };
}

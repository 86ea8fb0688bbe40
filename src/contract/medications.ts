import { z } from 'zod';
import { personDto } from './doctor.js';

/**
 * The medication list API (src/http/app/medication-routes.ts): the contract the mini-app's medication
 * screens are typed from. Drug names travel only here, to a clinician the policy lets read the list;
 * never in chat, logs or the audit log.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const field = z.string().trim().max(100);

export const medicationParams = z.object({ code: z.string().min(1).max(20), id: z.uuid() });

/** POST /api/cases/:code/medications */
export const addMedicationBody = z.object({
  text: z.string().trim().min(1).max(200),
  dose: field.optional(),
  route: field.optional(),
  frequency: field.optional(),
  startOn: isoDate.optional(),
  stopOn: isoDate.optional(),
  /** Lexicon entry ids the doctor confirmed from the normaliser's matches; empty to save unconfirmed. */
  confirmed: z.array(z.string().min(1).max(120)).max(10),
});

/** One entry as the list shows it: prescriber by name, never an id alone. */
export const medicationEntryDto = z.object({
  id: z.string(),
  source: z.enum(['clinician', 'ehr']),
  ehrRef: z.string().nullable(),
  text: z.string(),
  /** Lexicon entry ids of the ingredients (a combination split into its ingredients). */
  ingredients: z.array(z.string()),
  /** The ingredients' canonical English names (INN), in the same order. */
  ingredientNames: z.array(z.string()),
  /** Not resolved: shown as "not checked for interactions". */
  unresolved: z.array(z.string()),
  dose: z.string().nullable(),
  route: z.string().nullable(),
  frequency: z.string().nullable(),
  /** The prescriber when they are in our directory. */
  prescriber: personDto.nullable(),
  /** The prescriber's name to show: our directory's, else the EHR's; null when not known. */
  prescriberName: z.string().nullable(),
  institutionCode: z.string().nullable(),
  institutionName: z.string().nullable(),
  startOn: z.string().nullable(),
  stopOn: z.string().nullable(),
  status: z.enum(['active', 'stopped']),
  createdAt: z.number(),
  createdBy: personDto,
});

/** One keyset page: active entries first, then stopped ones, each newest first; `nextCursor` null on the last. */
export const medicationListDto = z.object({ entries: z.array(medicationEntryDto), nextCursor: z.string().nullable() });
export const medicationAddedDto = z.object({ entry: medicationEntryDto, unresolved: z.array(z.string()) });
export const medicationStoppedDto = z.object({ entry: medicationEntryDto });
export const medicationsImportedDto = z.object({ imported: z.number().int() });

/** POST /api/clinical/normalise: what a text matched in the HK clinical lexicon, best first, for the doctor to confirm. */
export const normaliseBody = z.object({ text: z.string().trim().min(1).max(500) });
export const normaliseDto = z.object({
  matches: z.array(
    z.object({
      entry: z.string(),
      canonical: z.string(),
      how: z.enum(['exact', 'converted', 'sound-alike']),
      score: z.number(),
      kind: z.enum(['drug', 'diagnosis', 'symptom', 'procedure', 'test']),
    }),
  ),
});

export type AddMedicationBody = z.input<typeof addMedicationBody>;
export type MedicationEntryDto = z.infer<typeof medicationEntryDto>;
export type MedicationListDto = z.infer<typeof medicationListDto>;
export type MedicationAddedDto = z.infer<typeof medicationAddedDto>;
export type NormaliseDto = z.infer<typeof normaliseDto>;

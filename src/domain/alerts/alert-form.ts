import { z } from 'zod';

/**
 * The structured allergy the ER clinician fills in (form page, mini-app API). Free text stays short;
 * severity needs a reaction (FHIR puts severity on the reaction). Values are patient data: they go to
 * the EHR queue and the sealed chat copy only, never into logs, errors or chat.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

export const alertFormSchema = z
  .object({
    substance: text(200),
    reaction: text(200).optional(),
    severity: z.enum(['mild', 'moderate', 'severe']).optional(),
    criticality: z.enum(['low', 'high', 'unable-to-assess']),
    /** YYYY-MM-DD, or a date-time with seconds and zone. */
    onset: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/)
      .optional(),
    note: text(2000).optional(),
    category: z.enum(['food', 'medication', 'environment', 'biologic']).optional(),
  })
  .strict()
  .refine((f) => f.severity === undefined || f.reaction !== undefined, { path: ['reaction'], message: 'required with severity' });

export type AlertForm = z.output<typeof alertFormSchema>;

/** The chat copy the recipients read in the burn-after-reading viewer (English labels, 中文 in brackets). */
export function alertText(f: AlertForm, caseCode: string): string {
  const lines = [
    `🚨 Allergy alert 過敏警示 · ${caseCode}`,
    `Substance 致敏物: ${f.substance}${f.category ? ` (${f.category})` : ''}`,
    f.reaction ? `Reaction 反應: ${f.reaction}${f.severity ? ` — ${f.severity}` : ''}` : undefined,
    `Criticality 危急程度: ${f.criticality}`,
    f.onset ? `Onset 發作: ${f.onset}` : undefined,
    f.note ? `Note 備註: ${f.note}` : undefined,
    'Also sent to the health record, where it stays after this message burns. 已送交健康紀錄，本訊息銷毀後仍會保留。',
  ];
  return lines.filter((l): l is string => l !== undefined).join('\n');
}

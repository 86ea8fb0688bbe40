import { z } from 'zod';
import { personDto } from './doctor.js';

/**
 * The interaction alert API (src/http/app/interaction-routes.ts), for the mini-app's
 * /doctor/interactions/:id. The pair's names are shown here, in the signed-in app, never in chat.
 */
export const interactionParams = z.object({ id: z.string().uuid() });
export const interactionCaseParams = z.object({ code: z.string().min(1).max(20) });

export const interactionSeverity = z.enum(['contraindicated', 'major', 'moderate']);
export const interactionState = z.enum(['open', 'acknowledged', 'overridden']);

export const interactionSideDto = z.object({
  entryId: z.string(),
  text: z.string().describe('The medication as entered'),
  canonical: z.string().nullable().describe('What the lexicon resolved it to (INN, lower case); null when it could not'),
  status: z.enum(['active', 'stopped', 'gone']),
  source: z.enum(['clinician', 'ehr']).nullable(),
  prescriber: personDto.nullable(),
  prescriberName: z.string().nullable().describe('EHR entries whose prescriber is not in the directory'),
  institutionCode: z.string().nullable(),
});

export const citationDto = z.object({
  kind: z.enum(['pmid', 'label', 'regulator', 'article']),
  text: z.string(),
  url: z.string().nullable(),
});

export const interactionAlertDto = z.object({
  id: z.string(),
  caseCode: z.string(),
  state: interactionState,
  severity: interactionSeverity,
  ruleId: z.string(),
  ruleSetVersion: z.string(),
  reviewed: z.boolean().describe('False until a pharmacist signed the rule off'),
  crossPrescriber: z.boolean(),
  pair: z.tuple([interactionSideDto, interactionSideDto]),
  mechanism: z.string().nullable(),
  action: z.string().nullable(),
  alternatives: z.array(z.string()),
  sources: z.array(citationDto),
  createdAt: z.number().int(),
  decidedBy: personDto.nullable(),
  decidedAt: z.number().int().nullable(),
  reason: z.string().nullable(),
  recipients: z.array(z.object({ person: personDto, role: z.enum(['prescriber', 'attending']), readAt: z.number().int().nullable() })),
});

export const caseInteractionAlertsDto = z.object({
  caseCode: z.string(),
  alerts: z.array(z.object({ id: z.string(), severity: interactionSeverity, state: interactionState, ruleId: z.string(), createdAt: z.number().int(), drugs: z.array(z.string()) })),
  /** Where the next page starts (open alerts first, then decided ones, each newest first); null on the last. */
  nextCursor: z.string().nullable(),
});

export const overrideBody = z.object({ reason: z.string().max(1000).optional().describe('Required: why the combination stays (an override without one is 400 interaction.reason_required)') });

export const interactionDecidedDto = z.object({ id: z.string(), state: interactionState, decidedBy: personDto, decidedAt: z.number().int() });

export type InteractionAlertDto = z.infer<typeof interactionAlertDto>;
export type CaseInteractionAlertsDto = z.infer<typeof caseInteractionAlertsDto>;
export type OverrideBody = z.infer<typeof overrideBody>;
export type InteractionDecidedDto = z.infer<typeof interactionDecidedDto>;
export type CitationDto = z.infer<typeof citationDto>;

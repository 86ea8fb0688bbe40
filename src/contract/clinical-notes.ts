import { z } from 'zod';
import { myCaseDto } from './cases.js';
import { personDto } from './doctor.js';

/** The voice-note confirm page and the case key points (issue 13 items 4 and 5). */

export const draftParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

const how = z.enum(['exact', 'converted', 'sound-alike']);
const heardTermDto = z.object({
  heard: z.string(),
  entry: z.string(),
  kind: z.enum(['drug', 'diagnosis', 'symptom', 'procedure', 'test']),
  canonical: z.string(),
  how,
  score: z.number(),
});

export const voiceNoteDto = z.object({
  /** DingTalk's own transcript, shown to its sender only (it never travels in a link or to chat). */
  recognition: z.string(),
  terms: z.array(heardTermDto),
  cases: z.array(myCaseDto),
  expiresAt: z.number(),
});

export const saveVoiceBody = z.object({
  caseCode: z.string().min(1).max(20),
  as: z.enum(['note', 'medication']),
  /** Lexicon entry ids among the terms heard that the sender confirmed (drugs, for `medication`). */
  confirmed: z.array(z.string().max(100)).max(20).default([]),
});

export const voiceSavedDto = z.object({
  caseCode: z.string(),
  as: z.enum(['note', 'medication']),
  ids: z.array(z.string()),
  unresolved: z.array(z.string()),
});

export const confirmProblemBody = z.object({ term: z.string().min(1).max(200), entry: z.string().min(1).max(100) });
export const createdDto = z.object({ id: z.string() });

const suggestionDto = z.object({ entry: z.string(), canonical: z.string(), heard: z.string(), how, score: z.number() });
const guidelineDto = z.object({
  id: z.string(), title: z.string(), url: z.string(), publisher: z.string(), reference: z.string(),
  year: z.number().optional(), kind: z.enum(['guideline', 'fact-sheet', 'index']), note: z.string().optional(),
});

const ehrAllergyDto = z.object({
  ref: z.string(), text: z.string(),
  criticality: z.enum(['low', 'high', 'unable-to-assess']).optional(),
  clinicalStatus: z.enum(['active', 'inactive', 'resolved']).optional(),
  verification: z.enum(['unconfirmed', 'confirmed']).optional(),
  category: z.enum(['food', 'medication', 'environment', 'biologic']).optional(),
  drug: z.object({ entry: z.string(), canonical: z.string() }).nullable(),
});

export const caseSummaryDto = z.object({
  caseCode: z.string(),
  problems: z.array(z.object({ id: z.string(), entry: z.string(), term: z.string(), confirmedBy: personDto, confirmedAt: z.number() })),
  /** null: the medication list is not available yet (never read as "no medications"). */
  medications: z
    .array(z.object({
      id: z.string(), text: z.string(), terms: z.array(z.string()), unresolved: z.array(z.string()), source: z.enum(['clinician', 'ehr']),
      prescriber: personDto.nullable(), startOn: z.string().nullable(),
    }))
    .nullable(),
  allergyAlerts: z.array(z.object({ id: z.string(), raisedAt: z.number(), status: z.string() })),
  /** The EHR's allergies; `unavailable` (with the error code as reason) when the EHR cannot be asked — never "none". */
  ehrAllergies: z.discriminatedUnion('state', [
    z.object({ state: z.literal('listed'), items: z.array(ehrAllergyDto) }),
    z.object({ state: z.literal('unavailable'), reason: z.string() }),
  ]),
  documents: z.array(z.object({ id: z.string(), docType: z.string(), createdAt: z.number() })),
  openRequests: z.array(z.object({ id: z.string(), requester: personDto, createdAt: z.number() })),
  /** null: interaction alerts are not available yet. */
  interactionAlerts: z.array(z.object({ id: z.string(), severity: z.string(), status: z.string(), createdAt: z.number() })).nullable(),
  notes: z.array(z.object({ id: z.string(), text: z.string(), source: z.string(), author: personDto, createdAt: z.number() })),
  suggestions: z.object({ problems: z.array(suggestionDto), medications: z.array(suggestionDto) }),
  guidelines: z.array(guidelineDto),
});

export type VoiceNoteDto = z.infer<typeof voiceNoteDto>;
export type SaveVoiceBody = z.input<typeof saveVoiceBody>;
export type VoiceSavedDto = z.infer<typeof voiceSavedDto>;
export type ConfirmProblemBody = z.infer<typeof confirmProblemBody>;
export type CreatedDto = z.infer<typeof createdDto>;
export type CaseSummaryDto = z.infer<typeof caseSummaryDto>;

import { z } from 'zod';
import { personDto } from './doctor.js';

/** MDT meetings in the mini-app (issue 14 item 4): the meeting screen and "My MDT actions". */

export const mdtIdParams = z.object({ id: z.string().uuid() });

const term = z.object({ text: z.string().max(2000), entry: z.string().max(100).nullable(), canonical: z.string().max(200).nullable() });
const summaryAction = z.object({ text: z.string().max(2000), ownerId: z.string().max(64).nullable(), dueAt: z.number().int().nullable() });

/** The structured summary: pre-filled by rules from the transcript, then edited. */
export const mdtSummaryDto = z.object({
  decisions: z.array(z.string().max(2000)).max(100),
  actions: z.array(summaryAction).max(100),
  problems: z.array(term).max(100),
  medications: z.array(term).max(100),
  notes: z.array(z.string().max(2000)).max(100),
});

export const transcriptBody = z.object({ transcript: z.string().min(1).max(60_000) });
export const summaryBody = z.object({ summary: mdtSummaryDto });
export const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approved') }),
  z.object({ decision: z.literal('returned'), comment: z.string().min(1).max(2000) }),
]);

export const mdtStatus = z.enum(['scheduled', 'drafted', 'in_approval', 'returned', 'approved']);
const status = mdtStatus;
const role = z.enum(['presenter', 'attending', 'department_head']);

export const mdtStepDto = z.object({
  id: z.string(),
  round: z.number(),
  position: z.number(),
  role,
  approver: personDto,
  decision: z.enum(['approved', 'returned']).nullable(),
  comment: z.string().nullable(),
  decidedAt: z.number().nullable(),
});

export const mdtActionDto = z.object({
  id: z.string(),
  caseCode: z.string(),
  text: z.string(),
  owner: personDto,
  dueAt: z.number().nullable(),
  status: z.enum(['open', 'done']),
  doneAt: z.number().nullable(),
  overdue: z.boolean(),
});

export const mdtMeetingDto = z.object({
  id: z.string(),
  caseCode: z.string(),
  scheduledAt: z.number(),
  status,
  round: z.number(),
  organiser: personDto,
  participants: z.array(z.object({ person: personDto, kind: z.enum(['team', 'invited']) })),
  transcript: z.string().nullable(),
  summary: mdtSummaryDto.nullable(),
  editedBy: personDto.nullable(),
  steps: z.array(mdtStepDto),
  actions: z.array(mdtActionDto),
  documentId: z.string().nullable(),
  myStep: z.boolean(),
  editable: z.boolean(),
});

export const mdtDecidedDto = z.object({ next: z.enum(['next_step', 'returned', 'archived']), documentId: z.string().nullable() });
export const mdtStepsDto = z.object({ steps: z.array(mdtStepDto) });
/** GET /api/app/mdt-actions — a keyset page of my actions: open first (soonest due), then done (latest first). */
export const myMdtActionsDto = z.object({ items: z.array(mdtActionDto), nextCursor: z.string().nullable() });
export const mdtOkDto = z.object({ ok: z.literal(true) });

export type MdtMeetingDto = z.infer<typeof mdtMeetingDto>;
export type MdtSummaryDto = z.infer<typeof mdtSummaryDto>;
export type MdtActionDto = z.infer<typeof mdtActionDto>;

import { z } from 'zod';
import { pageQuery, personDto } from './doctor.js';
import { mdtStatus } from './mdt.js';

/** MDT meeting lists (issue 14 item 4): on the case screen, and the console's MDT page. Keyset pages, newest scheduled first. */

const stage = {
  id: z.string(),
  caseCode: z.string(),
  status: mdtStatus,
  /** In approval: the current step (1-based) of how many, and whom it waits on; null otherwise. */
  step: z.object({ position: z.number(), of: z.number(), approver: personDto }).nullable(),
};

/** GET /api/app/cases/:code/mdt — the case's meetings; `canOpen` when I take part (the meeting screen admits participants only). */
export const caseMdtItemDto = z.object({ ...stage, scheduledAt: z.number(), since: z.number(), canOpen: z.boolean() });
export const caseMdtPageDto = z.object({ items: z.array(caseMdtItemDto), nextCursor: z.string().nullable() });

/** GET /api/admin/mdt — every meeting, or those in one status; `stuck` when in approval longer than `stuckDays` days. */
export const consoleMdtQuery = pageQuery.extend({
  status: mdtStatus.optional(),
  stuckDays: z.coerce.number().int().min(0).max(365).default(3).describe('Flag meetings in approval longer than this many days (default 3; 0 flags every one in approval)'),
});
export const consoleMdtItemDto = z.object({ ...stage, scheduledAt: z.string(), since: z.string(), organiser: personDto, stuck: z.boolean() });
export const consoleMdtPageDto = z.object({ items: z.array(consoleMdtItemDto), nextCursor: z.string().nullable() });

/** GET /api/app/mdt-actions/counts — the inbox's line for my open MDT actions. */
export const mdtActionCountsDto = z.object({ open: z.number().int(), overdue: z.number().int() });
export type MdtActionCountsDto = z.infer<typeof mdtActionCountsDto>;

export type CaseMdtItemDto = z.infer<typeof caseMdtItemDto>;
export type CaseMdtPageDto = z.infer<typeof caseMdtPageDto>;
export type ConsoleMdtPageDto = z.infer<typeof consoleMdtPageDto>;
export type ConsoleMdtItemDto = z.infer<typeof consoleMdtItemDto>;

import { z } from 'zod';

/**
 * `?cursor=&limit=` of a case's own lists on the case screens (referrals, medications, interaction
 * alerts): `nextCursor` of the previous page, and the page size (1…100, default 20). A limit out of
 * range or a cursor that does not read is a 400 `request.invalid`.
 */
export const casePageQuery = z.object({
  cursor: z.string().max(300).optional().describe('`nextCursor` of the previous page (opaque)'),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('Page size, 1…100 (default 20)'),
});

export type CasePageQuery = z.infer<typeof casePageQuery>;

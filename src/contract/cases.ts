import { z } from 'zod';

/**
 * GET /api/app/cases (src/http/app/my-cases-routes.ts): "my work" — the signed-in clinician's cases,
 * newest activity first, in cursor pages. Codes, roles, times and counts only: never patient data,
 * even when the search was by patient.
 */
export const myCasesQuery = z.object({
  q: z.string().trim().max(100).optional().describe('A case code (exact, any case), an exact HKID, or whole words of the patient’s name'),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).optional().describe('Page size; capped at 50 (default 20)'),
});

export const myCaseDto = z.object({
  code: z.string(),
  role: z.enum(['attending', 'consulting', 'referring', 'observer']),
  status: z.enum(['open', 'closed']),
  lastActivityAt: z.number(),
  unread: z.number().int(),
});

export const myCasesPageDto = z.object({
  items: z.array(myCaseDto),
  nextCursor: z.string().nullable(),
  searchedBy: z.enum(['code', 'hkid', 'name']).optional(),
});

export type MyCaseDto = z.infer<typeof myCaseDto>;
export type MyCasesPageDto = z.infer<typeof myCasesPageDto>;

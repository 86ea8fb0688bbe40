import { z } from 'zod';
import { personDto } from './doctor.js';

/** The grant and case-status routes of the doctor screens (src/http/app/grant-case-routes.ts). */
export const caseGrantsDto = z.array(
  z.object({
    grantId: z.string(),
    kind: z.enum(['approval', 'break_glass', 'consult']),
    documentId: z.string().nullable(),
    grantee: personDto,
    createdAt: z.number(),
    expiresAt: z.number(),
    mayRevoke: z.boolean(),
  }),
);

export const grantParams = z.object({ id: z.string().min(1).max(64) });

/** What a revoke did, worded by the mini-app. */
export const revokedDto = z.object({ caseCode: z.string(), granteeId: z.string(), ended: z.number() });

export const caseStatusBody = z.object({ status: z.enum(['open', 'closed']) });
export const caseStatusDto = z.object({ caseCode: z.string(), status: z.enum(['open', 'closed']), grantsEnded: z.number() });

/** POST /api/app/documents/:id/title: the sharer's optional title (mini-app only, sealed at rest). */
export const documentTitleBody = z.object({ title: z.string().max(120) });

export type DocumentTitleBody = z.infer<typeof documentTitleBody>;
export type CaseGrantsDto = z.infer<typeof caseGrantsDto>;
export type RevokedDto = z.infer<typeof revokedDto>;
export type CaseStatusBody = z.infer<typeof caseStatusBody>;
export type CaseStatusDto = z.infer<typeof caseStatusDto>;

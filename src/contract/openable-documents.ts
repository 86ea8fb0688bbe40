import { z } from 'zod';
import { personDto } from './doctor.js';

/** What lets me open a document: my care role on its case, an approved request, a consult grant (referral, MDT), break-glass. */
export const OPEN_VIA = ['care_team', 'grant', 'consult', 'break_glass'] as const;

export const openableDocumentDto = z.object({
  documentId: z.string(),
  caseCode: z.string(),
  docType: z.string(),
  author: personDto,
  createdAt: z.number(),
  via: z.enum(OPEN_VIA),
});

/** GET /api/app/documents: one page of the live documents I may open now, newest first; `nextCursor` null on the last page. */
export const openableDocumentsPageDto = z.object({ items: z.array(openableDocumentDto), nextCursor: z.string().nullable() });

export type OpenableDocumentsPageDto = z.infer<typeof openableDocumentsPageDto>;

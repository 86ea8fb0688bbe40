import { z } from 'zod';

/** Response DTOs of the doctor API: an allow-list of ids, case codes, people and times. Never patient data. */
export const personDto = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  role: z.string().nullable(),
  specialty: z.string().nullable(),
  institutionCode: z.string().nullable(),
  institutionName: z.string().nullable(),
  verified: z.boolean(),
});

const requestStatus = z.enum(['pending', 'approved', 'denied', 'expired']);

export const inboxDto = z.object({
  toDecide: z.array(z.object({ requestId: z.string(), caseCode: z.string(), documentId: z.string(), requester: personDto, reasonCode: z.string(), createdAt: z.number(), expiresAt: z.number() })),
  myRequests: z.array(z.object({ requestId: z.string(), caseCode: z.string(), documentId: z.string(), reasonCode: z.string(), status: requestStatus, createdAt: z.number(), decidedAt: z.number().nullable() })),
  newDocuments: z.array(z.object({ documentId: z.string(), caseCode: z.string(), author: personDto, createdAt: z.number() })),
  burnItems: z.array(z.object({ itemId: z.string(), caseCode: z.string(), author: personDto, kind: z.string(), createdAt: z.number(), expiresAt: z.number(), burnAt: z.number().nullable() })),
  escalations: z.array(z.object({ itemId: z.string(), itemType: z.string(), caseCode: z.string(), step: z.number(), createdAt: z.number() })),
});

export const caseViewDto = z.object({
  code: z.string(),
  status: z.string(),
  openedAt: z.number(),
  myCareRole: z.string().nullable(),
  team: z.array(personDto.extend({ careRole: z.string(), since: z.number() })),
  documents: z.array(
    z.object({
      documentId: z.string(),
      kind: z.string(),
      status: z.string(),
      createdAt: z.number(),
      author: personDto,
      openedBy: z.array(z.object({ person: personDto, firstOpenedAt: z.number(), viewCount: z.number() })),
      notOpened: z.array(personDto),
    }),
  ),
});

export const viewTokenDto = z.object({
  token: z.string().describe('Bound to the signed-in clinician; useless to anyone else'),
  expiresAt: z.number(),
  url: z.string().describe('POST `{ token }` here with the Authorization header; returns the watermarked PDF'),
});

/** 403 of the view-token route: the coded error, and for a policy refusal the plain-language reasons. */
export const refusalDto = z.object({ code: z.string(), message: z.string(), reasons: z.array(z.string()).optional() });

export const reasonsDto = z.array(z.object({ code: z.string(), en: z.string(), zh: z.string() }));

export type PersonDto = z.infer<typeof personDto>;

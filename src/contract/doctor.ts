import { z } from 'zod';
import { consultTriggerDto } from './consult-rules.js';
import { GRANT_DURATION_CODES } from './grant-durations.js';

/** The doctor screens' API (src/http/app-doctor-routes.ts, app-burn-routes.ts): ids, case codes, people and times. Never patient data. */
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

/** `?cursor=&limit=` of every cursor-paged list: `nextCursor` of the previous page; the page size (capped at 50, default 20). */
export const pageQuery = z.object({
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page (opaque)'),
  limit: z.coerce.number().int().min(1).max(200).optional().describe('Page size; capped at 50 (default 20)'),
});

export const newDocumentDto = z.object({ documentId: z.string(), caseCode: z.string(), docType: z.string(), author: personDto, createdAt: z.number() });

/** GET /api/app/inbox/documents: the next page of documents on my cases I have not opened, newest first. */
export const newDocumentsPageDto = z.object({ items: z.array(newDocumentDto), nextCursor: z.string().nullable() });

export const toDecideDto = z.object({ requestId: z.string(), caseCode: z.string(), documentId: z.string(), requester: personDto, reasonCode: z.string(), createdAt: z.number(), expiresAt: z.number() });
export const myRequestDto = z.object({ requestId: z.string(), caseCode: z.string(), documentId: z.string(), reasonCode: z.string(), status: requestStatus, createdAt: z.number(), decidedAt: z.number().nullable() });
export const burnEntryDto = z.object({ itemId: z.string(), caseCode: z.string(), author: personDto, kind: z.enum(['text', 'document']), createdAt: z.number(), expiresAt: z.number(), burnAt: z.number().nullable() });
export const escalationEntryDto = z.object({ itemId: z.string(), itemType: z.enum(['document', 'alert', 'interaction', 'referral']), caseCode: z.string(), step: z.number(), createdAt: z.number() });
/** Allergy alerts still out: sent to me (open the burn item) or raised by me (`mine`). */
export const alertEntryDto = z.object({ alertId: z.string(), caseCode: z.string(), raisedBy: personDto, mine: z.boolean(), itemId: z.string().nullable(), createdAt: z.number() });

/** One newest-first page of an inbox list; `nextCursor` null on the last page. */
const pageDto = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
/** GET /api/app/inbox/{to-decide,my-requests,burn,alerts,escalations}: the next page of each inbox list. */
export const inboxPageDtos = {
  'to-decide': pageDto(toDecideDto),
  'my-requests': pageDto(myRequestDto),
  burn: pageDto(burnEntryDto),
  alerts: pageDto(alertEntryDto),
  escalations: pageDto(escalationEntryDto),
};

/**
 * Every list's first page (newest first) and the cursor of its next (`…Next`, null when there is no
 * more; GET /api/app/inbox/<list>?cursor=). No list grows with the clinician's history.
 */
export const inboxDto = z.object({
  toDecide: z.array(toDecideDto),
  toDecideNext: z.string().nullable(),
  myRequests: z.array(myRequestDto),
  myRequestsNext: z.string().nullable(),
  /** The first page (newest first); more from GET /api/app/inbox/documents?cursor=newDocumentsNext. */
  newDocuments: z.array(newDocumentDto),
  newDocumentsNext: z.string().nullable(),
  /** How many there are (a COUNT in the database, for the badge), up to 100: 100 means "100 or more" (the screen shows 99+). */
  newDocumentsTotal: z.number().int(),
  burnItems: z.array(burnEntryDto),
  burnItemsNext: z.string().nullable(),
  escalations: z.array(escalationEntryDto),
  escalationsNext: z.string().nullable(),
  alerts: z.array(alertEntryDto),
  alertsNext: z.string().nullable(),
});

export const caseDocumentDto = z.object({
  documentId: z.string(),
  kind: z.string(),
  /** What the sharer says it is (src/contract/document-types.ts). */
  docType: z.string(),
  /** The sharer's optional title (mini-app only). */
  title: z.string().nullable(),
  status: z.string(),
  createdAt: z.number(),
  author: personDto,
  openedBy: z.array(z.object({ person: personDto, firstOpenedAt: z.number(), viewCount: z.number() })),
  notOpened: z.array(personDto),
});
/** GET /api/app/cases/:code/documents: the next page of a case's documents with their receipts, newest first. */
export const caseDocumentsPageDto = z.object({
  items: z.array(caseDocumentDto),
  nextCursor: z.string().nullable(),
  /** Consult rules that fired on this page's documents (the screen tags them). */
  consultTriggers: z.array(consultTriggerDto),
});
/** GET /api/app/cases/:code/consult-triggers: the next page of rules that fired on the case's results and forms, newest first. */
export const caseConsultTriggersPageDto = z.object({ items: z.array(consultTriggerDto), nextCursor: z.string().nullable() });

export const caseViewDto = z.object({
  code: z.string(),
  status: z.string(),
  openedAt: z.number(),
  myCareRole: z.string().nullable(),
  team: z.array(personDto.extend({ careRole: z.string(), since: z.number() })),
  /** The first page of the case's documents, newest first; more from GET /api/app/cases/:code/documents?cursor=documentsNext. */
  documents: z.array(caseDocumentDto),
  documentsNext: z.string().nullable(),
  /** How many documents the case has (a COUNT in the database). */
  documentsTotal: z.number().int(),
  /**
   * Consult rules that fired on this case's items (issue 14): "triggered consult: rule X" — those on the
   * first page's documents, then the first page of those on its results and forms, newest first; more of
   * the latter from GET /api/app/cases/:code/consult-triggers?cursor=consultTriggersNext.
   */
  consultTriggers: z.array(consultTriggerDto),
  consultTriggersNext: z.string().nullable(),
});

export const viewTokenDto = z.object({
  token: z.string().describe('Bound to the signed-in clinician; useless to anyone else'),
  expiresAt: z.number(),
  url: z.string().describe('POST `{ token }` here with the Authorization header; returns the watermarked PDF'),
});

/** 403 of the view-token route: the coded error, and for a policy refusal the plain-language reasons. */
export const refusalDto = z.object({ code: z.string(), message: z.string(), hint: z.string().optional(), reasons: z.array(z.string()).optional() });

export const reasonsDto = z.array(z.object({ code: z.string(), en: z.string(), zh: z.string() }));

export type PersonDto = z.infer<typeof personDto>;

/** Path and query of the document and request routes. */
export const docParams = z.object({ id: z.string().min(1).max(64) });
/** The UI's language for the answer's words (reasons, confirmations); else the clinician's DingTalk language. */
export const langQuery = z.object({ lang: z.enum(['en', 'zh']).optional() });
export const caseParams = z.object({ code: z.string().min(1).max(20) });

/** The body of the two view routes (document, burn document): the token travels here, never in the URL. */
export const viewTokenBody = z.object({ token: z.string().min(10).max(400) });

/** POST /api/app/documents/:id/request. The route narrows `reasonCode` to the purpose-of-use codes. */
export const requestAccessBody = z.object({ reasonCode: z.string() });
export const decideBody = z.object({
  decision: z.enum(['approve', 'deny']),
  reason: z.string().trim().max(200).optional(),
  /** How long the grant runs; none: the default for the request's purpose. */
  duration: z.enum(GRANT_DURATION_CODES).optional(),
});
export const requestAnswer = z.object({ requestId: z.string(), status: z.string(), message: z.string() });
/** 409 of request/decide: approving would not let the requester open it; the missing conditions named. */
export const wouldNotOpen = z.object({ code: z.string(), message: z.string(), hint: z.string().optional(), missing: z.array(z.string()).optional() });

/** POST /api/app/burn/:itemId/open */
export const burnParams = z.object({ itemId: z.string().min(1).max(64) });
export const burnOpenedDto = z.object({
  kind: z.enum(['text', 'document']),
  text: z.string().optional(),
  /** Null for a document not yet fetched: its countdown starts when the content is. */
  remainingSeconds: z.number().int().nullable(),
  /** Documents only: a short-lived burn view token bound to me, and where to POST it for the PDF. */
  token: z.string().optional(),
  url: z.string().optional(),
  expiresAt: z.number().optional(),
  /** Text only: the viewer's watermark the screen stamps over the text (name, role code, `YYYY-MM-DD hh:mm:ss HKT`). */
  watermark: z.object({ name: z.string(), role: z.string().nullable(), at: z.string() }).optional(),
});

export type InboxDto = z.infer<typeof inboxDto>;
export type NewDocumentsPageDto = z.infer<typeof newDocumentsPageDto>;
export type InboxList = keyof typeof inboxPageDtos;
export type InboxPageDto<L extends InboxList> = z.infer<(typeof inboxPageDtos)[L]>;
export type CaseViewDto = z.infer<typeof caseViewDto>;
export type CaseDocumentsPageDto = z.infer<typeof caseDocumentsPageDto>;
export type CaseConsultTriggersPageDto = z.infer<typeof caseConsultTriggersPageDto>;
export type ViewTokenDto = z.infer<typeof viewTokenDto>;
export type ReasonDto = z.infer<typeof reasonsDto>[number];
export type BurnOpenedDto = z.infer<typeof burnOpenedDto>;
export type RequestAnswerDto = z.infer<typeof requestAnswer>;
export type DecideBody = z.input<typeof decideBody>;

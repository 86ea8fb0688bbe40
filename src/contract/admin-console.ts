import { z } from 'zod';

/**
 * Request and response schemas of the admin console API (policies, approvals, break-glass, audit,
 * outbox, inbound). Responses are allow-lists: ids, codes, names of clinicians and times; never
 * patient data (the data access report, in admin-reports.ts, is the one deliberate exception).
 */
export const personDto = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  institution: z.string().nullable(),
});

const isoTime = z.string();

export const policyFileDto = z.object({ file: z.string(), text: z.string() });
export const policyDto = z.object({
  id: z.string(),
  file: z.string(),
  effect: z.enum(['permit', 'forbid']),
  actions: z.union([z.literal('all'), z.array(z.string())]),
});
export const policiesResponse = z.object({
  directory: z.string(),
  files: z.array(policyFileDto),
  validation: z.object({ valid: z.boolean(), problem: z.string().nullable(), checkedAt: isoTime }),
  policies: z.array(policyDto),
  /** Policy ids the running engine loaded at start; differs from `policies` after an edit until restart. */
  inForce: z.array(z.string()),
  changedSinceStart: z.boolean(),
});

export const explainBody = z.object({ clinicianId: z.string().min(1).max(64), documentId: z.string().min(1).max(64) });
export const explainResponse = z.object({
  allowed: z.boolean(),
  clinicianId: z.string(),
  documentId: z.string(),
  caseCode: z.string(),
  policies: z.array(z.string()),
  missing: z.array(z.string()),
  reasons: z.object({ en: z.array(z.string()), zh: z.array(z.string()) }),
});

/** The explain tool's people picker: a name search over the directory (empty: everyone, by name). */
export const peopleQuery = z.object({
  q: z.string().trim().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The previous answer's `nextCursor`. */
  cursor: z.string().max(600).optional(),
});
export const peopleResponse = z.object({
  people: z.array(
    z.object({
      id: z.string(),
      dingtalkUserId: z.string(),
      nameEn: z.string(),
      nameZh: z.string().nullable(),
      role: z.string().nullable(),
      specialty: z.string().nullable(),
      institution: z.string().nullable(),
      verified: z.boolean(),
      suspended: z.boolean(),
    }),
  ),
  /** More people matched than `limit`: the admin should type more of the name. */
  more: z.boolean(),
  /** Where the next page starts (null: no more). */
  nextCursor: z.string().nullable(),
});

/** The explain tool's document picker: a case's documents, newest first, described without opening them. */
export const caseDocumentsResponse = z.object({
  caseCode: z.string(),
  documents: z.array(
    z.object({
      id: z.string(),
      /** Its place in the order the case's documents were shared (1 = first): the name it goes by. */
      seq: z.number(),
      kind: z.enum(['report', 'ephemeral']),
      /** What the sharer said it is (a DOCUMENT_TYPES code: report, imaging, lab…), named by its label in the console. */
      docType: z.string(),
      mediaType: z.string(),
      sharedAt: isoTime,
      author: personDto,
      status: z.enum(['active', 'destroyed', 'retracted']),
      /** A restricted category applies (policy may ask for more); which one is not shown here. */
      restricted: z.boolean(),
    }),
  ),
});

export const approvalDto = z.object({
  requestId: z.string(),
  status: z.enum(['pending', 'approved', 'denied', 'expired']),
  caseCode: z.string().nullable(),
  documentId: z.string(),
  requester: personDto,
  reasonCode: z.string(),
  /** The step a pending request waits on (a code: attending, privacy_officer), shown as words. */
  waitingOn: z.string().nullable(),
  /** Who can decide that step now, by name (empty once decided). */
  waitingOnPeople: z.array(personDto),
  requestedAt: isoTime,
  expiresAt: isoTime,
  decidedAt: isoTime.nullable(),
  decisions: z.array(z.object({ step: z.string(), decision: z.enum(['approve', 'deny']), by: personDto, at: isoTime })),
});

export const breakGlassDto = z.object({
  reviewId: z.string(),
  grantId: z.string(),
  caseCode: z.string().nullable(),
  clinician: personDto,
  /** The clinician's own justification, kept for the reviewer (never in the audit log). */
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'flagged']),
  createdAt: isoTime,
  reviewer: personDto.nullable(),
  note: z.string().nullable(),
  reviewedAt: isoTime.nullable(),
});
export const reviewBody = z.object({ decision: z.enum(['approve', 'flag']), note: z.string().trim().max(500).optional() });

/** What kind of record an audit entry's target id names, as the console shows it (never the id). */
export const AUDIT_TARGET_KINDS = [
  'document', 'request', 'grant', 'review', 'case', 'institution', 'patient',
  // Not looked up, known by the entry's action: a sign-in, a burn-after-reading item, an alert, a chat message, a form link.
  'session', 'burn', 'alert', 'message', 'link', 'record',
] as const;

export const auditEntryDto = z.object({
  idx: z.number(),
  at: isoTime,
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.enum(['success', 'denied', 'failure']),
  reason: z.string().nullable(),
  trace: z.string().nullable(),
  leafHash: z.string(),
  /** The actor's and target's names when they are people (the console never shows a person as an id). */
  actorName: z.string().nullable().optional(),
  targetName: z.string().nullable().optional(),
  /** The reason with the people it names by id named instead (`clinician:<id>` → `clinician:Dr WONG…`); null when it names none. */
  reasonName: z.string().nullable().optional(),
  /** A target that is a record (document, request, grant…): what it is and its case's code, shown instead of its id. */
  targetRef: z
    .object({
      kind: z.enum(AUDIT_TARGET_KINDS),
      caseCode: z.string().nullable(),
      docType: z.string().nullable(),
      code: z.string().nullable(),
    })
    .nullable()
    .optional(),
});

/** Epoch milliseconds or an ISO 8601 date-time. */
const timeParam = z.union([z.coerce.number().int().nonnegative(), z.iso.datetime({ offset: true })]);
export const auditFilterQuery = z.object({
  actor: z.string().max(160).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  target: z.string().max(160).optional(),
  from: timeParam.optional(),
  to: timeParam.optional(),
});
export const auditListQuery = auditFilterQuery.extend({
  before: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const auditExportQuery = auditFilterQuery.extend({ limit: z.coerce.number().int().min(1).max(5000).default(1000) });

export const verifyResponse = z.object({
  ok: z.boolean(),
  size: z.number(),
  root: z.string().optional(),
  checkpoints: z.number().optional(),
  problem: z
    .object({ reason: z.string(), index: z.number().nullable(), range: z.tuple([z.number(), z.number()]).optional(), checkpointId: z.number().optional(), detail: z.string() })
    .optional(),
});
export const checkpointResponse = z.object({
  id: z.number(),
  treeSize: z.number(),
  rootHash: z.string(),
  at: isoTime,
  /** The declared data region signed with this tree head; null on checkpoints signed before it was recorded. */
  region: z.string().nullable(),
  keyId: z.string(),
  signature: z.string(),
  signedText: z.string(),
  publicKey: z.string().nullable(),
});

export const outboxStatus = z.enum(['pending', 'sent', 'dead', 'discarded']);
export const outboxItemDto = z.object({
  id: z.number(),
  idemKey: z.string(),
  kind: z.string(),
  status: outboxStatus,
  attempts: z.number(),
  nextAttemptAt: isoTime,
  lastError: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export const outboxIdParams = z.object({ id: z.coerce.number().int().positive() });

/** Inbound messages by state; dead letters carry their reason (a code), never the message text. */
export const inboundState = z.enum(['processing', 'done', 'failed', 'dead']);
export const inboundItemDto = z.object({
  msgId: z.string(),
  topic: z.string(),
  state: inboundState,
  attempts: z.number(),
  reason: z.string().nullable(),
  receivedAt: isoTime,
  completedAt: isoTime.nullable(),
});

/** GET /cases/:code/roles: one care-team role row and where it stands at `now` (the route narrows `careRole`). */
export const rosterRoleDto = z.object({
  roleId: z.string(),
  clinicianId: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  careRole: z.string(),
  specialty: z.string().nullable(),
  institutionName: z.string().nullable(),
  verified: z.boolean(),
  suspended: z.boolean(),
  status: z.enum(['active', 'future', 'ended', 'cancelled']),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  viaConversationId: z.string().nullable(),
  removedReason: z.string().nullable(),
});

/** GET /cases/:code/groups: the consult groups bound to a case. */
export const caseGroupDto = z.object({ conversationId: z.string(), boundBy: z.string(), boundByName: z.string().nullable().optional(), boundAt: z.string() });
export type CaseGroupDto = z.infer<typeof caseGroupDto>;

export type PersonRefDto = z.infer<typeof personDto>;
export type PersonPickDto = z.infer<typeof peopleResponse>['people'][number];
export type CaseDocumentDto = z.infer<typeof caseDocumentsResponse>['documents'][number];
export type RosterRoleDto = z.infer<typeof rosterRoleDto>;
export type AuditEntryDto = z.infer<typeof auditEntryDto>;
export type VerifyDto = z.infer<typeof verifyResponse>;
export type CheckpointDto = z.infer<typeof checkpointResponse>;
export type ApprovalDto = z.infer<typeof approvalDto>;
export type BreakGlassDto = z.infer<typeof breakGlassDto>;
export type PoliciesDto = z.infer<typeof policiesResponse>;
export type ExplainDto = z.infer<typeof explainResponse>;
export type OutboxItemDto = z.infer<typeof outboxItemDto>;
export type InboundItemDto = z.infer<typeof inboundItemDto>;

import type { z } from 'zod';
import type { ApprovalService } from '../../domain/approvals/approval-service.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { DoctorInboxRepository } from '../../domain/inbox-view/doctor-inbox-repository.js';
import type { inboxDto, newDocumentsPageDto } from '../../contract/doctor.js';
import { decodePageCursor, encodePageCursor, pageLimit } from '../../usecases/cases/cases-cursor.js';
import { personOf } from './people.js';

export interface InboxDeps {
  /** The doctor inbox's lookups by clinician (read-only, across contexts). */
  doctorInbox: DoctorInboxRepository;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  approvals: Pick<ApprovalService, 'pendingFor'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
}

/**
 * One page of the documents on my cases that others shared and I have not opened, newest first: one
 * keyset query with the case codes joined (never a query per case), people looked up for the page only.
 */
export async function newDocumentsPage(
  deps: Pick<InboxDeps, 'doctorInbox' | 'directory'>,
  me: ClinicianRow,
  input: { cursor?: string; limit?: number } = {},
): Promise<z.infer<typeof newDocumentsPageDto>> {
  const limit = pageLimit(input.limit);
  const rows = await deps.doctorInbox.newDocumentsPage(me.id, { limit: limit + 1, after: decodePageCursor(input.cursor) });
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page[page.length - 1] : undefined;
  return {
    items: await Promise.all(page.map(async (d) => ({ documentId: d.id, caseCode: d.caseCode, docType: d.docType, author: await personOf(deps.directory, d.authorId), createdAt: d.createdAt }))),
    nextCursor: last ? encodePageCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/**
 * What waits for one clinician: requests to decide, their own requests, documents on their cases they
 * have not opened, burn-after-reading items, urgent escalations, and allergy alerts sent or raised. Built from ids and case codes only.
 */
export async function buildInbox(deps: InboxDeps, me: ClinicianRow): Promise<z.infer<typeof inboxDto>> {
  const { doctorInbox: queries, directory: dir } = deps;
  const codes = new Map<string, string>();
  const codeOf = async (caseId: string) => {
    if (!codes.has(caseId)) codes.set(caseId, (await deps.casesRepo.caseById(caseId))?.code ?? '');
    return codes.get(caseId)!;
  };
  const toDecide = await Promise.all((await deps.approvals.pendingFor(me.id, await queries.pendingRequestDocuments(me.id))).map(async (r) => ({
    requestId: r.id, caseCode: await codeOf(r.caseId), documentId: r.documentId, requester: await personOf(dir, r.requesterId), reasonCode: r.reasonCode, createdAt: r.createdAt, expiresAt: r.expiresAt,
  })));
  const myRequests = await Promise.all((await queries.requestsBy(me.id)).map(async (r) => ({
    requestId: r.id, caseCode: await codeOf(r.caseId), documentId: r.documentId, reasonCode: r.reasonCode, status: r.status, createdAt: r.createdAt, decidedAt: r.decidedAt,
  })));
  const newDocuments = await newDocumentsPage(deps, me);
  const alertRows = await queries.alertsFor(me.id);
  // An alert's chat copy is a burn item too: listed once, under alerts.
  const alertItems = new Set(alertRows.map((a) => a.itemId));
  const burnItems = await Promise.all((await queries.burnItemsFor(me.id)).filter((b) => !alertItems.has(b.id)).map(async (b) => ({
    itemId: b.id, caseCode: await codeOf(b.caseId), author: await personOf(dir, b.authorId), kind: b.kind, createdAt: b.createdAt, expiresAt: b.expiresAt, burnAt: b.burnAt,
  })));
  const escalations = await Promise.all(
    (await queries.escalationsFor(me.id)).map(async (e) => ({ itemId: e.itemId, itemType: e.itemType, caseCode: await codeOf(e.caseId), step: e.step, createdAt: e.createdAt })),
  );
  const alerts = await Promise.all(alertRows.map(async (a) => ({
    alertId: a.id, caseCode: await codeOf(a.caseId), raisedBy: await personOf(dir, a.raisedBy), mine: a.raisedBy === me.id, itemId: a.itemId, createdAt: a.createdAt,
  })));
  return {
    toDecide, myRequests, newDocuments: newDocuments.items, newDocumentsNext: newDocuments.nextCursor, newDocumentsTotal: await queries.newDocumentsCount(me.id),
    burnItems, escalations, alerts,
  };
}

import type { z } from 'zod';
import type { ApprovalService } from '../../domain/approvals/approval-service.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { DoctorInboxRepository } from '../../domain/inbox-view/doctor-inbox-repository.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import type { ReceiptService } from '../../domain/sharing/receipts.js';
import type { inboxDto } from '../../contract/doctor.js';
import { personOf } from './people.js';

export interface InboxDeps {
  /** The doctor inbox's lookups by clinician (read-only, across contexts). */
  doctorInbox: DoctorInboxRepository;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  documents: Pick<DocumentRepository, 'listByCase'>;
  approvals: Pick<ApprovalService, 'pendingFor'>;
  receipts: Pick<ReceiptService, 'receiptsForCase'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
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
  const caseIds = await queries.caseIdsOf(me.id);
  const docs = [];
  for (const id of caseIds) docs.push(...(await deps.documents.listByCase(id)).filter((d) => d.status === 'active'));

  const toDecide = await Promise.all((await deps.approvals.pendingFor(me.id, docs.map((d) => d.id))).map(async (r) => ({
    requestId: r.id, caseCode: await codeOf(r.caseId), documentId: r.documentId, requester: await personOf(dir, r.requesterId), reasonCode: r.reasonCode, createdAt: r.createdAt, expiresAt: r.expiresAt,
  })));
  const myRequests = await Promise.all((await queries.requestsBy(me.id)).map(async (r) => ({
    requestId: r.id, caseCode: await codeOf(r.caseId), documentId: r.documentId, reasonCode: r.reasonCode, status: r.status, createdAt: r.createdAt, decidedAt: r.decidedAt,
  })));
  const receipts = [];
  for (const caseId of caseIds) receipts.push(...(await deps.receipts.receiptsForCase(caseId, [me.id])).map((r) => ({ caseId, r })));
  const unopened = receipts.filter(({ r }) => r.status === 'active' && r.notOpened.some((n) => n.clinicianId === me.id));
  const newDocuments = (
    await Promise.all(unopened.map(async ({ caseId, r }) => ({ documentId: r.documentId, caseCode: await codeOf(caseId), author: await personOf(dir, r.authorId), createdAt: r.createdAt })))
  ).sort((a, b) => b.createdAt - a.createdAt);
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
  return { toDecide, myRequests, newDocuments, burnItems, escalations, alerts };
}

import type { z } from 'zod';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Service } from '../../service.js';
import type { DoctorQueries } from './doctor-queries.js';
import type { inboxDto } from '../../contract/doctor.js';
import { personOf } from './people.js';

/**
 * What waits for one clinician: requests to decide, their own requests, documents on their cases they
 * have not opened, burn-after-reading items and urgent escalations. Built from ids and case codes only.
 */
export async function buildInbox(service: Service, queries: DoctorQueries, me: ClinicianRow): Promise<z.infer<typeof inboxDto>> {
  const { secure, directoryRepo: dir } = service;
  const codes = new Map<string, string>();
  const codeOf = (caseId: string) => {
    if (!codes.has(caseId)) codes.set(caseId, secure.caseReads.caseById(caseId)?.code ?? '');
    return codes.get(caseId)!;
  };
  const caseIds = queries.caseIdsOf(me.id);
  const docs = [];
  for (const id of caseIds) docs.push(...(await secure.documentsRepo.listByCase(id)).filter((d) => d.status === 'active'));

  const toDecide = (await secure.approvals.pendingFor(me.id, docs.map((d) => d.id))).map((r) => ({
    requestId: r.id, caseCode: codeOf(r.caseId), documentId: r.documentId, requester: personOf(dir, r.requesterId), reasonCode: r.reasonCode, createdAt: r.createdAt, expiresAt: r.expiresAt,
  }));
  const myRequests = queries.requestsBy(me.id).map((r) => ({
    requestId: r.id, caseCode: codeOf(r.caseId), documentId: r.documentId, reasonCode: r.reasonCode, status: r.status, createdAt: r.createdAt, decidedAt: r.decidedAt,
  }));
  const receipts = [];
  for (const caseId of caseIds) receipts.push(...(await secure.receipts.receiptsForCase(caseId, [me.id])).map((r) => ({ caseId, r })));
  const newDocuments = receipts
    .filter(({ r }) => r.status === 'active' && r.notOpened.some((n) => n.clinicianId === me.id))
    .map(({ caseId, r }) => ({ documentId: r.documentId, caseCode: codeOf(caseId), author: personOf(dir, r.authorId), createdAt: r.createdAt }))
    .sort((a, b) => b.createdAt - a.createdAt);
  const burnItems = queries.burnItemsFor(me.id).map((b) => ({
    itemId: b.id, caseCode: codeOf(b.caseId), author: personOf(dir, b.authorId), kind: b.kind, createdAt: b.createdAt, expiresAt: b.expiresAt, burnAt: b.burnAt,
  }));
  const escalations = queries.escalationsFor(me.id).map((e) => ({ itemId: e.itemId, itemType: e.itemType, caseCode: codeOf(e.caseId), step: e.step, createdAt: e.createdAt }));
  return { toDecide, myRequests, newDocuments, burnItems, escalations };
}

import type { z } from 'zod';
import type { inboxPageDtos, InboxList, PersonDto } from '../../contract/doctor.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { PageCursor } from '../../usecases/cases/cases-cursor.js';
import { pageInput, pageOf } from './pages.js';
import type { ApprovalService } from '../../domain/approvals/approval-service.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { DoctorInboxRepository } from '../../domain/inbox-view/doctor-inbox-repository.js';
import { peopleOf } from './people.js';
import { newestFirst } from '../../shared/newest-first.js';


export interface InboxDeps {
  /** The doctor inbox's lookups by clinician (read-only, across contexts). */
  doctorInbox: DoctorInboxRepository;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  approvals: Pick<ApprovalService, 'pendingFor'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
}

type Page<L extends InboxList> = z.infer<(typeof inboxPageDtos)[L]>;

/** Newest first by (createdAt, id), past `after`: the keyset order of every inbox list. */
function newestFirstAfter<R extends { createdAt: number; id: string }>(rows: R[], after: PageCursor | undefined): R[] {
  return rows
    .filter((r) => !after || r.createdAt < after.at || (r.createdAt === after.at && r.id < after.id))
    .sort(newestFirst);
}

/**
 * One page of any inbox list for one clinician. Case codes and people are looked up for the page's rows
 * only. Requests to decide are the pending requests on my cases that wait on me: pending requests
 * expire within days, so that set stays small whatever the history; it is filtered by approver, then paged.
 */
export async function inboxPage<L extends InboxList>(deps: InboxDeps, me: ClinicianRow, list: L, input: { cursor?: string; limit?: number } = {}): Promise<Page<L>> {
  const { doctorInbox: q } = deps;
  const { limit, probe } = pageInput(input);
  const person: (id: string) => Promise<PersonDto> = peopleOf(deps.directory);
  const codes = new Map<string, Promise<string>>();
  const codeOf = (caseId: string) => {
    if (!codes.has(caseId)) codes.set(caseId, deps.casesRepo.caseById(caseId).then((c) => c?.code ?? ''));
    return codes.get(caseId)!;
  };
  const pages: { [K in InboxList]: () => Promise<Page<K>> } = {
    'to-decide': async () => {
      const pending = await deps.approvals.pendingFor(me.id, await q.pendingRequestDocuments(me.id));
      return pageOf(newestFirstAfter(pending, probe.after).slice(0, probe.limit), limit, (r) => r.id, async (r) => ({
        requestId: r.id, caseCode: await codeOf(r.caseId), documentId: r.documentId, requester: await person(r.requesterId), reasonCode: r.reasonCode, createdAt: r.createdAt, expiresAt: r.expiresAt,
      }));
    },
    'my-requests': async () =>
      pageOf(await q.requestsBy(me.id, probe), limit, (r) => r.id, async (r) => ({
        requestId: r.id, caseCode: await codeOf(r.caseId), documentId: r.documentId, reasonCode: r.reasonCode, status: r.status, createdAt: r.createdAt, decidedAt: r.decidedAt,
      })),
    burn: async () =>
      pageOf(await q.burnItemsFor(me.id, probe), limit, (b) => b.id, async (b) => ({
        itemId: b.id, caseCode: await codeOf(b.caseId), author: await person(b.authorId), kind: b.kind, createdAt: b.createdAt, expiresAt: b.expiresAt, burnAt: b.burnAt,
      })),
    alerts: async () =>
      pageOf(await q.alertsFor(me.id, probe), limit, (a) => a.id, async (a) => ({
        alertId: a.id, caseCode: await codeOf(a.caseId), raisedBy: await person(a.raisedBy), mine: a.raisedBy === me.id, itemId: a.itemId, createdAt: a.createdAt,
      })),
    escalations: async () =>
      pageOf(await q.escalationsFor(me.id, probe), limit, (e) => e.itemId, async (e) => ({ itemId: e.itemId, itemType: e.itemType, caseCode: await codeOf(e.caseId), step: e.step, createdAt: e.createdAt })),
  };
  return (pages[list] as () => Promise<Page<L>>)();
}

import type { z } from 'zod';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { inboxDto, newDocumentsPageDto } from '../../contract/doctor.js';
import { inboxPage, type InboxDeps } from './inbox-lists.js';
import { pageInput, pageOf } from './pages.js';
import { personOf } from './people.js';

export type { InboxDeps } from './inbox-lists.js';

/**
 * One page of the documents on my cases that others shared and I have not opened, newest first: one
 * keyset query with the case codes joined (never a query per case), people looked up for the page only.
 */
export async function newDocumentsPage(
  deps: Pick<InboxDeps, 'doctorInbox' | 'directory'>,
  me: ClinicianRow,
  input: { cursor?: string; limit?: number } = {},
): Promise<z.infer<typeof newDocumentsPageDto>> {
  const { limit, probe } = pageInput(input);
  const rows = await deps.doctorInbox.newDocumentsPage(me.id, probe);
  return pageOf(rows, limit, (d) => d.id, async (d) => ({ documentId: d.id, caseCode: d.caseCode, docType: d.docType, author: await personOf(deps.directory, d.authorId), createdAt: d.createdAt }));
}

/**
 * What waits for one clinician: requests to decide, their own requests, documents on their cases they
 * have not opened, burn-after-reading items, urgent escalations, and allergy alerts sent or raised —
 * each list's first page and the cursor of its next. Built from ids and case codes only.
 */
export async function buildInbox(deps: InboxDeps, me: ClinicianRow): Promise<z.infer<typeof inboxDto>> {
  const [toDecide, myRequests, newDocuments, newDocumentsTotal, burnItems, escalations, alerts] = await Promise.all([
    inboxPage(deps, me, 'to-decide'),
    inboxPage(deps, me, 'my-requests'),
    newDocumentsPage(deps, me),
    deps.doctorInbox.newDocumentsCount(me.id),
    inboxPage(deps, me, 'burn'),
    inboxPage(deps, me, 'escalations'),
    inboxPage(deps, me, 'alerts'),
  ]);
  return {
    toDecide: toDecide.items, toDecideNext: toDecide.nextCursor,
    myRequests: myRequests.items, myRequestsNext: myRequests.nextCursor,
    newDocuments: newDocuments.items, newDocumentsNext: newDocuments.nextCursor, newDocumentsTotal,
    burnItems: burnItems.items, burnItemsNext: burnItems.nextCursor,
    escalations: escalations.items, escalationsNext: escalations.nextCursor,
    alerts: alerts.items, alertsNext: alerts.nextCursor,
  };
}

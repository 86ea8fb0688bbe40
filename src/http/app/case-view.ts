import type { z } from 'zod';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { GrantService } from '../../domain/grants/grant-service.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import type { DocumentTitles } from '../../domain/sharing/document-titles.js';
import type { ReceiptService } from '../../domain/sharing/receipts.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { caseViewDto } from '../../contract/doctor.js';
import type { RuleFirings } from '../../domain/consult-rules/rule-firings.js';
import { peopleOf } from './people.js';

export interface CaseViewDeps {
  cases: Pick<CaseQueries, 'findCase' | 'teamRoleNow' | 'teamOf'>;
  documents: Pick<DocumentRepository, 'listByCase'>;
  grants: Pick<GrantService, 'holdsAnyOnCase'>;
  receipts: Pick<ReceiptService, 'receiptsForCase'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
  clock: Clock;
  titles: Pick<DocumentTitles, 'ofCase'>;
  firings: Pick<RuleFirings, 'forCase'>;
}

/**
 * One case as the care team sees it: code, team with roles and verification, documents with read
 * receipts. Only for a current team member or someone holding a live grant on the case; others get
 * access.denied (an unknown code too, so codes cannot be probed).
 */
export async function buildCaseView(deps: CaseViewDeps, me: ClinicianRow, code: string): Promise<z.infer<typeof caseViewDto>> {
  const { cases, directory: dir, clock } = deps;
  let row;
  try {
    row = await cases.findCase(code);
  } catch {
    throw new DomainError('access.denied');
  }
  const myRole = await cases.teamRoleNow(row.id, me.id);
  // A team member needs no grant; anyone else a live case-wide grant or one on a document of the case (one query, not one per document).
  if (!myRole) {
    const docs = await deps.documents.listByCase(row.id);
    if (!(await deps.grants.holdsAnyOnCase(me.id, row.id, docs.map((d) => d.id), clock.now()))) throw new DomainError('access.denied');
  }

  // Each person looked up once per view, however many documents they wrote, opened or have not opened.
  const personOf = peopleOf(dir);
  const teamRows = await cases.teamOf(row.id);
  const team = await Promise.all(teamRows.map(async (m) => ({ ...(await personOf(m.clinicianId)), careRole: m.careRole, since: m.since })));
  const recipients = teamRows.map((m) => m.clinicianId);
  const titles = await deps.titles.ofCase(row.id);
  const documents = await Promise.all(
    (await deps.receipts.receiptsForCase(row.id, recipients)).map(async (r) => ({
      documentId: r.documentId,
      kind: r.kind,
      docType: r.docType,
      title: titles.get(r.documentId) ?? null,
      status: r.status,
      createdAt: r.createdAt,
      author: await personOf(r.authorId),
      openedBy: await Promise.all(r.openedBy.map(async (o) => ({ person: await personOf(o.clinicianId), firstOpenedAt: o.firstOpenedAt, viewCount: o.viewCount }))),
      notOpened: await Promise.all(r.notOpened.map((n) => personOf(n.clinicianId))),
    })),
  );
  const docIds = new Set(documents.map((d) => d.documentId));
  const consultTriggers = (await deps.firings.forCase(row.id)).map((f) => ({
    ruleId: f.ruleId,
    itemType: f.itemType,
    documentId: f.itemType === 'document' && docIds.has(f.itemId) ? f.itemId : null,
    firedAt: f.firedAt,
    referralOpened: f.referralId !== null,
    referralId: f.referralId,
  }));
  return { code: row.code, status: row.status, openedAt: row.openedAt, myCareRole: myRole || null, team, documents, consultTriggers };
}

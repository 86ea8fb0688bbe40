import type { z } from 'zod';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { GrantService } from '../../domain/grants/grant-service.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import type { DocumentTitles } from '../../domain/sharing/document-titles.js';
import type { ReceiptService } from '../../domain/sharing/receipts.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { caseDocumentsPageDto, caseViewDto, PersonDto } from '../../contract/doctor.js';
import type { RuleFiringRow, RuleFirings } from '../../domain/consult-rules/rule-firings.js';
import { pageAcrossRuns } from '../../usecases/paging/run-pages.js';
import { pageInput, pageOf } from './pages.js';
import { peopleOf } from './people.js';

export interface CaseViewDeps {
  cases: Pick<CaseQueries, 'findCase' | 'teamRoleNow' | 'teamOf'>;
  documents: Pick<DocumentRepository, 'pageByCase' | 'countByCase'>;
  grants: Pick<GrantService, 'holdsAnyOnCase'>;
  receipts: Pick<ReceiptService, 'receiptsForDocuments'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
  clock: Clock;
  titles: Pick<DocumentTitles, 'ofDocuments'>;
  firings: Pick<RuleFirings, 'forDocuments' | 'pageOtherItems'>;
}

/**
 * The case for a current team member or someone holding a live grant on it (case-wide or on one of its
 * documents); others get access.denied (an unknown code too, so codes cannot be probed).
 */
async function caseFor(deps: CaseViewDeps, me: ClinicianRow, code: string) {
  let row;
  try {
    row = await deps.cases.findCase(code);
  } catch {
    throw new DomainError('access.denied');
  }
  const myRole = await deps.cases.teamRoleNow(row.id, me.id);
  if (!myRole && !(await deps.grants.holdsAnyOnCase(me.id, row.id, deps.clock.now()))) throw new DomainError('access.denied');
  return { row, myRole };
}

/** A firing as the case screen shows it: a document's firing names the document (the screen tags it), others are listed. */
const triggerDto = (f: RuleFiringRow) => ({
  ruleId: f.ruleId,
  itemType: f.itemType,
  documentId: f.itemType === 'document' ? f.itemId : null,
  firedAt: f.firedAt,
  referralOpened: f.referralId !== null,
  referralId: f.referralId,
});

/** A keyset page of the rules that fired on the case's other items (results, forms), newest first. */
const otherTriggersPage = async (deps: CaseViewDeps, caseId: string, input: { cursor?: string; limit?: number }) => {
  const page = await pageAcrossRuns(['all'], input, (_run, p) => deps.firings.pageOtherItems(caseId, p), (f) => ({ at: f.firedAt, id: f.id }));
  return { items: page.items.map(triggerDto), nextCursor: page.nextCursor };
};

/** One page of the case's documents, newest first, with read receipts against the team and titles: queries for the page's documents only. */
async function documentsPage(deps: CaseViewDeps, caseId: string, recipients: string[], personOf: (id: string) => Promise<PersonDto>, input: { cursor?: string; limit?: number }) {
  const { limit, probe } = pageInput(input);
  const rows = await deps.documents.pageByCase(caseId, probe);
  const shown = rows.slice(0, limit);
  const receipts = new Map((await deps.receipts.receiptsForDocuments(shown, recipients)).map((r) => [r.documentId, r]));
  const titles = await deps.titles.ofDocuments(shown.map((d) => d.id));
  const consultTriggers = (await deps.firings.forDocuments(caseId, shown.map((d) => d.id))).map(triggerDto);
  const page = await pageOf(rows, limit, (d) => d.id, async (d) => {
    const r = receipts.get(d.id)!;
    return {
      documentId: d.id,
      kind: d.kind,
      docType: d.docType,
      title: titles.get(d.id) ?? null,
      status: d.status,
      createdAt: d.createdAt,
      author: await personOf(d.authorId),
      openedBy: await Promise.all(r.openedBy.map(async (o) => ({ person: await personOf(o.clinicianId), firstOpenedAt: o.firstOpenedAt, viewCount: o.viewCount }))),
      notOpened: await Promise.all(r.notOpened.map((n) => personOf(n.clinicianId))),
    };
  });
  return { ...page, consultTriggers };
}

/** GET /api/app/cases/:code/documents: the next page of the case's documents, for the same readers as the case. */
export async function caseDocumentsPage(deps: CaseViewDeps, me: ClinicianRow, code: string, input: { cursor?: string; limit?: number }): Promise<z.infer<typeof caseDocumentsPageDto>> {
  const { row } = await caseFor(deps, me, code);
  const team = await deps.cases.teamOf(row.id);
  return documentsPage(deps, row.id, team.map((m) => m.clinicianId), peopleOf(deps.directory), input);
}

/** GET /api/app/cases/:code/consult-triggers: the next page of rules that fired on the case's results and forms, for the same readers as the case. */
export async function caseConsultTriggersPage(deps: CaseViewDeps, me: ClinicianRow, code: string, input: { cursor?: string; limit?: number }) {
  const { row } = await caseFor(deps, me, code);
  return otherTriggersPage(deps, row.id, input);
}

/**
 * One case as the care team sees it: code, team with roles and verification, the first page of its
 * documents with read receipts (and the rules that fired on them) and how many there are in all, and
 * the first page of the rules that fired on its other items.
 */
export async function buildCaseView(deps: CaseViewDeps, me: ClinicianRow, code: string): Promise<z.infer<typeof caseViewDto>> {
  const { row, myRole } = await caseFor(deps, me, code);
  // Each person looked up once per view, however many documents they wrote, opened or have not opened.
  const personOf = peopleOf(deps.directory);
  const teamRows = await deps.cases.teamOf(row.id);
  const team = await Promise.all(teamRows.map(async (m) => ({ ...(await personOf(m.clinicianId)), careRole: m.careRole, since: m.since })));
  const documents = await documentsPage(deps, row.id, teamRows.map((m) => m.clinicianId), personOf, {});
  const others = await otherTriggersPage(deps, row.id, {});
  return {
    code: row.code, status: row.status, openedAt: row.openedAt, myCareRole: myRole || null, team,
    documents: documents.items, documentsNext: documents.nextCursor, documentsTotal: await deps.documents.countByCase(row.id),
    // The tags of the first page's documents (each later page brings its own), then the first page of the others.
    consultTriggers: [...documents.consultTriggers, ...others.items], consultTriggersNext: others.nextCursor,
  };
}

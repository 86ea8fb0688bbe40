import { clinicianFacts } from '../../domain/access/case-authorizer.js';
import type { DocumentFacts, RelationFacts } from '../../domain/access/access-facts.js';
import type { PolicyEngine } from '../../domain/access/policy-engine.js';
import { careRoleOpens, listViewableDocuments } from '../../domain/access/visible-documents.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CareRole } from '../../domain/cases/cases-tables.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { activeGrantsOf, type GrantService } from '../../domain/grants/grant-service.js';
import type { GrantRow } from '../../domain/grants/grant-repository.js';
import type { OpenableCandidateRow, OpenableDocumentsRepository } from '../../domain/inbox-view/openable-documents-repository.js';
import { strongestRole } from '../../domain/cases/case-queries.js';
import type { DocumentType } from '../../contract/document-types.js';
import type { Clock } from '../../shared/clock.js';
import { decodePageCursor, encodePageCursor, pageLimit, type PageCursor } from '../cases/cases-cursor.js';

export interface OpenableDocumentsDeps {
  candidates: Pick<OpenableDocumentsRepository, 'candidatesPage' | 'myRolesOn'>;
  grants: Pick<GrantService, 'liveOf'>;
  queries: Pick<CaseQueries, 'sharingConsentAt' | 'hasRestrictedConsent'>;
  engine: PolicyEngine;
  clock: Clock;
}

/** What lets the clinician open it: a care-team role, an approved request, a consult (referral, MDT), break-glass. */
export type OpenVia = 'care_team' | 'grant' | 'consult' | 'break_glass';

export interface OpenableDocument {
  id: string;
  caseCode: string;
  docType: DocumentType;
  authorId: string;
  createdAt: number;
  via: OpenVia;
}

export interface OpenableDocumentsPage {
  items: OpenableDocument[];
  nextCursor: string | null;
}

/** How many candidate pages one request reads to fill its page when the policy refuses some. */
const MAX_ROUNDS = 3;

const cursorOf = (r: OpenableCandidateRow): PageCursor => ({ at: r.createdAt, id: r.id });

/**
 * "Documents I may open": every live document the clinician may open now, newest first, one keyset
 * page. Candidates come from the clinician's opening care roles and live grants (every view permit
 * needs one, see visible-documents.ts); the policy then decides each with facts read for the page's
 * cases and patients only, so the cost follows the page, not the hospital. A page the policy thins is
 * topped up from further candidates (a few rounds at most); its cursor is the last candidate read, so
 * a short page can still have a next one. Writes nothing: opening a document is decided and audited
 * on its own (the view token).
 */
export async function listOpenableDocuments(deps: OpenableDocumentsDeps, me: ClinicianRow, input: { cursor?: string; limit?: number } = {}): Promise<OpenableDocumentsPage> {
  const limit = pageLimit(input.limit);
  let after = decodePageCursor(input.cursor);
  const now = deps.clock.now();
  const live = await deps.grants.liveOf(me.id, now);
  const reach = {
    caseIds: [...new Set(live.filter((g) => g.kind !== 'approval').map((g) => g.caseId))],
    documentIds: [...new Set(live.flatMap((g) => (g.kind === 'approval' && g.documentId ? [g.documentId] : [])))],
  };
  const relationOf = relations(deps, me, live);
  const items: OpenableDocument[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const need = limit - items.length;
    const rows = await deps.candidates.candidatesPage(me.id, now, reach, { limit: need + 1, after });
    const examined = rows.slice(0, need);
    const roles = await rolesOf(deps, me, now, examined);
    const decided = await Promise.all(examined.map(async (r) => ({ row: r, relation: await relationOf(r, roles.get(r.caseId)!) })));
    const allowed = new Set(listViewableDocuments(deps.engine, clinicianFacts(me), decided.map(({ row, relation }) => ({ document: documentFacts(row), relation }))).map((d) => d.id));
    for (const { row, relation } of decided) {
      if (allowed.has(row.id)) items.push({ id: row.id, caseCode: row.caseCode, docType: row.docType, authorId: row.authorId, createdAt: row.createdAt, via: viaOf(relation) });
    }
    if (rows.length <= need) return { items, nextCursor: null };
    after = cursorOf(examined[examined.length - 1]!);
    if (items.length >= limit) break;
  }
  return { items, nextCursor: encodePageCursor(after!) };
}

/** My strongest care role now on each case of the page: one statement for all of them. */
async function rolesOf(deps: OpenableDocumentsDeps, me: ClinicianRow, now: number, rows: readonly OpenableCandidateRow[]): Promise<Map<string, CareRole | ''>> {
  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  const held = await deps.candidates.myRolesOn(me.id, now, caseIds);
  return new Map(caseIds.map((caseId) => [caseId, strongestRole(held.filter((h) => h.caseId === caseId))]));
}

function documentFacts(r: OpenableCandidateRow): DocumentFacts {
  return { id: r.id, caseCode: r.caseCode, authorInstitutionId: r.authorInstitutionId ?? '', restrictedCategory: r.restrictedCategory, caseClosed: r.caseStatus === 'closed' };
}

function viaOf(r: RelationFacts): OpenVia {
  if (careRoleOpens(r.careRole)) return 'care_team';
  if (r.hasConsultGrant) return 'consult';
  if (r.hasBreakGlass) return 'break_glass';
  return 'grant';
}

/**
 * The clinician's relation to each candidate, as the view decision computes it: the care role comes from
 * rolesOf, the grants with the request; the institution is looked up once, and each patient's consents
 * once per request.
 */
function relations(deps: OpenableDocumentsDeps, me: ClinicianRow, live: readonly GrantRow[]) {
  const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key)!;
  };
  const consents = new Map<string, Promise<boolean>>();
  const restricted = new Map<string, Promise<boolean>>();
  const institution = me.institutionId;
  const consentAt = institution ? deps.queries.sharingConsentAt(institution) : undefined;
  return async (r: OpenableCandidateRow, careRole: RelationFacts['careRole']): Promise<RelationFacts> => {
    const grants = activeGrantsOf(live.filter((g) => g.caseId === r.caseId), r.id);
    const category = r.restrictedCategory;
    return {
      careRole,
      hasGrant: grants.hasGrant,
      hasBreakGlass: grants.hasBreakGlass,
      hasConsultGrant: grants.hasConsult,
      patientConsentsToInstitution: consentAt ? await once(consents, r.patientId, async () => (await consentAt)(r.patientId)) : false,
      hasRestrictedConsent: category ? await once(restricted, `${r.patientId}\u0000${category}`, () => deps.queries.hasRestrictedConsent(r.patientId, category)) : false,
    };
  };
}

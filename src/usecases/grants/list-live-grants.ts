import type { DocumentType } from '../../contract/document-types.js';
import type { ApprovalService } from '../../domain/approvals/approval-service.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { GrantRow } from '../../domain/grants/grant-repository.js';
import type { ReferralRepository } from '../../domain/referrals/referral-repository.js';
import type { GrantService } from '../../domain/grants/grant-service.js';
import { describePeople, type PersonRef } from '../../domain/reports/people.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';

export interface ListLiveGrantsDeps {
  grants: Pick<GrantService, 'livePage'>;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  documents: Pick<DocumentRepository, 'find'>;
  approvals: Pick<ApprovalService, 'get'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
  /** Which accepted referral made a consult grant (the case's referrals, an indexed read). */
  referrals: Pick<ReferralRepository, 'forCase'>;
}

/** What let a consultant into a whole case: an accepted referral (its specialty and severity), or an MDT invitation. */
export type ConsultSource = { source: 'referral'; specialty: string; severity: string } | { source: 'mdt' };

/** A live grant as the console lists it: people by name, the document by type (never its title). */
export interface LiveGrantView {
  grantId: string;
  kind: GrantRow['kind'];
  caseCode: string | null;
  grantee: PersonRef;
  docType: DocumentType | null;
  /** The request's purpose of use; break-glass is `emergency`; a consult grant: its referral's purpose, or `mdt`. */
  purpose: string;
  /** Consult grants only: where they came from; null for the other kinds. */
  consult: ConsultSource | null;
  grantedAt: number;
  expiresAt: number;
  /** The approver of the request's last approved step; for break-glass the grantee (self-granted). */
  grantedBy: PersonRef | null;
}

/** The cursor of the page after `g` (`<expiresAt>:<id>`), and back. */
export const cursorOf = (g: Pick<GrantRow, 'expiresAt' | 'id'>): string => `${g.expiresAt}:${g.id}`;
export function parseCursor(cursor: string | undefined): { expiresAt: number; id: string } | null {
  if (!cursor) return null;
  const at = cursor.indexOf(':');
  return { expiresAt: Number(cursor.slice(0, at)), id: cursor.slice(at + 1) };
}

/**
 * Every live access grant, soonest to expire first, one keyset page at a time (the console's list,
 * where the privacy officer revokes). Reads only: names, case codes, document types and purposes.
 */
export async function listLiveGrants(deps: ListLiveGrantsDeps, cursor: string | undefined, limit: number): Promise<{ grants: LiveGrantView[]; next: string | null }> {
  const rows = await deps.grants.livePage(parseCursor(cursor), limit + 1);
  const page = rows.slice(0, limit);
  const person = describePeople(deps.directory);
  const grants: LiveGrantView[] = [];
  for (const g of page) {
    const request = g.kind === 'approval' && g.requestId ? await deps.approvals.get(g.requestId).catch(() => undefined) : undefined;
    const approver = request?.steps.filter((s) => s.decision === 'approve').at(-1)?.deciderId;
    const referral = g.kind === 'consult' ? (await deps.referrals.forCase(g.caseId)).find((r) => r.grantId === g.id) : undefined;
    // A consult grant no referral records came from an MDT invitation (the only other maker of consult grants).
    const consult: ConsultSource | null = g.kind !== 'consult' ? null : referral ? { source: 'referral', specialty: referral.specialty, severity: referral.severity } : { source: 'mdt' };
    const grantedBy = g.kind === 'break_glass' ? g.clinicianId : g.kind === 'consult' ? (referral?.assigneeId ?? undefined) : approver;
    grants.push({
      grantId: g.id,
      kind: g.kind,
      caseCode: (await deps.casesRepo.caseById(g.caseId))?.code ?? null,
      grantee: await person(g.clinicianId),
      docType: g.documentId ? ((await deps.documents.find(g.documentId))?.docType ?? null) : null,
      purpose: g.kind === 'break_glass' ? 'emergency' : g.kind === 'consult' ? (referral?.purposeCode ?? 'mdt') : (request?.reasonCode ?? 'unknown'),
      consult,
      grantedAt: g.createdAt,
      expiresAt: g.expiresAt,
      grantedBy: grantedBy ? await person(grantedBy) : null,
    });
  }
  return { grants, next: rows.length > limit ? cursorOf(page.at(-1)!) : null };
}

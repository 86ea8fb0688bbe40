import { explain } from '../../domain/access/access-explain.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { DocumentAccess } from '../../domain/sharing/document-access.js';
import type { ViewTokens } from '../../domain/sharing/view-token.js';
import type { Clock } from '../../shared/clock.js';
import type { Lang } from '../../shared/lang.js';

export type Refused = { allowed: false; reasons: string[]; caseCode: string };
export type OpenDecision = { allowed: true } | Refused;
export type ViewTokenResult = { allowed: true; token: string; expiresAt: number } | Refused;

export interface IssueViewTokenDeps {
  access: Pick<DocumentAccess, 'decideView'>;
  viewTokens: Pick<ViewTokens, 'issue'>;
  clock: Clock;
}

/**
 * May this clinician open this document now? The policy decides (the decision is recorded); a refusal
 * carries the plain-language reasons in the reader's language.
 */
export async function decideOpen(deps: { access: Pick<DocumentAccess, 'decideView'> }, clinician: ClinicianRow, documentId: string, lang: Lang): Promise<OpenDecision> {
  const { decision, caseCode, insider } = await deps.access.decideView(clinician, documentId);
  if (!decision.allowed) return { allowed: false, reasons: explain(decision, lang, { patientFacts: insider }), caseCode };
  return { allowed: true };
}

/**
 * The mini-app asks to view a document: if the policy allows it now, a short-lived view token bound
 * to this clinician, else the reasons.
 */
export async function issueViewToken(
  deps: IssueViewTokenDeps,
  clinician: ClinicianRow,
  documentId: string,
  lang: Lang,
): Promise<ViewTokenResult> {
  const open = await decideOpen(deps, clinician, documentId, lang);
  if (!open.allowed) return open;
  const { token, expiresAt } = deps.viewTokens.issue(documentId, clinician.id, deps.clock.now());
  return { allowed: true, token, expiresAt };
}

import type { ConsentForm } from '../../domain/cases/case-form.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { ConsentService } from '../../domain/cases/consent-service.js';
import type { LinkRef, LinkTokenRow } from '../../domain/cases/link-tokens.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { GrantService } from '../../domain/grants/grant-service.js';
import type { DocumentAccess } from '../../domain/sharing/document-access.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import type { Clock } from '../../shared/clock.js';

/** A consent change let a clinician open the case's documents, or stopped them (1:1, the case code only). */
export interface ConsentNotices {
  accessChanged(n: { clinician: ClinicianRow; caseCode: string; canOpen: boolean; at: number }): Promise<void>;
}

export interface RecordConsentDeps {
  consent: Pick<ConsentService, 'recordConsent'>;
  cases: Pick<CaseQueries, 'teamOf'>;
  documents: Pick<DocumentRepository, 'listByCase'>;
  access: Pick<DocumentAccess, 'previewView'>;
  grants: Pick<GrantService, 'liveOnCase'>;
  directory: Pick<DirectoryRepository, 'findById'>;
  clock: Clock;
  consentNotices: ConsentNotices;
}

/** Per clinician concerned (team and grant holders), which of the case's live documents the policy lets them open now. Writes nothing. */
async function openable(deps: RecordConsentDeps, caseId: string): Promise<Map<string, { who: ClinicianRow; docs: Set<string> }>> {
  const ids = new Set([...(await deps.cases.teamOf(caseId)).map((m) => m.clinicianId), ...(await deps.grants.liveOnCase(caseId, deps.clock.now())).map((g) => g.clinicianId)]);
  const docs = (await deps.documents.listByCase(caseId)).filter((d) => d.status === 'active');
  const out = new Map<string, { who: ClinicianRow; docs: Set<string> }>();
  for (const id of ids) {
    const who = await deps.directory.findById(id);
    if (!who) continue;
    const can = new Set<string>();
    for (const d of docs) if ((await deps.access.previewView(who, d.id)).decision.allowed) can.add(d.id);
    out.set(id, { who, docs: can });
  }
  return out;
}

/**
 * Recording consent: the consent form behind a link sent in chat is submitted from the mini-app. The
 * consent service checks the attester's role on the case now, spends the link and adds the history
 * rows (latest wins). `link` is the row the caller already checked belongs to `ref` and to the
 * signed-in clinician.
 */
export function recordConsent(deps: { consent: Pick<ConsentService, 'recordConsent'> }, ref: LinkRef, link: LinkTokenRow, body: ConsentForm): Promise<{ caseCode: string; recorded: number }> {
  return deps.consent.recordConsent(ref, link.clinicianId, body);
}

/**
 * Recording consent as the mini-app's form does: then each clinician the change affects (team and
 * grant holders) — who can now open a document of the case they could not, or can no longer open one
 * they could — is told 1:1, the case code only.
 */
export async function recordConsentAndTell(deps: RecordConsentDeps, ref: LinkRef, link: LinkTokenRow, body: ConsentForm): Promise<{ caseCode: string; recorded: number }> {
  const before = link.caseId ? await openable(deps, link.caseId) : new Map<string, { docs: Set<string> }>();
  const out = await recordConsent(deps, ref, link, body);
  if (!link.caseId) return out;
  const at = deps.clock.now();
  for (const [id, now] of await openable(deps, link.caseId)) {
    const was = before.get(id)?.docs ?? new Set<string>();
    if ([...now.docs].some((d) => !was.has(d))) await deps.consentNotices.accessChanged({ clinician: now.who, caseCode: out.caseCode, canOpen: true, at });
    else if ([...was].some((d) => !now.docs.has(d))) await deps.consentNotices.accessChanged({ clinician: now.who, caseCode: out.caseCode, canOpen: false, at });
  }
  return out;
}

import type { Actor } from '../directory/directory-service.js';
import type { CareRole } from './cases-tables.js';

/** What the access policy needs to know about a clinician and a case (the Cedar `Case` + context). */
export interface CaseFacts {
  caseId: string;
  caseCode: string;
  /** The clinician's strongest active role on the case, or '' for none. */
  careRole: CareRole | '';
  /** Institutions of the active care team (the Cedar `Case.institutions`). */
  institutionIds: string[];
  /** The case is closed (read-only; the Cedar `Case.closed`), from the case row already read. */
  closed: boolean;
  /** The patient's sharing consent covers the clinician's institution (public providers count as consented). */
  patientConsentsToInstitution: boolean;
}

export interface AuthorizeDecision {
  allowed: boolean;
  /** Ids of the policies that decided, for `why` and the audit reason. */
  policies: string[];
}

/** Port to the policy engine (src/domain/access). Cases never decide access themselves. */
export type Authorize = (
  actor: Actor,
  action: string,
  facts: CaseFacts,
) => AuthorizeDecision | Promise<AuthorizeDecision>;

/** Fail closed: the default when no engine is wired. */
export const denyAll: Authorize = () => ({ allowed: false, policies: [] });

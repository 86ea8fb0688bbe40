import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { ClinicianRole } from '../../domain/directory/directory-tables.js';
import { actionsFor, sectionsFor, type ConsoleAction, type ConsoleSection } from '../../contract/admin-sections.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';

/** Roles that may hold an admin token at all; each console route then narrows it to its section's roles. */
export const CONSOLE_ROLES: readonly ClinicianRole[] = ['admin', 'privacy_officer', 'auditor'];

export interface IssueAdminTokenDeps {
  audit: Pick<AuditSink, 'append'>;
  /** Signs a short-lived admin token bound to the login it came from. */
  mint(clinicianId: string, sessionId: string): Promise<string>;
}

/**
 * A signed-in, verified clinician asks for an admin console token. Only a console role gets one;
 * both outcomes are audited. The token is bound to this login, so logging out, a reused refresh token
 * or a suspension ends it as well. Anyone else → access.denied. The answer names the console sections
 * and actions the role may use (one table, shared with the route guards).
 */
export async function issueAdminToken(
  deps: IssueAdminTokenDeps,
  clinician: Pick<ClinicianRow, 'id' | 'role'>,
  sessionId: string,
): Promise<{ token: string; role: ClinicianRole; sections: ConsoleSection[]; actions: ConsoleAction[] }> {
  const { role } = clinician;
  if (!role || !CONSOLE_ROLES.includes(role)) {
    deps.audit.append({ actor: clinician.id, action: AUDIT_ACTIONS.adminTokenIssued, target: clinician.id, outcome: 'denied', reason: 'role' });
    throw new DomainError('access.denied');
  }
  const token = await deps.mint(clinician.id, sessionId);
  deps.audit.append({ actor: clinician.id, action: AUDIT_ACTIONS.adminTokenIssued, target: clinician.id, outcome: 'success' });
  return { token, role, sections: sectionsFor(role), actions: actionsFor(role) };
}

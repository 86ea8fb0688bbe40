import { DomainError } from '../../shared/errors.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { ClinicianRow, DirectoryRepository } from './directory-repository.js';

/** An admin who can act: verified, not suspended. */
export const isActiveAdmin = (c: Pick<ClinicianRow, 'role' | 'verified' | 'suspended'>): boolean =>
  c.role === 'admin' && c.verified && !c.suspended;

/**
 * Guards for changes that take someone's admin power away (suspend, demote, remove from the
 * organisation): nobody does it to themselves (another admin must), and nobody takes away the last
 * active admin's (the console would be locked for everyone). Refusals are audited and coded.
 */
export async function assertMayDisempower(
  deps: { repo: Pick<DirectoryRepository, 'withRole'>; audit: AuditSink },
  target: ClinicianRow,
  by: string,
  what: 'suspend' | 'demote' | 'remove',
): Promise<void> {
  const refuse = (code: 'directory.self_action' | 'directory.last_admin', reason: string): never => {
    deps.audit.append({ actor: by, action: AUDIT_ACTIONS.directoryAdminGuard, target: target.id, outcome: 'denied', reason: `${what}:${reason}` });
    throw new DomainError(code);
  };
  if (target.id === by) refuse('directory.self_action', 'self');
  if (isActiveAdmin(target) && !(await deps.repo.withRole('admin')).some((c) => c.id !== target.id && isActiveAdmin(c))) refuse('directory.last_admin', 'last_admin');
}

import type { DirectoryAdmin, VerifyInput } from '../../domain/directory/directory-admin.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { RegisterEntry, RegisterLookup } from '../../domain/directory/register-port.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';

export interface RegisterCheckDeps {
  /** Absent: no REGISTER_LOOKUP_URL, so the register check is the admin's own, recorded as manual. */
  register?: RegisterLookup;
  audit: AuditSink;
}

/** No lookup configured: every register check is the admin's own (the lookup's audit sink is never used). */
export const MANUAL_CHECKS_ONLY: RegisterCheckDeps = { audit: { append: () => -1 } };

export type RegisterCheck = { mode: 'manual' } | { mode: 'lookup'; entry: RegisterEntry };

const REGISTRATION_NO = /^[A-Z]{1,3}\d{3,7}$/;

/**
 * What the console can say about a registration number before the admin records a register check:
 * with a configured lookup endpoint, the register's answer (audited); without one, `manual` — the
 * console then says plainly that the admin is recording a check they made themselves.
 */
export async function checkRegister(deps: RegisterCheckDeps, admin: ClinicianRow, registrationNo: string): Promise<RegisterCheck> {
  const no = registrationNo.trim().toUpperCase();
  if (!REGISTRATION_NO.test(no)) throw new DomainError('request.invalid', 'registration number format');
  if (!deps.register) return { mode: 'manual' };
  try {
    const entry = await deps.register.lookup(no);
    deps.audit.append({ actor: admin.id, action: AUDIT_ACTIONS.directoryRegisterLookup, target: no, outcome: 'success', reason: entry.found ? 'found' : 'not_found' });
    return { mode: 'lookup', entry };
  } catch (e) {
    deps.audit.append({ actor: admin.id, action: AUDIT_ACTIONS.directoryRegisterLookup, target: no, outcome: 'failure', reason: 'unavailable' });
    throw e;
  }
}

/**
 * Records a register check and verifies the clinician. With a lookup configured the register is asked
 * now, and a number it does not list as registered is refused (`register.not_listed`); the check is
 * recorded as `lookup`. Without one it is recorded as the admin's own `manual` check — whatever the
 * caller claimed.
 */
export async function recordRegisterCheck(
  deps: RegisterCheckDeps & { directoryAdmin: Pick<DirectoryAdmin, 'verify'> },
  admin: ClinicianRow,
  ref: string,
  input: VerifyInput,
): Promise<ClinicianRow> {
  const check = await checkRegister(deps, admin, String(input.registrationNo));
  if (check.mode === 'lookup' && (!check.entry.found || (check.entry.status ?? 'registered') !== 'registered')) throw new DomainError('register.not_listed');
  return deps.directoryAdmin.verify(ref, { ...input, check: check.mode }, admin.id);
}

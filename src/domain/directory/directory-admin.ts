import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { errorMessageWith } from '../../shared/error-details.js';
import { newId } from '../../shared/ids.js';
import { parseOrInvalid } from '../../shared/validate.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { assertMayDisempower, isActiveAdmin } from './admin-guard.js';
import { decodeNameCursor, encodeNameCursor, type DirectoryPageQuery } from './clinician-tokens.js';
import type { ClinicianRow, DirectoryRepository, InstitutionRow } from './directory-repository.js';
import type { LeaveOutcome } from './offboarding.js';

/** Input schemas shared by the admin CLI and the admin HTTP routes. */
export const CLINICIAN_ROLES = ['doctor', 'nurse', 'pharmacist', 'admin', 'privacy_officer', 'auditor'] as const;

export const verifyInputSchema = z.object({
  /** Professional register number, e.g. MCHK `M12345`; other boards use other letter prefixes. */
  registrationNo: z.string().trim().toUpperCase().regex(/^[A-Z]{1,3}\d{3,7}$/),
  role: z.enum(CLINICIAN_ROLES),
  specialty: z.string().trim().min(1).max(80).optional(),
  institutionCode: z.string().trim().toUpperCase().min(1).max(32),
  nameEn: z.string().trim().min(1).max(120).optional(),
  nameZh: z.string().trim().min(1).max(60).optional(),
  /**
   * How the register was checked: `manual` (the admin looked the number up themselves; the default)
   * or `lookup` (the configured register lookup answered). Recorded in the audit entry's reason.
   */
  check: z.enum(['manual', 'lookup']).default('manual'),
});

export const newClinicianSchema = z.object({
  dingtalkUserId: z.string().trim().min(1).max(64),
  displayName: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(120).optional(),
  nameZh: z.string().trim().min(1).max(60).optional(),
});

export const newInstitutionSchema = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{2,32}$/),
  nameEn: z.string().trim().min(1).max(160),
  nameZh: z.string().trim().min(1).max(80).optional(),
  sector: z.enum(['public', 'private']),
});

export type VerifyInput = z.input<typeof verifyInputSchema>;
export type NewClinicianInput = z.input<typeof newClinicianSchema>;
export type NewInstitutionInput = z.input<typeof newInstitutionSchema>;

/**
 * Directory administration: verifying clinicians against their professional register, suspending
 * them, curating institutions. `by` is who did it (a clinician id over HTTP, an operator name from
 * the CLI); it lands in `verifiedBy` and in the audit log.
 */
export function createDirectoryAdmin(deps: {
  repo: DirectoryRepository;
  audit: AuditSink;
  clock: Clock;
  /** Ends every login of a clinician (suspension): their app and admin tokens stop at once. */
  endLogins(clinicianId: string, reason: string): Promise<number>;
  /** Removes a clinician from the organisation (offboarding.ts). */
  offboard(clinicianId: string, by: string): Promise<LeaveOutcome>;
}) {
  const { repo, audit, clock } = deps;

  /** A clinician by directory id or by DingTalk userId (the CLI speaks userIds, HTTP speaks ids). */
  async function findClinician(ref: string): Promise<ClinicianRow> {
    const c = (await repo.findById(ref)) ?? (await repo.findByDingTalkId(ref));
    if (!c) throw new DomainError('clinician.not_found');
    return c;
  }

  return {
    findClinician,
    /** A page of the directory by name, searched through its token index (`cursor`: the previous page's next). */
    async listClinicians(opts: Omit<DirectoryPageQuery, 'after'> & { cursor?: string }): Promise<{ items: ClinicianRow[]; nextCursor: string | null }> {
      const { cursor, ...query } = opts;
      const page = await repo.page({ ...query, after: decodeNameCursor(cursor) });
      return { items: page.items, nextCursor: page.next && encodeNameCursor(page.next) };
    },
    listInstitutions: (): Promise<InstitutionRow[]> => repo.listInstitutions(),
    institution: async (id: string | null): Promise<InstitutionRow | undefined> => (id ? repo.institution(id) : undefined),

    /** Pre-enrols a user before their first message (unverified, like a first-time sender). */
    async addClinician(input: NewClinicianInput, by: string): Promise<ClinicianRow> {
      const v = parseOrInvalid(newClinicianSchema, input);
      if (await repo.findByDingTalkId(v.dingtalkUserId)) throw new DomainError('conflict', 'user already in the directory');
      const row = await repo.insert({ ...v, nameEn: v.nameEn ?? null, nameZh: v.nameZh ?? null, verified: false, suspended: false }, clock.now());
      audit.append({ actor: by, action: AUDIT_ACTIONS.directoryUserAdded, target: row.id, outcome: 'success', reason: 'admin' });
      return row;
    },

    /** Records a register check: role, specialty, institution and registration; marks the user verified. */
    async verify(ref: string, input: VerifyInput, by: string): Promise<ClinicianRow> {
      const c = await findClinician(ref);
      const v = parseOrInvalid(verifyInputSchema, input);
      if (c.id === by) {
        audit.append({ actor: by, action: AUDIT_ACTIONS.directoryVerified, target: c.id, outcome: 'denied', reason: 'self_verification' });
        throw new DomainError('access.denied', 'admins cannot verify themselves');
      }
      const inst = await repo.institutionByCode(v.institutionCode);
      if (!inst) throw new DomainError('institution.not_found');
      if (isActiveAdmin(c) && v.role !== 'admin') await assertMayDisempower(deps, c, by, 'demote');
      const now = clock.now();
      await repo.update(
        c.id,
        {
          registrationNo: v.registrationNo,
          role: v.role,
          specialty: v.specialty ?? c.specialty,
          institutionId: inst.id,
          nameEn: v.nameEn ?? c.nameEn,
          nameZh: v.nameZh ?? c.nameZh,
          verified: true,
          verifiedBy: by,
          verifiedAt: now,
        },
        now,
      );
      audit.append({ actor: by, action: AUDIT_ACTIONS.directoryVerified, target: c.id, outcome: 'success', reason: `${v.role}:${v.check}_check` });
      return (await repo.findById(c.id))!;
    },

    /**
     * Suspends (or with `undo`, reinstates) a user; a suspended user can do nothing at all, and every
     * login they had ends. Nobody suspends themselves or the last active admin.
     */
    async suspend(ref: string, opts: { undo?: boolean }, by: string): Promise<ClinicianRow> {
      const c = await findClinician(ref);
      const suspended = !opts.undo;
      if (suspended) await assertMayDisempower(deps, c, by, 'suspend');
      await repo.update(c.id, { suspended }, clock.now());
      if (suspended) await deps.endLogins(c.id, 'suspended');
      const action = suspended ? AUDIT_ACTIONS.directorySuspended : AUDIT_ACTIONS.directoryReinstated;
      audit.append({ actor: by, action, target: c.id, outcome: 'success' });
      return (await repo.findById(c.id))!;
    },

    /**
     * "Remove from organisation": the clinician loses verification, every care-team role, every grant
     * and every login at once (as when DingTalk says they left). Same guards as suspending.
     */
    async removeFromOrganisation(ref: string, by: string): Promise<LeaveOutcome> {
      const c = await findClinician(ref);
      await assertMayDisempower(deps, c, by, 'remove');
      return deps.offboard(c.id, by);
    },

    async addInstitution(input: NewInstitutionInput, by: string): Promise<InstitutionRow> {
      const v = parseOrInvalid(newInstitutionSchema, input);
      if (await repo.institutionByCode(v.code)) throw new DomainError('institution.code_taken', errorMessageWith('institution.code_taken', 'en', { code: v.code }), { details: { code: v.code } });
      const row: InstitutionRow = { id: newId(), code: v.code, nameEn: v.nameEn, nameZh: v.nameZh ?? null, sector: v.sector };
      await repo.upsertInstitution(row);
      audit.append({ actor: by, action: AUDIT_ACTIONS.directoryInstitutionAdded, target: row.id, outcome: 'success' });
      return row;
    },
  };
}

export type DirectoryAdmin = ReturnType<typeof createDirectoryAdmin>;

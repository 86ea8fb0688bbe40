import { DomainError } from '../../shared/errors.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { CaseDeps } from './case-deps.js';
import type { CareTeamRow } from './cases-repository.js';
import type { CareRole } from './cases-tables.js';

/**
 * Where a role row stands at a given moment. `cancelled` is a booking ended before it began (its
 * end is at or before its start): it never gave access, so it is not "ended" either.
 */
export type RoleStatus = 'active' | 'future' | 'ended' | 'cancelled';

export function roleStatus(r: Pick<CareTeamRow, 'effectiveFrom' | 'effectiveTo'>, now: number): RoleStatus {
  if (r.effectiveTo !== null && r.effectiveTo <= r.effectiveFrom) return 'cancelled';
  if (r.effectiveTo !== null && r.effectiveTo <= now) return 'ended';
  return r.effectiveFrom > now ? 'future' : 'active';
}

/** One role row as the console lists it: who, which role, between which dates. No patient data. */
export interface RosterEntry {
  roleId: string;
  clinicianId: string;
  nameEn: string;
  nameZh: string | null;
  careRole: CareRole;
  /** The directory's view of the person now (not at the role's dates): for the admin's eye only. */
  specialty: string | null;
  institutionName: string | null;
  verified: boolean;
  suspended: boolean;
  status: RoleStatus;
  effectiveFrom: number;
  effectiveTo: number | null;
  viaConversationId: string | null;
  addedBy: string;
  removedBy: string | null;
  removedReason: string | null;
}

const ORDER: Record<RoleStatus, number> = { active: 0, future: 1, ended: 2, cancelled: 3 };

/** In force first, then booked (soonest first), then ended and called off (latest end first). */
function byStanding(a: RosterEntry, b: RosterEntry): number {
  if (a.status !== b.status) return ORDER[a.status] - ORDER[b.status];
  const over = a.status === 'ended' || a.status === 'cancelled';
  return over ? (b.effectiveTo ?? 0) - (a.effectiveTo ?? 0) : a.effectiveFrom - b.effectiveFrom;
}

/**
 * The admin's whole view of a care team: roles in force, roles booked to start later (which the
 * policy does not see yet, so `teamOf` leaves them out), and ended ones, marked. Also the one change
 * that needs a row rather than a clinician: calling off a booked role before it starts.
 */
export function createCareTeamRoster(deps: Pick<CaseDeps, 'transaction' | 'cases' | 'directory' | 'queries' | 'audit' | 'clock'>) {
  const { transaction, cases, directory, queries, audit, clock } = deps;

  async function entry(r: CareTeamRow, now: number): Promise<RosterEntry> {
    const c = await directory.findById(r.clinicianId);
    const inst = c?.institutionId ? await directory.institution(c.institutionId) : undefined;
    return {
      roleId: r.id,
      clinicianId: r.clinicianId,
      nameEn: c ? (c.nameEn ?? c.displayName) : r.clinicianId,
      nameZh: c?.nameZh ?? null,
      careRole: r.role,
      specialty: c?.specialty ?? null,
      institutionName: inst?.nameEn ?? null,
      verified: c?.verified ?? false,
      suspended: c?.suspended ?? false,
      status: roleStatus(r, now),
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
      viaConversationId: r.viaConversationId,
      addedBy: r.addedBy,
      removedBy: r.removedBy,
      removedReason: r.removedReason,
    };
  }

  return {
    /** Every role row of the case, ordered by `byStanding`, with the instant the statuses hold for. */
    async roster(caseCode: string): Promise<{ caseCode: string; now: number; roles: RosterEntry[] }> {
      const c = await queries.findCase(caseCode);
      const now = clock.now();
      const history = await cases.teamHistory(c.id);
      const roles: RosterEntry[] = [];
      for (const r of history) roles.push(await entry(r, now));
      return { caseCode: c.code, now, roles: roles.sort(byStanding) };
    },

    /**
     * Calls off a role booked to start later: its end is set to its start, so it never comes into
     * force. Only a future role qualifies (an active one is ended through `adminEndRole`, which keeps
     * the attending check); anything else is a conflict. Audited like any admin removal.
     */
    async cancelBooking(adminId: string, caseCode: string, roleId: string): Promise<RosterEntry> {
      const c = await queries.findCase(caseCode);
      return transaction(async () => {
        const now = clock.now();
        const row = (await cases.teamHistory(c.id)).find((r) => r.id === roleId);
        if (!row) throw new DomainError('not_found', 'no such role on this case');
        if (roleStatus(row, now) !== 'future') throw new DomainError('conflict', 'only a role that has not started can be called off');
        await cases.endRoleAt(row.id, adminId, 'cancelled', row.effectiveFrom, now);
        audit.append({ actor: adminId, action: AUDIT_ACTIONS.caseTeamRemoved, target: c.code, outcome: 'success', reason: 'admin' });
        return entry({ ...row, effectiveTo: row.effectiveFrom, removedBy: adminId, removedReason: 'cancelled' }, now);
      });
    },
  };
}

export type CareTeamRoster = ReturnType<typeof createCareTeamRoster>;

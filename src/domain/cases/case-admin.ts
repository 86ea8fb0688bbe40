import { DomainError } from '../../shared/errors.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { CaseDeps } from './case-deps.js';
import type { CareTeamRow, CaseGroupRow, CaseRow } from './cases-repository.js';
import { CARE_ROLES, type CareRole } from './cases-tables.js';
import { exitRecorder } from './team-exit.js';

export interface TeamRoleWindow {
  effectiveFrom?: number;
  effectiveTo?: number | null;
}

export interface AdminRoleChange {
  caseCode: string;
  clinicianId: string;
  role: CareRole | null;
  effectiveFrom: number | null;
  effectiveTo: number | null;
}

/**
 * The admin console's path to care teams and group bindings. It bypasses `manageCase` (an admin is
 * not the attending), so every change is audited with the admin as actor and reason `admin`.
 * Roles may be dated: the policy sees one only between its effective dates (case-queries.ts).
 */
export function createCaseAdmin(deps: CaseDeps) {
  const { transaction, cases, directory, queries, audit, clock, exits } = deps;
  const ADMIN = 'admin';

  async function clinician(id: string): Promise<string> {
    if (!(await directory.findById(id))) throw new DomainError('clinician.not_found');
    return id;
  }

  /** A case keeps an attending in force: otherwise nobody but an admin can manage it. */
  async function assertKeepsAttending(c: CaseRow, leaving: string, now: number): Promise<void> {
    const others = (await cases.teamInForce(c.id, now)).filter((m) => m.role === 'attending' && m.clinicianId !== leaving);
    if (others.length === 0) throw new DomainError('conflict', 'a case needs an attending');
  }

  /**
   * Ends the row at `at` (or at its start, for a booking not begun by then). A row already due to
   * end by then keeps its own end: ending or replacing a role must never lengthen it.
   */
  async function endBy(r: CareTeamRow, adminId: string, reason: string, at: number, now: number): Promise<void> {
    const end = Math.max(at, r.effectiveFrom);
    if (r.effectiveTo !== null && r.effectiveTo <= end) return;
    await cases.endRoleAt(r.id, adminId, reason, end, now);
  }

  async function binding(c: CaseRow, conversationId: string): Promise<CaseGroupRow> {
    const b = await cases.groupBinding(conversationId);
    if (!b || b.caseId !== c.id) throw new DomainError('not_found', 'that group is not bound to this case');
    return b;
  }

  return {
    /**
     * Gives the clinician `role` from `effectiveFrom` (default now) to `effectiveTo` (default open).
     * Their other open roles end where the new one starts (reason `role_changed`).
     */
    async adminSetTeamRole(adminId: string, caseCode: string, clinicianId: string, role: CareRole, window: TeamRoleWindow = {}): Promise<AdminRoleChange> {
      const c = await queries.findCase(caseCode);
      if (!CARE_ROLES.includes(role)) throw new DomainError('request.invalid', 'unknown care role');
      await clinician(clinicianId);
      const now = clock.now();
      const from = Math.max(window.effectiveFrom ?? now, now);
      const to = window.effectiveTo ?? null;
      if (to !== null && to <= from) throw new DomainError('request.invalid', 'the role must end after it starts');
      return transaction(async () => {
        const open = await cases.openRolesAt(c.id, clinicianId, now);
        const holdsAttending = (await cases.teamInForce(c.id, now, clinicianId)).some((r) => r.role === 'attending');
        if (holdsAttending && (role !== 'attending' || from > now)) await assertKeepsAttending(c, clinicianId, now);
        for (const r of open) await endBy(r, adminId, 'role_changed', from, now);
        await cases.addMember({ caseId: c.id, clinicianId, role, addedBy: adminId }, now, { from, to });
        audit.append({ actor: adminId, action: AUDIT_ACTIONS.caseTeamAdded, target: c.code, outcome: 'success', reason: ADMIN });
        return { caseCode: c.code, clinicianId, role, effectiveFrom: from, effectiveTo: to } satisfies AdminRoleChange;
      });
    },

    /**
     * Ends every open role of the clinician on the case, now or at a later `at`. Ended now, their
     * grants on the case end too and they are told 1:1 (a dated end leaves grants to their expiry).
     */
    async adminEndRole(adminId: string, caseCode: string, clinicianId: string, at?: number): Promise<AdminRoleChange> {
      const c = await queries.findCase(caseCode);
      await clinician(clinicianId);
      const now = clock.now();
      const end = Math.max(at ?? now, now);
      const rec = exitRecorder(exits);
      const out = await transaction(async (): Promise<AdminRoleChange> => {
        const open = await cases.openRolesAt(c.id, clinicianId, now);
        if (open.length === 0) throw new DomainError('not_found', 'not on the care team');
        if (end === now && open.some((r) => r.role === 'attending' && r.effectiveFrom <= now)) await assertKeepsAttending(c, clinicianId, now);
        for (const r of open) await endBy(r, adminId, 'removed', end, now);
        audit.append({ actor: adminId, action: AUDIT_ACTIONS.caseTeamRemoved, target: c.code, outcome: 'success', reason: ADMIN });
        if (end === now) await rec.record(c, clinicianId, adminId, 'admin', now);
        return { caseCode: c.code, clinicianId, role: null, effectiveFrom: null, effectiveTo: end };
      });
      await rec.tellAll();
      return out;
    },

    async groups(caseCode: string): Promise<CaseGroupRow[]> {
      return cases.groupsOfCase((await queries.findCase(caseCode)).id);
    },

    /** Binds a DingTalk group to the case. A group holds one case, so a bound group is a conflict. */
    async bindGroup(adminId: string, caseCode: string, conversationId: string): Promise<CaseGroupRow> {
      const c = await queries.findCase(caseCode);
      return transaction(async () => {
        const existing = await cases.groupBinding(conversationId);
        if (existing) throw new DomainError('conflict', existing.caseId === c.id ? 'already bound to this case' : 'that group holds another case');
        const now = clock.now();
        await cases.bindGroup(c.id, conversationId, adminId, now);
        audit.append({ actor: adminId, action: AUDIT_ACTIONS.caseGroupBound, target: c.code, outcome: 'success', reason: ADMIN });
        return { caseId: c.id, conversationId, boundBy: adminId, boundAt: now };
      });
    },

    /**
     * Unbinds a group. Roles given through it end too, as if everyone had left it: the group no
     * longer speaks for the case. Returns how many roles ended.
     */
    async unbindGroup(adminId: string, caseCode: string, conversationId: string): Promise<number> {
      const c = await queries.findCase(caseCode);
      const rec = exitRecorder(exits);
      const ended = await transaction(async () => {
        await binding(c, conversationId);
        const now = clock.now();
        const via = (await cases.activeTeam(c.id)).filter((m) => m.viaConversationId === conversationId);
        for (const r of via) await cases.endRoleAt(r.id, adminId, 'group_unbound', now, now);
        for (const r of via) if ((await cases.activeRoles(c.id, r.clinicianId)).length === 0) await rec.record(c, r.clinicianId, adminId, 'group_unbound', now);
        await cases.unbindGroup(c.id, conversationId);
        audit.append({ actor: adminId, action: AUDIT_ACTIONS.caseGroupUnbound, target: c.code, outcome: 'success', reason: ADMIN });
        return via.length;
      });
      await rec.tellAll();
      return ended;
    },
  };
}

export type CaseAdmin = ReturnType<typeof createCaseAdmin>;

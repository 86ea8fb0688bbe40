import { DomainError } from '../../shared/errors.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Actor } from '../directory/directory-service.js';
import type { ClinicianRow } from '../directory/directory-repository.js';
import type { CaseDeps } from './case-deps.js';
import type { CaseRow } from './cases-repository.js';
import { CARE_ROLES, type CareRole } from './cases-tables.js';
import { exitRecorder } from './team-exit.js';

export interface MemberChange {
  caseCode: string;
  clinicianId: string;
  role: CareRole | null;
}

/**
 * Care-team changes. Only someone the policy lets `manageCase` (the attending) adds or removes
 * members; a group's membership changes only ever take roles away (joining a group grants nothing).
 */
export function createCareTeamService(deps: CaseDeps) {
  const { transaction, cases, directory, queries, audit, clock, authorize, exits } = deps;

  async function authorizeManage(actor: Actor, c: CaseRow, action: string): Promise<void> {
    const decision = await authorize(actor, 'manageCase', await queries.caseFacts(c.id, actor.clinician.id));
    if (!decision.allowed) {
      audit.append({ actor: actor.clinician.id, action, target: c.code, outcome: 'denied', reason: decision.policies.join(',') || 'no_permit' });
      throw new DomainError('access.denied');
    }
  }

  async function memberByDingTalkId(userId: string): Promise<ClinicianRow> {
    const m = await directory.findByDingTalkId(userId);
    if (!m) throw new DomainError('clinician.not_found');
    return m;
  }

  /** A case always keeps an attending: someone must be able to manage it. */
  async function assertKeepsAttending(caseId: string, leavingClinicianId: string): Promise<void> {
    const others = (await cases.activeTeam(caseId)).filter((m) => m.role === 'attending' && m.clinicianId !== leavingClinicianId);
    if (others.length === 0) throw new DomainError('conflict', 'a case needs an attending');
  }

  return {
    /** Adds a member, or changes their role (the old role row is ended with reason `role_changed`). */
    async addMember(actor: Actor, caseCode: string, memberDingTalkUserId: string, role: CareRole, viaConversationId?: string): Promise<MemberChange> {
      const c = await queries.findCase(caseCode);
      await authorizeManage(actor, c, AUDIT_ACTIONS.caseTeamAdded);
      if (!CARE_ROLES.includes(role)) throw new DomainError('request.invalid', 'unknown care role');
      const member = await memberByDingTalkId(memberDingTalkUserId);
      if (viaConversationId !== undefined && (await cases.groupBinding(viaConversationId))?.caseId !== c.id) {
        throw new DomainError('request.invalid', 'that group is not bound to this case');
      }
      await transaction(async () => {
        const now = clock.now();
        const current = await cases.activeRoles(c.id, member.id);
        if (current.some((r) => r.role === role)) throw new DomainError('conflict', 'already in that role');
        if (role !== 'attending' && current.some((r) => r.role === 'attending')) await assertKeepsAttending(c.id, member.id);
        for (const r of current) await cases.endRole(r.id, actor.clinician.id, 'role_changed', now);
        await cases.addMember({ caseId: c.id, clinicianId: member.id, role, viaConversationId, addedBy: actor.clinician.id }, now);
        audit.append({ actor: actor.clinician.id, action: AUDIT_ACTIONS.caseTeamAdded, target: c.code, outcome: 'success', reason: role });
      });
      return { caseCode: c.code, clinicianId: member.id, role };
    },

    /** Ends every open role of the member on the case; their grants on it end too, and they are told 1:1. */
    async removeMember(actor: Actor, caseCode: string, memberDingTalkUserId: string, reason = 'removed'): Promise<MemberChange> {
      const c = await queries.findCase(caseCode);
      await authorizeManage(actor, c, AUDIT_ACTIONS.caseTeamRemoved);
      const member = await memberByDingTalkId(memberDingTalkUserId);
      const rec = exitRecorder(exits);
      await transaction(async () => {
        const current = await cases.activeRoles(c.id, member.id);
        if (current.length === 0) throw new DomainError('not_found', 'not on the care team');
        if (current.some((r) => r.role === 'attending')) await assertKeepsAttending(c.id, member.id);
        const now = clock.now();
        for (const r of current) await cases.endRole(r.id, actor.clinician.id, reason, now);
        audit.append({ actor: actor.clinician.id, action: AUDIT_ACTIONS.caseTeamRemoved, target: c.code, outcome: 'success', reason });
        await rec.record(c, member.id, actor.clinician.id, 'removed', now);
      });
      await rec.tellAll();
      return { caseCode: c.code, clinicianId: member.id, role: null };
    },

    /**
     * DingTalk says these users left the group: end the roles they were given through it. Roles
     * given otherwise (the opener's attending role, roles added without a group) are kept; whoever
     * is left with no role on the case loses their grants on it too, and is told 1:1.
     * Returns the number of roles ended.
     */
    async onMembersLeftGroup(conversationId: string, dingtalkUserIds: string[]): Promise<number> {
      const ids: string[] = [];
      for (const u of dingtalkUserIds) {
        const found = await directory.findByDingTalkId(u);
        if (found) ids.push(found.id);
      }
      const rec = exitRecorder(exits);
      const ended = await transaction(async () => {
        const rows = await cases.activeRolesVia(conversationId, ids);
        const now = clock.now();
        for (const r of rows) {
          await cases.endRole(r.id, 'system', 'left_group', now);
          const c = await cases.caseById(r.caseId);
          audit.append({ actor: 'system', action: AUDIT_ACTIONS.caseTeamRemoved, target: c?.code, outcome: 'success', reason: 'left_group' });
          if (c && (await cases.activeRoles(c.id, r.clinicianId)).length === 0) await rec.record(c, r.clinicianId, 'system', 'left_group', now);
        }
        return rows.length;
      });
      await rec.tellAll();
      return ended;
    },
  };
}

export type CareTeamService = ReturnType<typeof createCareTeamService>;

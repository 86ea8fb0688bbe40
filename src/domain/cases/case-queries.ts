import { DomainError } from '../../shared/errors.js';
import type { ClinicianRole } from '../directory/directory-tables.js';
import type { DirectoryReads } from '../directory/directory-repository.js';
import type { ConsentQueries } from '../patients/consent-queries.js';
import type { CaseFacts } from './authorize-port.js';
import { parseCaseCode } from './case-code.js';
import type { CareTeamRow, CaseRow, CasesRepository } from './cases-repository.js';
import type { CareRole } from './cases-tables.js';

/** A care-team member as shown in chat and admin views: who, in what role, from where. No patient data. */
export interface TeamMemberView {
  clinicianId: string;
  dingtalkUserId: string;
  nameEn: string;
  nameZh: string | null;
  careRole: CareRole;
  clinicianRole: ClinicianRole | null;
  specialty: string | null;
  institutionCode: string | null;
  institutionName: string | null;
  verified: boolean;
  suspended: boolean;
  since: number;
  viaConversationId: string | null;
}

const ROLE_STRENGTH: Record<CareRole, number> = { attending: 4, consulting: 3, referring: 2, observer: 1 };

/** Strongest of several open roles (normally there is one). */
export function strongestRole(rows: CareTeamRow[]): CareRole | '' {
  return rows.reduce<CareRole | ''>((best, r) => (best === '' || ROLE_STRENGTH[r.role] > ROLE_STRENGTH[best] ? r.role : best), '');
}

/** Read side of cases, for commands, the policy engine and admin views. */
export function createCaseQueries(deps: { cases: CasesRepository; directory: DirectoryReads; consents: ConsentQueries; now?: () => number }) {
  const { cases, directory, consents } = deps;
  // Roles carry effective dates (an admin may book one ahead or let it lapse), so "now" is a clock reading.
  const now = deps.now ?? Date.now;

  function findCase(code: string): CaseRow {
    const row = cases.caseByCode(parseCaseCode(code));
    if (!row) throw new DomainError('case.not_found');
    return row;
  }

  function teamRoleNow(caseId: string, clinicianId: string): CareRole | '' {
    return strongestRole(cases.teamInForce(caseId, now(), clinicianId));
  }

  function teamOf(caseId: string): TeamMemberView[] {
    return cases.teamInForce(caseId, now()).flatMap((m) => {
      const c = directory.findById(m.clinicianId);
      if (!c) return [];
      const inst = c.institutionId ? directory.institution(c.institutionId) : undefined;
      return [
        {
          clinicianId: c.id,
          dingtalkUserId: c.dingtalkUserId,
          nameEn: c.nameEn ?? c.displayName,
          nameZh: c.nameZh,
          careRole: m.role,
          clinicianRole: c.role,
          specialty: c.specialty,
          institutionCode: inst?.code ?? null,
          institutionName: inst?.nameEn ?? null,
          verified: c.verified,
          suspended: c.suspended,
          since: m.effectiveFrom,
          viaConversationId: m.viaConversationId,
        },
      ];
    });
  }

  return {
    findCase,
    caseForConversation(conversationId: string): CaseRow | undefined {
      const binding = cases.groupBinding(conversationId);
      return binding ? cases.caseById(binding.caseId) : undefined;
    },
    teamRoleNow,
    teamOf,
    attendingsOf(caseId: string): TeamMemberView[] {
      return teamOf(caseId).filter((m) => m.careRole === 'attending');
    },
    hasSharingConsent: consents.hasSharingConsent,
    hasRestrictedConsent: consents.hasRestrictedConsent,
    /** Everything the policy needs about one clinician and one case, from current rows. */
    caseFacts(caseId: string, clinicianId: string): CaseFacts {
      const row = cases.caseById(caseId);
      if (!row) throw new DomainError('case.not_found');
      const institutionIds = new Set<string>();
      for (const m of cases.teamInForce(caseId, now())) {
        const inst = directory.findById(m.clinicianId)?.institutionId;
        if (inst) institutionIds.add(inst);
      }
      const own = directory.findById(clinicianId)?.institutionId;
      return {
        caseId: row.id,
        caseCode: row.code,
        careRole: teamRoleNow(caseId, clinicianId),
        institutionIds: [...institutionIds],
        patientConsentsToInstitution: own ? consents.hasSharingConsent(row.patientId, own) : false,
      };
    },
  };
}

export type CaseQueries = ReturnType<typeof createCaseQueries>;

import { DomainError } from '../../shared/errors.js';
import type { ClinicianRole } from '../directory/directory-tables.js';
import type { ClinicianRow, DirectoryRepository, InstitutionRow } from '../directory/directory-repository.js';
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
export function strongestRole(rows: readonly Pick<CareTeamRow, 'role'>[]): CareRole | '' {
  return rows.reduce<CareRole | ''>((best, r) => (best === '' || ROLE_STRENGTH[r.role] > ROLE_STRENGTH[best] ? r.role : best), '');
}

/** A role row as the team list shows it, from its directory rows; none when the clinician is no longer in the directory. */
export function memberViewOf(c: ClinicianRow | undefined, inst: InstitutionRow | undefined, m: CareTeamRow): TeamMemberView[] {
  if (!c) return [];
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
}

/** A role row as the team list shows it; none when the clinician is no longer in the directory. */
export async function memberView(directory: Pick<DirectoryRepository, 'findById' | 'institution'>, m: CareTeamRow): Promise<TeamMemberView[]> {
  const c = await directory.findById(m.clinicianId);
  const inst = c?.institutionId ? await directory.institution(c.institutionId) : undefined;
  return memberViewOf(c, inst, m);
}

/** The policy's facts from the rows read: the team's institutions (looked up by the caller) are the case's. */
export function caseFactsOf(
  row: CaseRow,
  teamInstitutionIds: (string | null | undefined)[],
  careRole: CareRole | '',
  patientConsentsToInstitution: boolean,
): CaseFacts {
  const institutionIds = new Set<string>();
  for (const inst of teamInstitutionIds) if (inst) institutionIds.add(inst);
  return { caseId: row.id, caseCode: row.code, careRole, institutionIds: [...institutionIds], closed: row.status === 'closed', patientConsentsToInstitution };
}

/** Read side of cases, for commands, the policy engine and admin views. */
export function createCaseQueries(deps: { cases: CasesRepository; directory: Pick<DirectoryRepository, 'findById' | 'institution'>; consents: ConsentQueries; now?: () => number }) {
  const { cases, directory, consents } = deps;
  // Roles carry effective dates (an admin may book one ahead or let it lapse), so "now" is a clock reading.
  const now = deps.now ?? Date.now;

  async function findCase(code: string): Promise<CaseRow> {
    const row = await cases.caseByCode(parseCaseCode(code));
    if (!row) throw new DomainError('case.not_found');
    return row;
  }

  async function teamRoleNow(caseId: string, clinicianId: string): Promise<CareRole | ''> {
    return strongestRole(await cases.teamInForce(caseId, now(), clinicianId));
  }

  async function teamOf(caseId: string): Promise<TeamMemberView[]> {
    const views: TeamMemberView[] = [];
    for (const m of await cases.teamInForce(caseId, now())) views.push(...(await memberView(directory, m)));
    return views;
  }

  return {
    findCase,
    async caseForConversation(conversationId: string): Promise<CaseRow | undefined> {
      const binding = await cases.groupBinding(conversationId);
      return binding ? cases.caseById(binding.caseId) : undefined;
    },
    teamRoleNow,
    teamOf,
    async attendingsOf(caseId: string): Promise<TeamMemberView[]> {
      return (await teamOf(caseId)).filter((m) => m.careRole === 'attending');
    },
    hasSharingConsent: consents.hasSharingConsent,
    sharingConsentAt: consents.sharingConsentAt,
    hasRestrictedConsent: consents.hasRestrictedConsent,
    /** Everything the policy needs about one clinician and one case, from current rows. */
    async caseFacts(caseId: string, clinicianId: string): Promise<CaseFacts> {
      const row = await cases.caseById(caseId);
      if (!row) throw new DomainError('case.not_found');
      const team = await cases.teamInForce(caseId, now());
      const own = (await directory.findById(clinicianId))?.institutionId;
      const consented = own ? await consents.hasSharingConsent(row.patientId, own) : false;
      const teamInstitutions: (string | null | undefined)[] = [];
      for (const m of team) teamInstitutions.push((await directory.findById(m.clinicianId))?.institutionId);
      return caseFactsOf(row, teamInstitutions, await teamRoleNow(caseId, clinicianId), consented);
    },
  };
}

export type CaseQueries = ReturnType<typeof createCaseQueries>;

import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseRow, CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { ChainStepSetting } from '../../domain/mdt/approval-chain.js';
import type { MdtAction, MdtMeeting, MdtParticipant, MdtRepository, MdtStep } from '../../domain/mdt/mdt-meeting.js';
import type { AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import type { GrantConsultAccess } from '../referrals/consult-grant.js';

/** A time-boxed case-level consult grant for an invited specialist (REFERRALS' use case, bound in compose). */
export type { GrantConsultAccess };

/**
 * What people are told, 1:1, as the meeting goes (implemented by the bot: src/bot/mdt-notices.ts).
 * Content-free: the case code, names, roles, times and a link; never a word of the minutes.
 */
export interface MdtNotices {
  scheduled(meeting: MdtMeeting, caseRow: CaseRow, participants: readonly MdtParticipant[], organiser: ClinicianRow): Promise<void>;
  /** The step's approver gets a card with Approve / Return, and a link to the minutes. */
  stepDue(meeting: MdtMeeting, caseRow: CaseRow, step: MdtStep): Promise<void>;
  /** The step's card settles (decided, no buttons) however it was decided (card or mini-app). */
  stepDecided(meeting: MdtMeeting, step: MdtStep, decision: 'approved' | 'returned'): Promise<void>;
  returned(meeting: MdtMeeting, caseRow: CaseRow, toIds: readonly string[], by: ClinicianRow): Promise<void>;
  archived(meeting: MdtMeeting, caseRow: CaseRow, participantIds: readonly string[], documentId: string): Promise<void>;
  actionAssigned(caseRow: CaseRow, action: MdtAction): Promise<void>;
  actionOverdue(caseRow: CaseRow, action: MdtAction): Promise<void>;
}

/** Archives the approved summary PDF to the case as an `mdt_summary` document (vault + registration, in compose). */
export type ArchiveSummaryPdf = (input: { caseRow: CaseRow; author: ClinicianRow; bytes: Buffer }) => Promise<{ documentId: string }>;

/** Everything the MDT use cases are built from, each named for what it is. */
export interface MdtDeps {
  mdt: MdtRepository;
  cases: Pick<CaseQueries, 'findCase' | 'teamOf' | 'teamRoleNow'>;
  casesRepo: Pick<CasesRepository, 'caseById'>;
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
  /** Invited specialists outside the care team get a consult grant on the case (reason `mdt`). */
  grantConsult: GrantConsultAccess;
  notices: MdtNotices;
  settings: { chain: readonly ChainStepSetting[]; inviteGrantMinutes: number };
  transaction: Transaction;
  audit: AuditSink;
  clock: Clock;
}

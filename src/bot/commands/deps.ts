import type { OpenReferral } from '../../usecases/referrals/referral-ports.js';
import type { RespondReferralDeps } from '../../usecases/referrals/respond-referral.js';
import type { AccessDecision } from '../../domain/access/policy-engine.js';
import type { ApprovalService } from '../../domain/approvals/approval-service.js';
import type { BurnService } from '../../domain/burn/burn-service.js';
import type { CaseOpenService } from '../../domain/cases/case-open-service.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseLifecycle } from '../../domain/cases/case-lifecycle.js';
import type { CareTeamService } from '../../domain/cases/care-team-service.js';
import type { ConsentService } from '../../domain/cases/consent-service.js';
import type { CaseRow, CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { BreakGlassService } from '../../domain/grants/break-glass.js';
import type { GrantService } from '../../domain/grants/grant-service.js';
import type { OutboxService } from '../../domain/outbox/outbox-service.js';
import type { DocumentAccess } from '../../domain/sharing/document-access.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import type { ReceiptService } from '../../domain/sharing/receipts.js';
import type { SharingSettings } from '../../domain/sharing/sharing-settings.js';
import type { OutboxIntent } from '../../dingtalk/outbox-handlers.js';
import type { MyCasesDeps } from '../../usecases/cases/my-cases.js';
import type { RosterDeps } from '../../usecases/rosters/roster-deps.js';
import type { MedicationAccessDeps } from '../../usecases/medications/medication-access.js';
import type { AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import type { Notifier } from '../outbound.js';

/** What chat uses of the case context: lookups, opening and binding, the care team, consent forms. */
export interface ChatCases {
  queries: Pick<CaseQueries, 'findCase' | 'caseForConversation' | 'teamRoleNow' | 'teamOf'>;
  open: Pick<CaseOpenService, 'startCaseOpen' | 'bindExistingCase'>;
  team: Pick<CareTeamService, 'addMember' | 'removeMember'>;
  consent: Pick<ConsentService, 'startConsentForm'>;
}

/** A case-level policy decision for a clinician now (their role on the case, then the policy). */
export type DecideOnCase = (row: ClinicianRow, action: 'share' | 'breakGlass', caseRow: Pick<CaseRow, 'id' | 'code'>) => Promise<AccessDecision>;

/** What chat needs of referrals: the OpenReferral port and the respond use cases' deps (card presses). */
export interface ReferralChat {
  open: OpenReferral;
  respond: RespondReferralDeps;
}

/**
 * Everything a chat command or flow may be built from, each part named for what it is. Each command
 * and flow takes `Pick<CommandDeps, …>` of the parts it uses (the bot has no reduced mode).
 */
export interface CommandDeps {
  directoryRepo: DirectoryRepository;
  cases: ChatCases;
  casesRepo: CasesRepository;
  documents: DocumentRepository;
  /** View decisions on one document (recorded). */
  access: DocumentAccess;
  approvals: ApprovalService;
  grants: Pick<GrantService, 'activeGrantFor' | 'find' | 'liveOnCase' | 'end'>;
  breakGlass: Pick<BreakGlassService, 'breakGlass'>;
  receipts: Pick<ReceiptService, 'receiptsForCase'>;
  decideOnCase: DecideOnCase;
  /** Closing and re-opening cases (the attending). */
  lifecycle: Pick<CaseLifecycle, 'setStatus'>;
  settings: Pick<SharingSettings, 'approvalGrantTtlMs' | 'grantDurationByPurpose' | 'breakGlassMinReasonLength'>;
  /** Burn-after-reading: who may send into a case, and a recipient's look at an item before opening it. */
  burn: Pick<BurnService, 'assertMayCreate' | 'peek'>;
  outbox: OutboxService<OutboxIntent>;
  /** Base URL of this service, for the links the bot sends (forms, uploads, viewer). */
  publicUrl: string;
  clock: Clock;
  audit: AuditSink;
  notify: Notifier;
  /** "My work": the `cases` list and `search` (the same use case as the mini-app's Cases tab). */
  myCases: MyCasesDeps;
  /** Unread escalation of urgent items; its steps show in `receipts`. */
  escalation: Pick<EscalationService, 'stepsFor'>;
  /** Who may read a case's medication list (`meds`): the policy, with its refusals audited. */
  medications: MedicationAccessDeps;
  /** Referrals: `refer`, and the assignee's [Accept] / [Decline] presses. */
  referrals: ReferralChat;
  /** On-call rosters: `oncall` (who is on now; cover and swap for the roster's owner). */
  rosters: RosterDeps;
}

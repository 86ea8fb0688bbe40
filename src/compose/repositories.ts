import type { Storage } from '../db/client.js';
import type { Transaction } from '../shared/transactions.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { AlertRepository } from '../domain/alerts/alert-repository.js';
import type { ApprovalRepository } from '../domain/approvals/approval-repository.js';
import type { AuditLogPort } from '../domain/audit/audit-log-port.js';
import type { AuditReader } from '../domain/audit/audit-reader.js';
import type { AuditSigner } from '../domain/audit/audit-signer.js';
import type { BurnRepository } from '../domain/burn/burn-repository.js';
import type { CasesRepository } from '../domain/cases/cases-repository.js';
import type { LinkTokens } from '../domain/cases/link-tokens.js';
import type { ChatHistoryRepository } from '../domain/chat-history/chat-history-repository.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { EscalationRepository } from '../domain/escalation/escalation-repository.js';
import type { GrantRepository } from '../domain/grants/grant-repository.js';
import type { DoctorInboxRepository } from '../domain/inbox-view/doctor-inbox-repository.js';
import type { MyCasesRepository } from '../domain/inbox-view/my-cases-repository.js';
import type { OpenableDocumentsRepository } from '../domain/inbox-view/openable-documents-repository.js';
import type { InboxRepository } from '../domain/inbox/inbox-repository.js';
import type { OutboxRepository } from '../domain/outbox/outbox-repository.js';
import type { FreeTextCipher } from '../domain/patients/free-text-cipher.js';
import type { NameIndexRepository } from '../domain/patients/name-index-repository.js';
import type { PatientRow, PatientsRepository } from '../domain/patients/patients-repository.js';
import type { AlertStatsRepository } from '../domain/reports/alert-stats-repository.js';
import type { BackfillStep } from '../domain/patients/name-index-repository.js';
import type { FreeTextSealing } from '../domain/patients/free-text-repository.js';
import type { EventTotalsBackfill } from '../domain/reports/event-totals-backfill.js';
import type { JobsRepository } from '../domain/jobs/jobs-repository.js';
import type { DailyTotalsRepository } from '../domain/reports/daily-totals-repository.js';
import type { TotalsBackfill } from '../domain/reports/daily-totals-backfill.js';
import type { RetentionRepository } from '../domain/retention/retention-repository.js';
import type { SessionRepository } from '../domain/sessions/session-repository.js';
import type { DocumentRepository } from '../domain/sharing/document-repository.js';
import type { DocumentTitles } from '../domain/sharing/document-titles.js';
import type { VaultRepository } from '../domain/vault/vault-repository.js';
import type { MedicationRepository } from '../domain/medications/medication-repository.js';
import type { InteractionRepository } from '../domain/interactions/interaction-repository.js';
import type { EhrQueueRepository } from '../ehr/queue/ehr-queue-repository.js';
import type { CaseNotesRepository } from '../domain/notes/case-note.js';
import type { VoiceDraftsRepository } from '../domain/notes/voice-draft.js';
import type { MdtRepository } from '../domain/mdt/mdt-meeting.js';
import type { ReferralRepository } from '../domain/referrals/referral-repository.js';
import type { YidaRepository } from '../domain/forms/yida-repository-port.js';
import type { RuleReviewRepository } from '../domain/clinical/rule-review-repository.js';
import type { RuleFirings } from '../domain/consult-rules/rule-firings.js';
import type { RuleSetStore } from '../domain/consult-rules/rule-set-store.js';
import type { RosterRepository } from '../domain/rosters/roster-port.js';

/** Repositories over sealed free text: built once the patient-field key (and its free-text cipher) is open. */
export interface SealedRepositories {
  patients: PatientsRepository;
  grants: GrantRepository;
  approvals: ApprovalRepository;
  titles: DocumentTitles;
  medications: MedicationRepository;
  interactions: InteractionRepository;
  caseNotes: CaseNotesRepository;
  voiceDrafts: VoiceDraftsRepository;
  mdt: MdtRepository;
  referrals: ReferralRepository;
  /** Yida form submissions and form mappings (the form data sealed). */
  yida: YidaRepository;
}

export interface AuditLogSetup {
  clock: Clock;
  signer: AuditSigner;
  logger: Logger;
  region: string;
}

/**
 * Every storage port the service and the CLIs use, over one opened store (SQLite or PostgreSQL). The
 * composition root takes these and `transaction`, never a database handle, so the same wiring runs on
 * both. What only one store needs (SQLite's WAL scrub and secure_delete; PostgreSQL's VACUUM after a
 * shred) stays inside its repositories.
 */
export interface Repositories {
  kind: Storage['kind'];
  transaction: Transaction;
  outbox: OutboxRepository;
  inbox: InboxRepository;
  sessions: SessionRepository;
  directory: DirectoryRepository;
  doctorInbox: DoctorInboxRepository;
  myCases: MyCasesRepository;
  /** "Documents I may open": the candidates of one page (the policy decides each). */
  openableDocuments: OpenableDocumentsRepository;
  cases: CasesRepository;
  nameIndex: NameIndexRepository;
  documents: DocumentRepository;
  vault: VaultRepository;
  burn: BurnRepository;
  escalation: EscalationRepository;
  alerts: AlertRepository;
  alertStats: AlertStatsRepository;
  retention: RetentionRepository;
  /** The dashboard's running totals per Hong Kong day (daily_totals). */
  dailyTotals: DailyTotalsRepository;
  /** One batch of each one-off backfill of daily_totals (after ready). */
  totalsBackfill: TotalsBackfill;
  /** The same for the approval and alert totals (what was decided or raised before they were counted). */
  eventTotalsBackfill: EventTotalsBackfill;
  chatHistory: ChatHistoryRepository;
  ehrQueue: EhrQueueRepository;
  /** Pharmacists' reviews of the interaction rules (interaction_rule_reviews). */
  ruleReviews: RuleReviewRepository;
  /** Consult rules (issue 14): fire-once claims and the console's saved rule set. */
  ruleFirings: RuleFirings;
  ruleSets: RuleSetStore;
  /** On-call rosters (roster_shifts, roster_settings); also the OnCallPort referral routing reads. */
  rosters: RosterRepository;
  linkTokens(clock: Clock): LinkTokens;
  sealed(texts: FreeTextCipher): SealedRepositories;
  /** After ready, one batch: seals free text stored before sealing existed (idempotent; see free-text-repository.ts). */
  freeTextSealing: FreeTextSealing;
  /** After ready, one batch: name-token index rows for patients from before the index (idempotent). */
  backfillNameTokens(tokensOf: (row: PatientRow) => string[], after: string | null, limit: number): Promise<BackfillStep>;
  /** Where each one-off background job (a backfill after ready) stands. */
  jobs: JobsRepository;
  /** The service's audit writer (group commit 25 ms), resumed from what is stored. */
  openAuditLog(setup: AuditLogSetup): Promise<AuditLogPort>;
  /** Read-only audit access (the audit CLI). */
  auditReader(): AuditReader;
  close(): Promise<void>;
}

import { createPgEventTotalsBackfill } from '../domain/reports/event-totals-backfill-pg.js';
import { createPgTotalsBackfill } from '../domain/reports/daily-totals-backfill-pg.js';
import { createPgDailyTotalsRepository } from '../domain/reports/daily-totals-repository-pg.js';
import type { PgHandle } from '../db/pg/pg-client.js';
import { createPgAlertRepository } from '../domain/alerts/alert-repository-pg.js';
import { createPgApprovalRepository } from '../domain/approvals/approval-repository-pg.js';
import { PgAuditLog } from '../domain/audit/audit-log-pg.js';
import { createPgAuditReader } from '../domain/audit/audit-reader-pg.js';
import { createPgAuditRepository } from '../domain/audit/audit-repository-pg.js';
import { createPgBurnRepository } from '../domain/burn/burn-repository-pg.js';
import { createPgCasesRepository } from '../domain/cases/cases-repository-pg.js';
import { createPgLinkTokens } from '../domain/cases/link-tokens-pg.js';
import { createPgChatHistoryRepository } from '../domain/chat-history/chat-history-repository-pg.js';
import { createPgDirectoryRepository } from '../domain/directory/directory-repository-pg.js';
import { createPgEscalationRepository } from '../domain/escalation/escalation-repository-pg.js';
import { createPgGrantRepository } from '../domain/grants/grant-repository-pg.js';
import { createPgDoctorInboxRepository } from '../domain/inbox-view/doctor-inbox-repository-pg.js';
import { createPgMyCasesRepository } from '../domain/inbox-view/my-cases-repository-pg.js';
import { createPgOpenableDocumentsRepository } from '../domain/inbox-view/openable-documents-repository-pg.js';
import { createPgInboxRepository } from '../domain/inbox/inbox-repository-pg.js';
import { createPgOutboxRepository } from '../domain/outbox/outbox-repository-pg.js';
import { createPgFreeTextSealing } from '../domain/patients/free-text-repository-pg.js';
import { backfillNameTokensBatchPg, createPgNameIndexRepository } from '../domain/patients/name-index-repository-pg.js';
import { createPgPatientsRepository } from '../domain/patients/patients-repository-pg.js';
import { createPgAlertStatsRepository } from '../domain/reports/alert-stats-repository-pg.js';
import { createPgJobsRepository } from '../domain/jobs/jobs-repository-pg.js';
import { createPgRetentionRepository } from '../domain/retention/retention-repository-pg.js';
import { createPgSessionRepository } from '../domain/sessions/session-repository-pg.js';
import { createPgRuleReviewRepository } from '../domain/clinical/rule-review-repository-pg.js';
import { createPgRuleFirings } from '../domain/consult-rules/rule-firings-pg.js';
import { createPgRuleSetStore } from '../domain/consult-rules/rule-set-store-pg.js';
import { createPgDocumentRepository } from '../domain/sharing/document-repository-pg.js';
import { createPgDocumentTitles } from '../domain/sharing/document-titles-pg.js';
import { createPgVaultRepository } from '../domain/vault/vault-repository-pg.js';
import { createPgEhrQueueRepository } from '../ehr/queue/ehr-queue-repository-pg.js';
import { createPgMedicationRepository } from '../domain/medications/medication-repository-pg.js';
import { createPgReferralRepository } from '../domain/referrals/referral-repository-pg.js';
import { createPgInteractionRepository } from '../domain/interactions/interaction-repository-pg.js';
import { createPgCaseNotesRepository } from '../domain/notes/case-notes-repository-pg.js';
import { createPgVoiceDraftsRepository } from '../domain/notes/voice-drafts-repository-pg.js';
import { createPgMdtRepository } from '../domain/mdt/mdt-repository-pg.js';
import { createPgYidaRepository } from '../domain/forms/yida-repository-pg.js';
import { createPgRosterRepository } from '../domain/rosters/roster-repository-pg.js';
import type { Repositories } from './repositories.js';

/**
 * The repository bundle on PostgreSQL (a pool shared by every instance of a cluster): the pg twins,
 * each tested against the same contract as its SQLite one. Shredding VACUUMs inside the repositories.
 */
export function pgRepositories(handle: PgHandle): Repositories {
  const { store } = handle;
  return {
    kind: 'postgres',
    transaction: store.transaction,
    outbox: createPgOutboxRepository(store),
    inbox: createPgInboxRepository(store),
    sessions: createPgSessionRepository(store),
    ruleReviews: createPgRuleReviewRepository(store),
    ruleFirings: createPgRuleFirings(store),
    ruleSets: createPgRuleSetStore(store),
    rosters: createPgRosterRepository(store),
    directory: createPgDirectoryRepository(store),
    doctorInbox: createPgDoctorInboxRepository(store),
    myCases: createPgMyCasesRepository(store),
    openableDocuments: createPgOpenableDocumentsRepository(store),
    cases: createPgCasesRepository(store),
    nameIndex: createPgNameIndexRepository(store),
    documents: createPgDocumentRepository(store),
    vault: createPgVaultRepository(store),
    burn: createPgBurnRepository(store),
    escalation: createPgEscalationRepository(store),
    alerts: createPgAlertRepository(store),
    alertStats: createPgAlertStatsRepository(store),
    dailyTotals: createPgDailyTotalsRepository(store),
    totalsBackfill: createPgTotalsBackfill(store),
    eventTotalsBackfill: createPgEventTotalsBackfill(store),
    retention: createPgRetentionRepository(store),
    chatHistory: createPgChatHistoryRepository(store),
    ehrQueue: createPgEhrQueueRepository(store),
    linkTokens: (clock) => createPgLinkTokens({ store, clock }),
    sealed: (texts) => ({
      patients: createPgPatientsRepository(store, texts),
      grants: createPgGrantRepository(store, texts),
      approvals: createPgApprovalRepository(store, texts),
      titles: createPgDocumentTitles(store, texts),
      medications: createPgMedicationRepository(store, texts),
      interactions: createPgInteractionRepository(store, texts),
      caseNotes: createPgCaseNotesRepository(store, texts),
      voiceDrafts: createPgVoiceDraftsRepository(store, texts),
      mdt: createPgMdtRepository(store, texts),
      referrals: createPgReferralRepository(store, texts),
      yida: createPgYidaRepository(store, texts),
    }),
    freeTextSealing: createPgFreeTextSealing(store),
    backfillNameTokens: (tokensOf, after, limit) => backfillNameTokensBatchPg(store, tokensOf, after, limit),
    jobs: createPgJobsRepository(store),
    openAuditLog: (setup) => new PgAuditLog({ ...setup, store }, { flushDelayMs: 25 }).open(),
    auditReader: () => createPgAuditReader(store, createPgAuditRepository(store)),
    close: () => handle.close(),
  };
}

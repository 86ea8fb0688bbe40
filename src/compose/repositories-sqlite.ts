import { createTotalsBackfill } from '../domain/reports/daily-totals-backfill.js';
import { createDailyTotalsRepository } from '../domain/reports/daily-totals-repository.js';
import type { DbHandle } from '../db/client.js';
import { createAlertRepository } from '../domain/alerts/alert-repository.js';
import { createApprovalRepository } from '../domain/approvals/approval-repository.js';
import { AuditLog } from '../domain/audit/audit-log.js';
import { createAuditReader } from '../domain/audit/audit-reader.js';
import { createAuditRepository } from '../domain/audit/audit-repository.js';
import { createBurnRepository } from '../domain/burn/burn-repository.js';
import { createCasesRepository } from '../domain/cases/cases-repository.js';
import { createLinkTokens } from '../domain/cases/link-tokens.js';
import { createChatHistoryRepository } from '../domain/chat-history/chat-history-repository.js';
import { createDirectoryRepository } from '../domain/directory/directory-repository.js';
import { createEscalationRepository } from '../domain/escalation/escalation-repository.js';
import { createGrantRepository } from '../domain/grants/grant-repository.js';
import { createDoctorInboxRepository } from '../domain/inbox-view/doctor-inbox-repository.js';
import { createMyCasesRepository } from '../domain/inbox-view/my-cases-repository.js';
import { createOpenableDocumentsRepository } from '../domain/inbox-view/openable-documents-repository.js';
import { createInboxRepository } from '../domain/inbox/inbox-repository.js';
import { createOutboxRepository } from '../domain/outbox/outbox-repository.js';
import { createFreeTextSealing } from '../domain/patients/free-text-repository.js';
import { backfillNameTokensBatch, createNameIndexRepository } from '../domain/patients/name-index-repository.js';
import { createPatientsRepository } from '../domain/patients/patients-repository.js';
import { createAlertStatsRepository } from '../domain/reports/alert-stats-repository.js';
import { createEventTotalsBackfill } from '../domain/reports/event-totals-backfill.js';
import { createJobsRepository } from '../domain/jobs/jobs-repository.js';
import { createRetentionRepository } from '../domain/retention/retention-repository.js';
import { createSessionRepository } from '../domain/sessions/session-repository.js';
import { createRuleReviewRepository } from '../domain/clinical/rule-review-repository.js';
import { createRuleFirings } from '../domain/consult-rules/rule-firings.js';
import { createRuleSetStore } from '../domain/consult-rules/rule-set-store.js';
import { createDocumentRepository } from '../domain/sharing/document-repository.js';
import { createDocumentTitles } from '../domain/sharing/document-titles.js';
import { createVaultRepository } from '../domain/vault/vault-repository.js';
import { createEhrQueueRepository } from '../ehr/queue/ehr-queue-repository.js';
import { createMedicationRepository } from '../domain/medications/medication-repository.js';
import { createInteractionRepository } from '../domain/interactions/interaction-repository.js';
import { createCaseNotesRepository } from '../domain/notes/case-notes-repository.js';
import { createVoiceDraftsRepository } from '../domain/notes/voice-drafts-repository.js';
import { createMdtRepository } from '../domain/mdt/mdt-repository.js';
import { createYidaRepository } from '../domain/forms/yida-repository.js';
import { createRosterRepository } from '../domain/rosters/roster-repository.js';
import { createReferralRepository } from '../domain/referrals/referral-repository.js';
import type { Repositories } from './repositories.js';

/** The repository bundle on SQLite (one file, one writer; secure_delete and the WAL scrub stay in its repositories). */
export function sqliteRepositories(dbh: DbHandle): Repositories {
  const { db, store } = dbh;
  return {
    kind: 'sqlite',
    transaction: store.transaction,
    outbox: createOutboxRepository(db, store),
    inbox: createInboxRepository(db, store),
    sessions: createSessionRepository(db, store),
    ruleReviews: createRuleReviewRepository(db, store),
    ruleFirings: createRuleFirings(db, store),
    ruleSets: createRuleSetStore(db, store),
    rosters: createRosterRepository(db, store),
    directory: createDirectoryRepository(db, store),
    doctorInbox: createDoctorInboxRepository(db, store),
    myCases: createMyCasesRepository(db, store),
    openableDocuments: createOpenableDocumentsRepository(db, store),
    cases: createCasesRepository(db, store),
    nameIndex: createNameIndexRepository(db, store),
    documents: createDocumentRepository(db, store),
    vault: createVaultRepository(dbh),
    burn: createBurnRepository(dbh.sqlite, store),
    escalation: createEscalationRepository(db, store),
    alerts: createAlertRepository(db, store),
    alertStats: createAlertStatsRepository(db, store),
    dailyTotals: createDailyTotalsRepository(db, store),
    totalsBackfill: createTotalsBackfill(db, store),
    eventTotalsBackfill: createEventTotalsBackfill(db, store),
    retention: createRetentionRepository(db, store),
    chatHistory: createChatHistoryRepository(db, store),
    ehrQueue: createEhrQueueRepository(db, store),
    linkTokens: (clock) => createLinkTokens({ db, store, clock }),
    sealed: (texts) => ({
      patients: createPatientsRepository(db, store, texts),
      grants: createGrantRepository(db, store, texts),
      approvals: createApprovalRepository(db, store, texts),
      titles: createDocumentTitles(db, store, texts),
      medications: createMedicationRepository(db, store, texts),
      interactions: createInteractionRepository(db, store, texts),
      caseNotes: createCaseNotesRepository(db, store, texts),
      voiceDrafts: createVoiceDraftsRepository(db, store, texts),
      mdt: createMdtRepository(db, store, texts),
      referrals: createReferralRepository(db, store, texts),
      yida: createYidaRepository(db, store, texts),
    }),
    freeTextSealing: createFreeTextSealing(db, store),
    backfillNameTokens: (tokensOf, after, limit) => store.run(() => backfillNameTokensBatch(db, tokensOf, after, limit)),
    jobs: createJobsRepository(db, store),
    // Group commit: one fsync (~3 ms here) per 25 ms batch at most, so the event loop is rarely blocked.
    openAuditLog: async (setup) => new AuditLog({ ...setup, sqlite: dbh.sqlite, store }, { flushDelayMs: 25 }),
    auditReader: () => createAuditReader(createAuditRepository(dbh.sqlite), store),
    close: async () => dbh.close(),
  };
}

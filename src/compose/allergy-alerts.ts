import type { BurnAfterReading } from './burn-after-reading.js';
import type { Config } from '../config/config.js';
import type { Repositories } from './repositories.js';
import { createAlertNotices } from '../bot/alert-notices.js';
import type { Notifier } from '../bot/outbound.js';
import type { OutboxIntent } from '../dingtalk/outbox-handlers.js';
import { createAlertDispatch } from '../domain/alerts/alert-dispatch.js';
import type { AlertCaseView, AlertChatCopy, AlertGrants } from '../domain/alerts/alert-ports.js';
import { createAlertService } from '../domain/alerts/alert-service.js';
import type { AuditSink } from '../shared/audit-sink.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import type { EscalationService } from '../domain/escalation/escalation-service.js';
import type { ChainLink, ColleagueFinder } from '../domain/escalation/escalation-chain.js';
import { alertEscalationKind } from '../domain/alerts/alert-escalation.js';
import { checkUpload } from '../domain/vault/upload-check.js';
import type { OutboxRepository } from '../domain/outbox/outbox-repository.js';
import type { OutboxService } from '../domain/outbox/outbox-service.js';
import type { EhrQueueModule } from '../ehr/index.js';
import type { SecureSharing } from './secure-sharing.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { createTicker } from '../shared/ticker.js';
import { alertRaiseRule } from '../usecases/alerts/alert-raise-rule.js';
import type { AlertStatusDeps } from '../usecases/alerts/alert-status.js';
import { refreshAlertStatusCards } from '../usecases/alerts/alert-status-cards.js';
import { createAlertStatusCard } from '../bot/flows/alert-status-card.js';

export const DEFAULT_ALERT_TICK_MS = 1_000;

/**
 * Emergency allergy alerts wired: the service (raise), the dispatcher (group → cards, burned cards,
 * archive) on a ticker, and the adapters over the cases, burn-after-reading, grants, EHR queue,
 * escalation and outbox. Patient identity is read here, server-side, only for the EHR record.
 */
export function createAllergyAlerts(deps: {
  config: Readonly<Config>;
  repos: Pick<Repositories, 'transaction' | 'alerts'>;
  secure: SecureSharing;
  directoryRepo: DirectoryRepository;
  burn: BurnAfterReading;
  ehrQueue: Pick<EhrQueueModule, 'enqueueAllergy'>;
  escalation: Pick<EscalationService, 'track' | 'cancel' | 'useKind' | 'stepsFor'>;
  /** Colleague chains of the escalation context (the alert asks same-specialty colleagues of the recipient). */
  escalationChain: (links: readonly ChainLink[]) => ColleagueFinder;
  notify: Notifier;
  outbox: OutboxService<OutboxIntent>;
  outboxRepo: Pick<OutboxRepository, 'findByIdemKey'>;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  tickMs?: number;
  groupWaitMs?: number;
}) {
  const { repos, secure, burn, audit, clock } = deps;
  const repo = repos.alerts;
  // The read window after first open (ALERT_READ_WINDOW_MINUTES); the chat copy burns and its cards are recalled after.
  const burnAfterMs = deps.config.alerts.readWindowMs;

  const cases: AlertCaseView = {
    caseCode: async (caseId) => (await secure.casesRepo.caseById(caseId))?.code,
    team: async (caseId) => (await secure.cases.queries.teamOf(caseId)).map((m) => ({ clinicianId: m.clinicianId, careRole: m.careRole })),
    patientHkid: async (caseId, by) => (await secure.cases.reveal.revealPatient(caseId, by)).hkid,
    ...alertRaiseRule({ burn: burn.service, grants: secure.grants, clock }),
  };
  const chat: AlertChatCopy = {
    // The alert service applied the raise rule (share or break-glass); the burn service checks trust only.
    create: (i) => burn.service.create({ ...i, kind: 'text', conversationIds: [], directTo: [], authorCleared: true }),
    checkScan: (bytes) => secure.renderer.inspect(bytes, checkUpload(bytes)),
    createScan: (i) => burn.service.create({ ...i, kind: 'document', conversationIds: [], directTo: [], authorCleared: true }),
    discard: (itemId) => burn.repo.setDueAt(itemId, clock.now()),
    isGone: async (itemId) => (await burn.repo.find(itemId))?.status !== 'active',
  };
  // Each recipient may open this one item (view-approved-grant); consent rules still apply on open.
  const grants: AlertGrants = {
    async grantItem({ itemId, caseId, clinicianIds, expiresAt, grantedBy }) {
      const now = clock.now();
      for (const clinicianId of clinicianIds) {
        await secure.grants.createItemGrant({ documentId: itemId, caseId, clinicianId, grantedBy, expiresAt, reason: 'allergy_alert', now });
      }
    },
  };
  const notices = createAlertNotices({
    notify: deps.notify,
    outbox: deps.outbox,
    outboxRepo: deps.outboxRepo,
    directoryRepo: deps.directoryRepo,
    sceneGroupTemplateId: deps.config.alerts.sceneGroupTemplateId,
    burnAfterMs,
  });
  const service = createAlertService({
    transaction: repos.transaction,
    repo,
    directory: deps.directoryRepo,
    cases,
    ehr: { enqueueAllergy: async (input, idemKey) => deps.ehrQueue.enqueueAllergy(input, idemKey) },
    chat,
    grants,
    notices,
    audit,
    clock,
    archiveAfterMs: deps.config.alerts.archiveAfterMs,
    burnAfterMs,
  });
  const dispatch = createAlertDispatch({
    transaction: repos.transaction, repo, directory: deps.directoryRepo, cases, chat, notices, escalation: deps.escalation, audit, clock, logger: deps.logger, groupWaitMs: deps.groupWaitMs,
  });
  // One escalation engine: the alert's kind says who is asked (same specialty at the recipient's
  // institution), lets them in to act, and tells the raiser; before each step it checks the copy.
  deps.escalation.useKind('alert', alertEscalationKind({
    repo, directory: deps.directoryRepo, cases, grants, notices,
    copy: {
      async state(itemId, recipientId) {
        const item = await burn.repo.find(itemId);
        if (!item || item.status !== 'active') return 'closed';
        return (await burn.repo.recipients(itemId)).find((r) => r.clinicianId === recipientId)?.openedAt != null ? 'opened' : 'pending';
      },
      async addRecipient(itemId, clinicianId) {
        const item = await burn.repo.find(itemId);
        return item && (await burn.repo.addRecipient(itemId, clinicianId)) ? { expiresAt: item.expiresAt } : null;
      },
    },
    sameSpecialty: deps.escalationChain(['same_specialty']),
  }));
  // What the raiser's status screen (/alert/:id) and live status card in chat both show.
  const statusDeps: AlertStatusDeps = {
    alerts: repo,
    casesRepo: secure.casesRepo,
    directory: deps.directoryRepo,
    copy: { recipients: (itemId) => burn.repo.recipients(itemId), isGone: async (itemId) => (await burn.repo.find(itemId))?.status !== 'active' },
    cards: { posted: (prefix) => deps.notify.cardsPosted(prefix) },
    escalation: deps.escalation,
  };
  const statusCards = { ...statusDeps, alerts: repo, card: createAlertStatusCard({ directoryRepo: deps.directoryRepo, notify: deps.notify }), clock, logger: deps.logger };
  const tick = async () => {
    await dispatch.runDue();
    await refreshAlertStatusCards(statusCards);
  };
  return { service, dispatch, repo, statusDeps, timer: createTicker('alerts', tick, deps.tickMs ?? DEFAULT_ALERT_TICK_MS, deps.logger) };
}

export type AllergyAlerts = ReturnType<typeof createAllergyAlerts>;

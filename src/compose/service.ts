import type { Config } from '../config/config.js';
import type { DbHandle } from '../db/client.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { AUDIT_ACTIONS } from '../shared/audit-sink.js';
import { createDingTalkApi, type DingTalkApi } from '../dingtalk/openapi/index.js';
import { createOutboxService } from '../domain/outbox/outbox-service.js';
import { createOutboxWorker } from '../domain/outbox/outbox-worker.js';
import { createOutboxHandlers, validateOutboxIntent, type OutboxIntent } from '../dingtalk/outbox-handlers.js';
import { createRefreshSessions, type SessionTimes } from '../domain/sessions/refresh-sessions.js';
import { createDirectoryService } from '../domain/directory/directory-service.js';
import { createBot } from '../bot/bot.js';
import { StreamReceiver } from '../dingtalk/stream-receiver.js';
import { createInboundHandlers } from '../inbound/inbound-handlers.js';
import { createInbound, type InboundOptions } from './inbound.js';
import { hostname } from 'node:os';
import { createSecureSharing } from './secure-sharing.js';
import { createRuleReviewsModule } from './rule-reviews.js';
import type { LoadedPolicies } from '../domain/access/policy-loader.js';
import { createChatEventHandler } from '../inbound/chat-events.js';
import { createOrganisationExit } from './organisation-exit.js';
import { openKeys } from './keys.js';
import { openBlobs } from './blobs.js';
import { createViewTokens } from '../domain/sharing/view-token.js';
import { createOutbound } from '../bot/outbound.js';
import { createTeamExitNotices } from '../bot/team-exit-notices.js';
import { createExpirySweeper } from '../domain/sharing/expiry-sweeper.js';
import { tellRequestExpired } from '../bot/flows/request-expired.js';
import { createEscalation } from './escalation-module.js';
import { createEscalationNotices } from '../bot/flows/escalation-notices.js';
import { createAccessChat } from '../bot/flows/access-chat.js';
import { createCaseNotices } from '../bot/commands/case-notices.js';
import { createReportCards } from '../bot/flows/report-cards.js';
import { createAfterReady } from './after-ready.js';
import { createBurnAfterReading } from './burn-after-reading.js';
import { createEhrAdapter } from '../ehr/create-ehr.js';
import type { FhirRetryPolicy } from '../ehr/fhir-http.js';
import { createEhrQueueModule } from '../ehr/queue/create-ehr-queue.js';
import { createAllergyAlerts } from './allergy-alerts.js';
import { createInteractions } from './interactions.js';
import { createReports } from './reports.js';
import { botClinicalParts, botSharingParts } from './bot-deps.js';
import { createClinicalNotes } from './clinical-notes.js';
import { createStampForViewer } from '../usecases/viewing/stamp-for-viewer.js';
import { createServiceMetrics } from './metrics.js';
import { openRepositories } from './storage.js';
import { createMedications } from './medications.js';
import { createConsultWorkflows } from './consult-workflows.js';
import type { OnCallPort } from '../domain/rosters/on-call.js';

export interface ServiceOptions {
  logger: Logger;
  clock: Clock;
  /** Tests shorten these. */
  outbox?: { pollMs?: number; baseMs?: number; maxMs?: number; batchSize?: number };
  reconnect?: { baseDelayMs?: number; maxDelayMs?: number };
  apiRetry?: { attempts: number; baseDelayMs: number; maxDelayMs: number };
  /** How often lapsed requests and grants are swept (default 60 s). */
  sweepMs?: number;
  /** Policies validated beforehand (see loadPoliciesIsolated); loaded in-process when absent. */
  policies?: LoadedPolicies;
  /** How often due escalation steps are looked for (default 15 s). */
  escalationTickMs?: number;
  /** Tests shorten the EHR client's retries and the pending-writes queue's polling and backoff. */
  ehr?: { retry?: FhirRetryPolicy; queue?: { pollMs?: number; baseMs?: number; maxMs?: number } };
  /** How often due burn-after-reading deadlines are looked for (default 250 ms). */
  burnPollMs?: number;
  /** Allergy alerts: how often follow-up steps are looked for, and how long cards wait for the scene group. */
  alerts?: { tickMs?: number; groupWaitMs?: number };
  /**
   * Who holds this process's claims on inbound messages and outbox sends (default: the host name). A
   * restart of the same instance takes its own claims back at once; others wait for the lease to run out.
   */
  instanceId?: string;
  /** Inbound claims' lease, takeover sweep and hand-back at stop (see compose/inbound.ts). */
  inbound?: InboundOptions;
  sharing?: Parameters<typeof createSecureSharing>[0]['sharing'];
  /** Who is on call (referral routing); tests may pass a fake. Default: the roster repository. */
  onCall?: OnCallPort;
}

/**
 * The composition root: builds every part from the config, wires them, and gives one start/stop.
 * Stop order mirrors start: stream first (no new work), then the outbox drains briefly, then a
 * final audit checkpoint, then the database closes.
 */
export async function createService(config: Readonly<Config>, opts: ServiceOptions) {
  const { logger, clock } = opts;
  const instanceId = opts.instanceId ?? config.cluster.instanceId ?? hostname();
  // DATABASE_URL → SQLite or PostgreSQL (migrated at open), and every repository over it.
  const { storage, repos } = await openRepositories(config.databaseUrl);
  // Every key once: files on SQLite; shared configuration (or the database) on PostgreSQL (compose/keys.ts).
  const keys = await openKeys(config, storage, clock);
  const audit = await repos.openAuditLog({ clock, signer: keys.signer, logger, region: config.residency.region });
  if (keys.signerCreated) audit.append({ actor: 'system', action: AUDIT_ACTIONS.keyCreated, target: 'audit-signing', outcome: 'success' });

  const api: DingTalkApi = createDingTalkApi({ ...config.dingtalk, clock, logger, audit, retry: opts.apiRetry });
  const { outbox: outboxRepo, inbox } = repos;
  const backgroundJobs = { running: false };
  const metrics = createServiceMetrics({ instanceId, clock, outbox: outboxRepo, audit, backgroundJobs });
  const worker = createOutboxWorker({
    repo: outboxRepo,
    handlers: createOutboxHandlers(api, { clock, yidaFetch: (id) => yidaForms.job(id) }), // yidaForms: built below, called once started
    clock,
    logger,
    audit,
    maxAttempts: config.outbox.maxAttempts,
    backoff: { baseMs: opts.outbox?.baseMs ?? 1000, maxMs: opts.outbox?.maxMs ?? 60_000 },
    pollMs: opts.outbox?.pollMs ?? 500,
    batchSize: opts.outbox?.batchSize,
    // The cluster's lease (extended while a send runs): a dead instance's sends go elsewhere after it.
    leaseMs: config.cluster.inboundLeaseMs,
    owner: instanceId,
  });
  const outbox = createOutboxService<OutboxIntent>({ repo: outboxRepo, clock, notify: () => worker.notify(), validate: validateOutboxIntent });

  // Logins (session families): admin tokens and app tokens die with theirs; suspension and leaving end them.
  /** Login sessions with given lifetimes (the HTTP sign-in's; tests shorten them); one table, one repository. */
  const sessionsWith = (times?: Partial<SessionTimes>) => createRefreshSessions({ transaction: repos.transaction, repo: repos.sessions, clock, audit, times });
  const sessions = sessionsWith();
  const directoryRepo = repos.directory;
  const directory = createDirectoryService({
    repo: directoryRepo,
    audit,
    clock,
    logger,
    profiles: {
      getUser: async (userId) => {
        const u = await api.getUser(userId);
        return { name: u.name, title: u.title, department: u.department };
      },
    },
  });
  // The bot's one way to send: replies, 1:1 and group messages, cards.
  const publicUrl = config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`;
  const notify = createOutbound(outbox, config.dingtalk.cardTemplateId, publicUrl);
  const secure = await createSecureSharing({
    config, repos, keys, blobs: openBlobs(config, storage, clock), directory: directoryRepo, audit, clock, logger, policies: opts.policies, metrics: metrics.port, sharing: opts.sharing,
    tellTeamExit: createTeamExitNotices({ directory: directoryRepo, notify }),
  });
  const offboarding = createOrganisationExit({ repos, grantRepo: secure.sealed.grants, directoryRepo, audit, clock });
  const secret = keys.sessionSecret;
  const viewTokens = createViewTokens(secret);
  const burn = createBurnAfterReading({ config, repos, secure, directoryRepo, audit, clock, logger, notify, outbox, sessionSecret: secret, pollMs: opts.burnPollMs, metrics: metrics.port });
  // What the bot's commands and flows use of secure sharing and burn-after-reading, part by part.
  const chat = botSharingParts(secure, burn);
  // EHR: FHIR adapter ("not configured" without EHR_FHIR_BASE) and the durable pending-writes queue.
  const ehr = createEhrAdapter(config.ehr, { clock, logger, retry: opts.ehr?.retry });
  const q = opts.ehr?.queue;
  const ehrQueue = createEhrQueueModule({
    repo: repos.ehrQueue, key: keys.ehrQueueKey, adapter: ehr, clock, logger, audit, pollMs: q?.pollMs,
    backoff: q?.baseMs !== undefined ? { baseMs: q.baseMs, maxMs: q.maxMs ?? q.baseMs * 10 } : undefined,
  });
  const escalation = createEscalation({
    repos,
    notifier: createEscalationNotices({ ...chat, directoryRepo, outbox, notify, publicUrl }, { remindType: config.escalation.dingRemindType }),
    directory: directoryRepo,
    attendingsOf: async (caseId) => (await secure.cases.queries.attendingsOf(caseId)).map((m) => m.clinicianId),
    documents: secure.documentsRepo, grants: secure.grants, sharingSettings: secure.settings,
    audit,
    clock,
    logger,
    settings: config.escalation, tickMs: opts.escalationTickMs,
    metrics: metrics.port,
  });
  const alerts = createAllergyAlerts({
    config, repos, secure, directoryRepo, burn, ehrQueue, escalation: escalation.service, escalationChain: escalation.chain, notify, outbox, outboxRepo, audit, clock, logger,
    tickMs: opts.alerts?.tickMs, groupWaitMs: opts.alerts?.groupWaitMs,
  });
  const medications = createMedications({
    repo: secure.sealed.medications, secure, directory: directoryRepo, ehr, transaction: repos.transaction, audit, clock, logger,
  });
  const ruleReviews = createRuleReviewsModule({ repo: repos.ruleReviews, engine: secure.engine, clock, ruleSet: medications.ruleSet }); // .book: the RuleReviews port
  // Drug interaction alerts: the watch listens for new medication entries (after their commit).
  const interactions = createInteractions({ repo: secure.sealed.interactions, transaction: repos.transaction, medications, ruleReviews: ruleReviews.book, cases: secure.cases.queries, directoryRepo, notify, publicUrl, escalation: escalation.service, audit, clock });
  // After ready: the directory's name search tokens for clinicians from before the index (issue 15), 25 a
  // batch in two statements: ~4 ms a batch at 10,000 clinicians (100 a batch, one clinician at a time, held
  // the event loop ~30 ms a batch, 50 ms at worst; 500 ~150 ms).
  const clinicianTokens = { name: 'clinician_name_tokens', step: (after: string | null) => directoryRepo.backfillNameTokens(after, 25) };
  // Also purges processed message ids (DEDUPE_RETENTION_HOURS), which an hourly timer here used to do.
  const afterReady = createAfterReady({ retention: { config, repos, vault: secure.vault, sharing: secure.sharing, directory: directoryRepo, audit, clock, logger }, jobs: [secure.freeTextSealing, secure.nameTokenBackfill, clinicianTokens], repos, state: backgroundJobs });
  // Issue 14: on-call rosters, referral routing over them, consult rules, the Yida form archive, MDT meetings.
  const { rosters, referrals, yidaForms, mdt, consultRules } = createConsultWorkflows({ config, repos, secure, medications, api, outbox, notify, publicUrl, directoryRepo, escalation: escalation.service, audit, clock, logger, onCall: opts.onCall });
  const clinical = createClinicalNotes({ sealed: secure.sealed, normaliser: medications.normaliser });
  const bot = createBot({
    ...chat, inbox, directory, directoryRepo, audit, clock, logger, outbound: notify, outbox, publicUrl,
    escalation: escalation.service, ...botClinicalParts(clinical), medications: medications.useCases, referrals, rosters: rosters.useCases, mdt: mdt.useCases,
  });
  const onChatEvent = createChatEventHandler({ cases: secure.cases, offboarding, directoryRepo, logger });
  // Robot messages and events: one durable claim mechanism, one group commit, one takeover sweep.
  const inbound = createInbound({ inbox, keyring: keys.keyring, audit, clock, logger, instanceId, metrics: metrics.port, bot, onChatEvent, answerCardLater: bot.answerCardLater }, { leaseMs: config.cluster.inboundLeaseMs, ...opts.inbound });
  const { robot, events, cards } = inbound;
  const sweeper = createExpirySweeper({
    approvals: secure.approvals, grants: secure.grants, clock, logger, onRequestExpired: (r) => tellRequestExpired({ ...chat, directoryRepo, notify }, r), intervalMs: opts.sweepMs,
  });
  const receiver = new StreamReceiver({
    clientId: config.dingtalk.clientId, clientSecret: config.dingtalk.clientSecret, apiBase: config.dingtalk.apiBase, oapiBase: config.dingtalk.oapiBase,
    clock, logger, reconnect: opts.reconnect, cardTimeoutMs: opts.inbound?.cardTimeoutMs,
    handlers: createInboundHandlers({ bot, robot, events, cards, audit, logger, metrics: metrics.port }),
  });

  let stopCheckpoints: (() => void) | undefined;
  return {
    config,
    clock,
    logger,
    /** The opened store (SQLite or PostgreSQL) and every repository over it (`repos.transaction`). */
    storage,
    repos,
    /** The SQLite handle, for tests and SQLite-only tools; throws on PostgreSQL (use `repos`). */
    get db(): DbHandle {
      if (storage.kind !== 'sqlite') throw new Error('service.db is the SQLite handle; this service runs on PostgreSQL');
      return storage.handle;
    },
    audit,
    api,
    outbox, worker, inbox, robot, events,
    /** Takes over inbound claims whose holder's lease ran out, periodically. */
    inboundSweep: inbound.sweep,
    instanceId,
    /** Prometheus metrics of this instance (GET /metrics). */
    metrics,
    directoryRepo, directory, sessions, sessionsWith,
    /** The doctor inbox's lookups by clinician (read-only, across contexts). */
    doctorInbox: repos.doctorInbox,
    offboarding,
    secure,
    ruleReviews, consultRules,
    publicUrl,
    /** false when WATERMARK_MODE=rewrite: every view re-writes the whole PDF. */
    incrementalWatermark: config.viewing.watermarkMode === 'incremental',
    sessionSecret: secret,
    viewTokens,
    /** Stamps decrypted bytes for their viewer (documents and burn documents alike). */
    stamp: createStampForViewer({ renderer: secure.renderer, directory: directoryRepo, clock }),
    notify,
    /** The access intents' notices and reply words (chat), for the mini-app API's access routes. */
    accessChat: createAccessChat({ ...chat, directoryRepo, notify, publicUrl }),
    /** What chat hears when a mini-app case-open form is submitted. */
    caseNotices: createCaseNotices({ directory: directoryRepo, notify }),
    /** The group card for a report shared from the mini-app. */
    reportCards: createReportCards({ directoryRepo, notify }),
    burn,
    ehr, ehrQueue,
    escalation: escalation.service,
    alerts, interactions, retention: afterReady.retention,
    /** The admin reports: PDPO data access report and dashboard figures. */
    reports: createReports({ repos, secure, directory: directoryRepo, medications: medications.repo, audit, clock }),
    /** Medications on a case: the list's use cases, the HK normaliser and the rule set (loaded at first use). */
    medications,
    /** Issue 14 (consult-workflows.ts): rosters (use cases, `onCall`), referrals (`open`: the OpenReferral port), the Yida form archive, MDT meetings. */
    rosters, referrals, yidaForms, mdt,
    bot, receiver, sweeper, clinical,
    /** Resumes messages a previous run ACKed but did not finish, then connects. */
    async start(): Promise<void> {
      audit.append({ actor: 'system', action: AUDIT_ACTIONS.serviceStarted, outcome: 'success', target: config.mode });
      // Burn-after-reading items that fell due while the service was down go before anything is served.
      await burn.scheduler.start();
      await inbound.start();
      worker.start();
      ehrQueue.worker.start();
      receiver.start();
      stopCheckpoints = audit.startCheckpointTimer(config.audit.checkpointIntervalMs);
      escalation.scheduler.start();
      alerts.timer.start();
      sweeper.start();
      mdt.reminders.start();
    },

    /** Once the service answers (main.ts, after listening): retention and backfills, in batches (after-ready.ts). */
    afterReady: () => afterReady.start(), backgroundIdle: () => afterReady.idle(),
    async stop(): Promise<void> {
      receiver.stop();
      await receiver.idle();
      await inbound.stop();
      await burn.scheduler.stop();
      await ehrQueue.worker.stop();
      sweeper.stop();
      await mdt.reminders.stop();
      await escalation.scheduler.stop();
      await alerts.timer.stop();
      await afterReady.stop(); // the backfills, the retention timer and a purge still going
      stopCheckpoints?.();
      await worker.drain(2000);
      await worker.stop();
      await secure.renderer.close();
      audit.append({ actor: 'system', action: AUDIT_ACTIONS.serviceStopped, outcome: 'success' });
      await audit.close();
      metrics.close();
      await repos.close();
    },
  };
}

export type Service = Awaited<ReturnType<typeof createService>>;

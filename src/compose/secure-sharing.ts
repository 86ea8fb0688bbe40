import type { Config } from '../config/config.js';
import type { DbHandle } from '../db/client.js';
import { caseRequest } from '../domain/access/access-facts.js';
import { clinicianFacts, createCaseAuthorizer } from '../domain/access/case-authorizer.js';
import { createPolicyEngine } from '../domain/access/policy-engine.js';
import { loadPolicies, type LoadedPolicies } from '../domain/access/policy-loader.js';
import type { AuditSink } from '../shared/audit-sink.js';
import { createApprovalRepository } from '../domain/approvals/approval-repository.js';
import { createApprovalService } from '../domain/approvals/approval-service.js';
import { createCaseModule } from '../domain/cases/case-module.js';
import { createCaseLifecycle } from '../domain/cases/case-lifecycle.js';
import { createCasesRepository } from '../domain/cases/cases-repository.js';
import type { TeamExit } from '../domain/cases/team-exit.js';
import type { ClinicianRow, DirectoryRepository } from '../domain/directory/directory-repository.js';
import { createBreakGlassService } from '../domain/grants/break-glass.js';
import { createGrantRepository } from '../domain/grants/grant-repository.js';
import { createGrantService } from '../domain/grants/grant-service.js';
import type { ApproverStep } from '../domain/approvals/approval-steps.js';
import { createFieldCipher } from '../domain/patients/field-cipher.js';
import { sealLegacyFreeText } from '../domain/patients/free-text-repository.js';
import { createMyCasesRepository } from '../domain/inbox-view/my-cases-repository.js';
import { mayOpenRecords } from '../usecases/cases/may-open-records.js';
import type { MyCasesDeps } from '../usecases/cases/my-cases.js';
import { backfillNameTokens } from '../domain/patients/name-index-repository.js';
import { storedNameTokenHashes } from '../domain/patients/patient-records.js';
import { createDocumentAccess } from '../domain/sharing/document-access.js';
import { createDocumentRepository } from '../domain/sharing/document-repository.js';
import { createDocumentTitles } from '../domain/sharing/document-titles.js';
import { createReceiptService } from '../domain/sharing/receipts.js';
import { createSharingService } from '../domain/sharing/sharing-service.js';
import { resolveSharingSettings, type SharingSettings } from '../domain/sharing/sharing-settings.js';
import type { BlobStore } from '../domain/vault/blob-store.js';
import { createVaultRepository } from '../domain/vault/vault-repository.js';
import { createVault } from '../domain/vault/vault-service.js';
import { createRenderPool, renderPoolOptions } from '../render-pool/render-pool.js';
import type { Clock } from '../shared/clock.js';
import type { ServiceKeys } from './keys.js';
import { POLICY_DIR } from '../domain/access/policy-dir.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';

/**
 * The secure-sharing context wired together: policy engine, cases and patients, vault, documents,
 * approvals, grants and break-glass. Kept apart from the bot and transport wiring in service.ts.
 */
export function createSecureSharing(deps: {
  config: Readonly<Config>;
  dbh: DbHandle;
  /** The vault keyring and the patient-field key (see keys.ts), and where ciphertext blobs live (blobs.ts). */
  keys: Pick<ServiceKeys, 'keyring' | 'fieldKey'>;
  blobs: BlobStore;
  directory: DirectoryRepository;
  audit: AuditSink;
  clock: Clock;
  logger: Logger;
  /** Policies already validated (main.ts checks them in a child process); else loaded here. */
  policies?: LoadedPolicies;
  /** Tells a clinician 1:1 that their place on a care team (and their grants on the case) ended. */
  tellTeamExit: (exit: TeamExit) => Promise<void>;
  metrics?: Metrics;
  /** Tests set the approver chain and times; the defaults otherwise. */
  sharing?: Partial<SharingSettings>;
}) {
  const { config, dbh, directory, audit, clock, logger } = deps;
  // Requests are checked against the schema in tests (in-process load); in production the policies were
  // validated at start in a child process and the per-request check is skipped: it costs ~40 MB of
  // WebAssembly heap and ~40 µs a decision, and only guards our own typed request builders.
  const engine = createPolicyEngine(deps.policies ?? loadPolicies(POLICY_DIR), { logger, validateRequests: !deps.policies, metrics: deps.metrics });
  const authorize = createCaseAuthorizer(engine);
  const cipher = createFieldCipher(deps.keys.fieldKey);
  // Free text that may name the patient is sealed at rest; rows from before that are sealed now.
  const texts = cipher.freeText;
  sealLegacyFreeText(dbh.db, texts);
  // Patients from before the name-token blind index get their index rows now (idempotent).
  backfillNameTokens(dbh.db, (row) => storedNameTokenHashes(cipher, row));
  const grantRepo = createGrantRepository(dbh.db, dbh.store, texts);
  const grants = createGrantService({ repo: grantRepo, audit, clock });
  const cases = createCaseModule({
    db: dbh.db, store: dbh.store, directory, cipher, audit, clock, authorize,
    exits: {
      revokeGrants: async (caseId, clinicianId, actor, cause, now) => (await grants.revokeLive(clinicianId, caseId, actor, cause, now)).length,
      tell: deps.tellTeamExit,
    },
  });
  const casesRepo = createCasesRepository(dbh.db, dbh.store);

  // Worker threads for untrusted files: the upload check (below, through the vault) and every view's stamp.
  const renderer = createRenderPool(renderPoolOptions(config, logger));
  const vault = createVault({
    repo: createVaultRepository(dbh),
    blobs: deps.blobs,
    keyring: deps.keys.keyring,
    clock,
    inspector: renderer,
  });

  /** A case-level decision for a directory row now: its role on the case from the case tables, then the policy. */
  const decideOnCase = async (row: ClinicianRow, action: 'share' | 'breakGlass', caseRow: { id: string; code: string }) => {
    const facts = await cases.queries.caseFacts(caseRow.id, row.id);
    return engine.decide(caseRequest(clinicianFacts(row), action, { code: caseRow.code, institutionIds: facts.institutionIds, closed: facts.closed }, { careRole: facts.careRole }));
  };

  const settings = resolveSharingSettings(deps.sharing);
  const documentsRepo = createDocumentRepository(dbh.db, dbh.store);
  const privacyOfficers = async () => (await directory.list()).filter((c) => c.role === 'privacy_officer' && c.verified && !c.suspended).map((c) => c.id);
  const attendingsOf = async (caseId: string) => (await cases.queries.attendingsOf(caseId)).map((m) => m.clinicianId);
  const access = createDocumentAccess({ engine, documents: documentsRepo, cases: casesRepo, queries: cases.queries, grants, audit, clock });
  const approvalRepo = createApprovalRepository(dbh.db, dbh.store, texts);
  /** Who may decide a step of an access request now: the privacy officers, or the case's attendings. */
  const approversFor = async (step: ApproverStep, documentId: string): Promise<string[]> => {
    if (step === 'privacy_officer') return privacyOfficers();
    const doc = await documentsRepo.find(documentId);
    return doc ? attendingsOf(doc.caseId) : [];
  };
  const approvals = createApprovalService({
    transaction: dbh.store.transaction,
    repo: approvalRepo,
    documents: documentsRepo,
    grants,
    audit,
    clock,
    settings,
    approversFor,
    missingDespiteGrant: async (requesterId, documentId) => {
      const requester = await directory.findById(requesterId);
      return requester ? access.missingDespiteGrant(requester, documentId) : ['policy'];
    },
  });
  const breakGlass = createBreakGlassService({
    transaction: dbh.store.transaction,
    repo: grantRepo,
    audit,
    clock,
    settings,
    people: { attendingsOf, privacyOfficers },
    authorize: async (clinicianId, _action, caseId) => {
      const row = await directory.findById(clinicianId);
      const caseRow = await casesRepo.caseById(caseId);
      if (!row || !caseRow) return { allowed: false, policies: [] };
      return decideOnCase(row, 'breakGlass', caseRow);
    },
  });

  const lifecycle = createCaseLifecycle({
    transaction: dbh.store.transaction, cases: casesRepo, queries: cases.queries, authorize, audit, clock,
    endCaseGrants: async (caseId, actor, cause, now) => (await grants.end(await grants.liveOnCase(caseId, now), actor, cause, now)).map((g) => ({ clinicianId: g.clinicianId, requestId: g.requestId })),
  });
  const myCases: MyCasesDeps = {
    myCases: createMyCasesRepository(dbh.db, dbh.store),
    patientSearch: cases.patientSearch,
    mayOpenRecords: (viewer, caseId) => mayOpenRecords({ documents: documentsRepo, access }, viewer, caseId),
    audit,
    clock,
  };

  return {
    engine,
    lifecycle,
    authorize,
    decideOnCase,
    settings,
    cases,
    casesRepo,
    vault,
    /** The vault keyring, which also seals inbound messages, burn texts and the sandbox chat. */
    keyring: deps.keys.keyring,
    /** Renders views (and checks uploads) in worker threads; closed by the service's stop(). */
    renderer,
    documentsRepo,
    /** Documents' optional titles, sealed; for the mini-app's screens only. */
    titles: createDocumentTitles(dbh.db, dbh.store, texts),
    sharing: createSharingService({ repo: documentsRepo, transaction: dbh.store.transaction, audit, clock }),
    receipts: createReceiptService({ repo: documentsRepo, audit, clock }),
    grants,
    approvals,
    breakGlass,
    access,
    /** Read-only listings for the oversight screens (access requests by state, break-glass reviews). */
    oversight: { approvals: approvalRepo as Pick<typeof approvalRepo, 'listByStatus' | 'stepsOf' | 'find'>, grants: grantRepo as Pick<typeof grantRepo, 'reviewsByStatus' | 'find' | 'findReview'>, approversFor },
    privacyOfficers,
    /** The free-text cipher, for repositories built elsewhere over the same tables. */
    texts,
    /** "My work": the Cases list and search, shared by the mini-app API and the `cases` command. */
    myCases,
  };
}

export type SecureSharing = ReturnType<typeof createSecureSharing>;

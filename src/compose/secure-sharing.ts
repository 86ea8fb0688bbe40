import type { BackgroundJob } from '../domain/jobs/background-job.js';
import type { Config } from '../config/config.js';
import type { Repositories } from './repositories.js';
import { caseRequest } from '../domain/access/access-facts.js';
import { clinicianFacts, createCaseAuthorizer } from '../domain/access/case-authorizer.js';
import { createPolicyEngine } from '../domain/access/policy-engine.js';
import { loadPolicies, type LoadedPolicies } from '../domain/access/policy-loader.js';
import type { AuditSink } from '../shared/audit-sink.js';
import { createApprovalService } from '../domain/approvals/approval-service.js';
import { createCaseModule } from '../domain/cases/case-module.js';
import { createCaseLifecycle } from '../domain/cases/case-lifecycle.js';
import type { TeamExit } from '../domain/cases/team-exit.js';
import type { ClinicianRow, DirectoryRepository } from '../domain/directory/directory-repository.js';
import { createBreakGlassService } from '../domain/grants/break-glass.js';
import { createGrantService } from '../domain/grants/grant-service.js';
import { bindGrantConsultAccess } from '../usecases/referrals/consult-grant.js';
import type { ApproverStep } from '../domain/approvals/approval-steps.js';
import { createFieldCipher } from '../domain/patients/field-cipher.js';
import { mayOpenRecords } from '../usecases/cases/may-open-records.js';
import type { MyCasesDeps } from '../usecases/cases/my-cases.js';
import type { OpenableDocumentsDeps } from '../usecases/viewing/openable-documents.js';
import { storedNameTokenHashes } from '../domain/patients/patient-records.js';
import { createDocumentAccess } from '../domain/sharing/document-access.js';
import { createReceiptService } from '../domain/sharing/receipts.js';
import { createSharingService } from '../domain/sharing/sharing-service.js';
import { resolveSharingSettings, type SharingSettings } from '../domain/sharing/sharing-settings.js';
import type { BlobStore } from '../domain/vault/blob-store.js';
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
export async function createSecureSharing(deps: {
  config: Readonly<Config>;
  repos: Repositories;
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
  const { config, repos, directory, audit, clock, logger } = deps;
  // Requests are checked against the schema in tests (in-process load); in production the policies were
  // validated at start in a child process and the per-request check is skipped: it costs ~40 MB of
  // WebAssembly heap and ~40 µs a decision, and only guards our own typed request builders.
  const engine = createPolicyEngine(deps.policies ?? loadPolicies(POLICY_DIR), { logger, validateRequests: !deps.policies, metrics: deps.metrics });
  const authorize = createCaseAuthorizer(engine);
  const cipher = createFieldCipher(deps.keys.fieldKey);
  // Free text that may name the patient is sealed at rest; rows from before that are sealed after ready (freeTextSealing below).
  const texts = cipher.freeText;
  const sealed = repos.sealed(texts);
  const grantRepo = sealed.grants;
  const grants = createGrantService({ repo: grantRepo, audit, clock });
  const cases = createCaseModule({
    transaction: repos.transaction, cases: repos.cases, patients: sealed.patients, nameIndex: repos.nameIndex, tokens: repos.linkTokens(clock),
    directory, cipher, audit, clock, authorize,
    exits: {
      revokeGrants: async (caseId, clinicianId, actor, cause, now) => (await grants.revokeLive(clinicianId, caseId, actor, cause, now)).length,
      tell: deps.tellTeamExit,
    },
  });
  const casesRepo = repos.cases;

  // Worker threads for untrusted files: the upload check (below, through the vault) and every view's stamp.
  const renderer = createRenderPool(renderPoolOptions(config, logger));
  const vault = createVault({
    repo: repos.vault,
    blobs: deps.blobs,
    keyring: deps.keys.keyring,
    clock,
    inspector: renderer,
  });

  /** A case-level decision for a directory row now: its role on the case from the case tables, then the policy. */
  const decideOnCase = async (row: ClinicianRow, action: 'share' | 'breakGlass' | 'addCaseNote', caseRow: { id: string; code: string }) => {
    const facts = await cases.queries.caseFacts(caseRow.id, row.id);
    return engine.decide(caseRequest(clinicianFacts(row), action, { code: caseRow.code, institutionIds: facts.institutionIds, closed: facts.closed }, { careRole: facts.careRole }));
  };

  const settings = resolveSharingSettings(deps.sharing);
  const documentsRepo = repos.documents;
  const privacyOfficers = async () => (await directory.withRole('privacy_officer')).filter((c) => c.verified && !c.suspended).map((c) => c.id);
  const attendingsOf = async (caseId: string) => (await cases.queries.attendingsOf(caseId)).map((m) => m.clinicianId);
  const access = createDocumentAccess({ engine, documents: documentsRepo, cases: casesRepo, queries: cases.queries, grants, audit, clock });
  const approvalRepo = sealed.approvals;
  /** Who may decide a step of an access request now: the privacy officers, or the case's attendings. */
  const approversFor = async (step: ApproverStep, documentId: string): Promise<string[]> => {
    if (step === 'privacy_officer') return privacyOfficers();
    const doc = await documentsRepo.find(documentId);
    return doc ? attendingsOf(doc.caseId) : [];
  };
  const approvals = createApprovalService({
    transaction: repos.transaction,
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
    transaction: repos.transaction,
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
    transaction: repos.transaction, cases: casesRepo, queries: cases.queries, authorize, audit, clock,
    endCaseGrants: async (caseId, actor, cause, now) => (await grants.end(await grants.liveOnCase(caseId, now), actor, cause, now)).map((g) => ({ clinicianId: g.clinicianId, requestId: g.requestId })),
  });
  const myCases: MyCasesDeps = {
    myCases: repos.myCases,
    patientSearch: cases.patientSearch,
    mayOpenRecords: (viewer, caseId) => mayOpenRecords({ documents: documentsRepo, access }, viewer, caseId),
    audit,
    clock,
  };

  const openableDocuments: OpenableDocumentsDeps = { candidates: repos.openableDocuments, grants, queries: cases.queries, engine, clock };

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
    titles: sealed.titles,
    sharing: createSharingService({ repo: documentsRepo, transaction: repos.transaction, audit, clock }),
    receipts: createReceiptService({ repo: documentsRepo, audit, clock }),
    grants,
    approvals,
    breakGlass,
    /** A time-boxed case-level consult grant (referral acceptance, MDT invitation); call inside the step's transaction. */
    grantConsultAccess: bindGrantConsultAccess({ grants, clock }),
    access,
    /** Read-only listings for the oversight screens (access requests by state, break-glass reviews). */
    oversight: { approvals: approvalRepo as Pick<typeof approvalRepo, 'listByStatus' | 'stepsOf' | 'find'>, grants: grantRepo as Pick<typeof grantRepo, 'reviewsByStatus' | 'find' | 'findReview'>, approversFor },
    privacyOfficers,
    /** The repositories over sealed free text (patients, grants, approvals, titles), for wiring elsewhere. */
    sealed,
    /** The free-text cipher, for repositories built elsewhere over the same tables. */
    texts,
    /** "My work": the Cases list and search, shared by the mini-app API and the `cases` command. */
    myCases,
    /** "Documents I may open", newest first in pages (the mini-app's Documents screen). */
    openableDocuments,
    /** After ready: free text stored before sealing existed is sealed, a batch at a time (`open` reads either meanwhile). */
    freeTextSealing: {
      name: 'free_text_sealed',
      step: async (cursor: string | null) => (await repos.freeTextSealing.sealBatch(texts, cursor, 500)).next,
    } satisfies BackgroundJob,
    /** After ready: patients from before the name-token blind index get their index rows, a batch at a time. */
    nameTokenBackfill: {
      name: 'patient_name_tokens',
      step: async (after: string | null) => (await repos.backfillNameTokens((row) => storedNameTokenHashes(cipher, row), after, 500)).last,
    } satisfies BackgroundJob,
  };
}

export type SecureSharing = Awaited<ReturnType<typeof createSecureSharing>>;

import { randomBytes } from 'node:crypto';
import { POLICY_DIR } from '../../src/domain/access/policy-dir.js';
import { loadPolicyEngine, type PolicyEngine } from '../../src/domain/access/policy-engine.js';
import { createApprovalRepository } from '../../src/domain/approvals/approval-repository.js';
import { createApprovalService } from '../../src/domain/approvals/approval-service.js';
import { createCasesRepository } from '../../src/domain/cases/cases-repository.js';
import { createEscalationRepository } from '../../src/domain/escalation/escalation-repository.js';
import { createBreakGlassService } from '../../src/domain/grants/break-glass.js';
import { createGrantRepository } from '../../src/domain/grants/grant-repository.js';
import { createGrantService } from '../../src/domain/grants/grant-service.js';
import { createFreeTextCipher } from '../../src/domain/patients/free-text-cipher.js';
import { createDocumentAccess } from '../../src/domain/sharing/document-access.js';
import { createDocumentRepository } from '../../src/domain/sharing/document-repository.js';
import { createReceiptService } from '../../src/domain/sharing/receipts.js';
import { createSharingService } from '../../src/domain/sharing/sharing-service.js';
import { resolveSharingSettings } from '../../src/domain/sharing/sharing-settings.js';
import { caseWorld } from './cases-fixture.js';

let engine: PolicyEngine | undefined;
/** The real Cedar policies, loaded once per test file. */
const policies = () => (engine ??= loadPolicyEngine(POLICY_DIR));

/**
 * A case world (real case module, directory) with the sharing services on the same temp SQLite file:
 * documents, receipts, grants, break-glass, approvals (each step's approvers: the case's attendings)
 * the escalation step history, and view decisions by the real Cedar policies. For the use cases that read across cases and sharing.
 */
export function caseSharingWorld() {
  const w = caseWorld();
  const { db, store } = w.handle;
  const base = { audit: w.audit, clock: w.clock };
  const settings = resolveSharingSettings();
  const documents = createDocumentRepository(db, store);
  const grantRepo = createGrantRepository(db, store, createFreeTextCipher(randomBytes(32)));
  const grants = createGrantService({ repo: grantRepo, ...base });
  const attendingsOf = async (caseId: string) => (await w.module.queries.teamOf(caseId)).filter((m) => m.careRole === 'attending').map((m) => m.clinicianId);
  const escalationRepo = createEscalationRepository(db, store);
  return {
    ...w,
    documents,
    grants,
    sharing: createSharingService({ repo: documents, transaction: store.transaction, ...base }),
    receipts: createReceiptService({ repo: documents, ...base }),
    breakGlass: createBreakGlassService({
      transaction: store.transaction,
      repo: grantRepo,
      settings,
      authorize: () => ({ allowed: true, policies: ['break_glass_doctor'] }),
      people: { attendingsOf, privacyOfficers: async () => [] },
      ...base,
    }),
    approvals: createApprovalService({
      transaction: store.transaction,
      repo: createApprovalRepository(db, store, createFreeTextCipher(randomBytes(32))),
      documents,
      grants,
      settings,
      approversFor: async (_step, documentId) => attendingsOf((await documents.find(documentId))!.caseId),
      missingDespiteGrant: async () => [],
      ...base,
    }),
    access: createDocumentAccess({
      engine: policies(),
      documents,
      cases: createCasesRepository(db, store),
      queries: w.module.queries,
      grants,
      ...base,
    }),
    escalationRepo,
    escalation: { stepsFor: (ids: readonly string[]) => escalationRepo.steps(ids) },
    /** Registers a report on the case by `authorId`. */
    shareReport(caseId: string, authorId: string) {
      return this.sharing.registerDocument({ caseId, authorId, kind: 'report', mediaType: 'application/pdf', size: 1234 });
    },
  };
}

export type CaseSharingWorld = ReturnType<typeof caseSharingWorld>;

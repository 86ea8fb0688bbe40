import { randomBytes } from 'node:crypto';
import { createFreeTextCipher } from '../../src/domain/patients/free-text-cipher.js';
import { createApprovalRepository } from '../../src/domain/approvals/approval-repository.js';
import { createApprovalService } from '../../src/domain/approvals/approval-service.js';
import type { ApproverStep } from '../../src/domain/approvals/approval-steps.js';
import { createBreakGlassService, type AuthorizeResult } from '../../src/domain/grants/break-glass.js';
import { createGrantRepository } from '../../src/domain/grants/grant-repository.js';
import { createGrantService } from '../../src/domain/grants/grant-service.js';
import { createDocumentRepository } from '../../src/domain/sharing/document-repository.js';
import { createReceiptService } from '../../src/domain/sharing/receipts.js';
import { createSharingService } from '../../src/domain/sharing/sharing-service.js';
import { resolveSharingSettings, type SharingSettings } from '../../src/domain/sharing/sharing-settings.js';
import { ManualClock } from '../../src/shared/clock.js';
import { recordingAudit } from './dingtalk-api.js';
import { tempDb } from './temp-db.js';

export const HOUR = 3_600_000;

/**
 * The sharing services wired on a temp SQLite file with a manual clock and a recording audit sink.
 * Approvers per step, attendings and privacy officers are plain mutable lists a test can change.
 */
export function sharingFixture(opts: { settings?: Partial<SharingSettings> } = {}) {
  const handle = tempDb();
  const clock = new ManualClock();
  const audit = recordingAudit();
  const settings = resolveSharingSettings(opts.settings);
  const approvers: Record<ApproverStep, string[]> = { attending: ['dr-chan'], privacy_officer: ['po-lee'] };
  /** What approving would not supply (consent, …); a test may fill it. Empty: a grant would work. */
  const blockers: string[] = [];
  const policy: { decide: (clinicianId: string, action: string, caseId: string) => AuthorizeResult } = {
    decide: () => ({ allowed: true, policies: ['break_glass_doctor'] }),
  };
  const documentsRepo = createDocumentRepository(handle.db, handle.store);
  const grantRepo = createGrantRepository(handle.db, handle.store, createFreeTextCipher(randomBytes(32)));
  const grants = createGrantService({ repo: grantRepo, audit, clock });
  const base = { audit, clock };
  return {
    handle,
    clock,
    audit,
    settings,
    approvers,
    blockers,
    policy,
    grantRepo,
    sharing: createSharingService({ repo: documentsRepo, transaction: handle.store.transaction, ...base }),
    receipts: createReceiptService({ repo: documentsRepo, ...base }),
    grants,
    approvals: createApprovalService({
      transaction: handle.store.transaction,
      repo: createApprovalRepository(handle.db, handle.store, createFreeTextCipher(randomBytes(32))),
      documents: documentsRepo,
      grants,
      settings,
      approversFor: async (step) => approvers[step],
      missingDespiteGrant: async () => blockers,
      ...base,
    }),
    breakGlass: createBreakGlassService({
      transaction: handle.store.transaction,
      repo: grantRepo,
      settings,
      authorize: (c, a, k) => policy.decide(c, a, k),
      people: { attendingsOf: async () => approvers.attending, privacyOfficers: async () => approvers.privacy_officer },
      ...base,
    }),
    /** Audit entries with this action, in order. */
    audited(action: string) {
      return audit.entries.filter((e) => e.action === action);
    },
    cleanup: () => handle.cleanup(),
  };
}

export type SharingFixture = ReturnType<typeof sharingFixture>;

/** Registers a report on case `caseId` by Dr Chan. */
export function shareReport(f: SharingFixture, caseId = 'case-1') {
  return f.sharing.registerDocument({ caseId, authorId: 'dr-chan', authorInstitutionId: 'qmh', kind: 'report', mediaType: 'application/pdf', size: 1234 });
}

import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Service } from '../../service.js';
import { mayShareToCase as mayShare, shareReport as shareReportUseCase, type ShareOptions, type SharedReport } from '../../usecases/sharing/share-report.js';

export type { ShareOptions, SharedReport };

/** The policy's `share` rule for this clinician on this case, now. */
export function mayShareToCase(service: Service, author: ClinicianRow, caseRow: CaseRow): Promise<boolean> {
  return mayShare(service, author, caseRow);
}

/** Shares a report from the mini-app's upload screen (the use case, with the group cards wired in). */
export function shareReport(service: Service, author: ClinicianRow, caseRow: CaseRow, bytes: Buffer, opts: ShareOptions = {}): Promise<SharedReport> {
  const { secure, clock, audit, escalation, reportCards: cards } = service;
  return shareReportUseCase({ secure, clock, audit, escalation, cards }, author, caseRow, bytes, opts);
}

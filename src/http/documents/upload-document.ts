import type { Service } from '../../service.js';
import { DomainError } from '../../shared/errors.js';
import { shareReport, type ShareOptions } from '../app/share-report.js';

export type UploadOptions = Omit<ShareOptions, 'afterStore'>;

/**
 * An upload through a one-time link: the link names the clinician and the case; the share itself
 * (policy check now, vault, document, cards) is the same as the mini-app's (see share-report.ts),
 * and the link is spent once the bytes are safely stored.
 */
export async function uploadDocument(service: Service, token: string, bytes: Buffer, opts: UploadOptions) {
  const { secure, directoryRepo } = service;
  const link = secure.cases.tokens.lookup(token, 'upload');
  const author = directoryRepo.findById(link.clinicianId);
  const caseRow = link.caseId ? secure.casesRepo.caseById(link.caseId) : undefined;
  if (!author || !caseRow) throw new DomainError('token.invalid');
  return shareReport(service, author, caseRow, bytes, { ...opts, afterStore: () => void secure.cases.tokens.consume(token, 'upload', author.id) });
}

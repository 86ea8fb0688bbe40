import type { Service } from '../../service.js';
import { DomainError } from '../../shared/errors.js';
import { sendBurn, type BurnContent } from '../app/send-burn.js';

/**
 * The compose submit behind a one-time `burn` link: the link names the author and the case; they must
 * still be allowed to share into it now. The item, its cards and the spent link commit together.
 */
export async function submitBurn(service: Service, token: string, content: BurnContent, burnAfterSeconds?: number) {
  const { secure, directoryRepo } = service;
  const link = secure.cases.tokens.lookup(token, 'burn');
  const author = directoryRepo.findById(link.clinicianId);
  const caseRow = link.caseId ? secure.casesRepo.caseById(link.caseId) : undefined;
  if (!author || !caseRow) throw new DomainError('token.invalid');
  return sendBurn(service, author, caseRow, content, burnAfterSeconds, () => void secure.cases.tokens.consume(token, 'burn', author.id));
}

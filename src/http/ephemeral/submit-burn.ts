import { checkBurnMs, DEFAULT_BURN_MS } from '../../domain/ephemeral/burn-duration.js';
import type { Service } from '../../service.js';
import { DomainError } from '../../shared/errors.js';

export type BurnContent = { kind: 'text'; text: string } | { kind: 'document'; bytes: Buffer };

/**
 * The compose submit behind a one-time `burn` link: the link names the author and the case; they must
 * still be allowed to share into it now. The item, its cards and the spent link commit together.
 */
export async function submitBurn(service: Service, token: string, content: BurnContent, burnAfterSeconds?: number) {
  const { secure, directoryRepo, burn } = service;
  const link = secure.cases.tokens.lookup(token, 'burn');
  const author = directoryRepo.findById(link.clinicianId);
  const caseRow = link.caseId ? secure.casesRepo.caseById(link.caseId) : undefined;
  if (!author || !caseRow) throw new DomainError('token.invalid');
  const burnAfterMs = burnAfterSeconds === undefined ? DEFAULT_BURN_MS : checkBurnMs(burnAfterSeconds * 1000);
  const out = await burn.service.create({
    caseId: caseRow.id,
    authorId: author.id,
    ...(content.kind === 'text' ? { kind: 'text', text: content.text } : { kind: 'document', bytes: content.bytes }),
    burnAfterMs,
    inTransaction: () => void secure.cases.tokens.consume(token, 'burn', author.id),
  });
  return { itemId: out.itemId, caseCode: caseRow.code, recipients: out.recipients.length, expiresAt: out.expiresAt };
}

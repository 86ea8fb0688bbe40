import { checkBurnMs, DEFAULT_BURN_MS } from '../../domain/burn/burn-duration.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Service } from '../../service.js';

export type BurnContent = { kind: 'text'; text: string } | { kind: 'document'; bytes: Buffer };

export interface SentBurn {
  itemId: string;
  caseCode: string;
  recipients: number;
  expiresAt: number;
}

/**
 * A burn-after-reading message into a case from the mini-app's compose screens. The burn service
 * checks that the author may share into the case now, picks the recipients, and announces a
 * content-free card to each group bound to the case.
 */
export async function sendBurn(service: Service, author: ClinicianRow, caseRow: CaseRow, content: BurnContent, burnAfterSeconds?: number): Promise<SentBurn> {
  const burnAfterMs = burnAfterSeconds === undefined ? DEFAULT_BURN_MS : checkBurnMs(burnAfterSeconds * 1000);
  const out = await service.burn.service.create({
    caseId: caseRow.id,
    authorId: author.id,
    ...(content.kind === 'text' ? { kind: 'text', text: content.text } : { kind: 'document', bytes: content.bytes }),
    burnAfterMs,
  });
  return { itemId: out.itemId, caseCode: caseRow.code, recipients: out.recipients.length, expiresAt: out.expiresAt };
}

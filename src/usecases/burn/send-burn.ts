import { assertCaseOpen } from '../../domain/cases/case-status.js';
import { checkBurnMs, DEFAULT_BURN_MS } from '../../domain/burn/burn-duration.js';
import type { BurnService } from '../../domain/burn/burn-service.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';

export type BurnContent = { kind: 'text'; text: string } | { kind: 'document'; bytes: Buffer };

export interface SentBurn {
  itemId: string;
  caseCode: string;
  recipients: number;
  expiresAt: number;
}

export interface SendBurnDeps {
  burn: Pick<BurnService, 'create'>;
}

/**
 * May `author` send a burn-after-reading message into the case now (trusted, and the policy's `share`
 * rule)? Throws `actor.unverified` / `actor.suspended` / `access.denied`. The chat command asks before
 * it links to the compose screen; the submit applies the same rule again.
 */
export async function assertMaySendBurn(deps: { burn: Pick<BurnService, 'assertMayCreate'> }, author: ClinicianRow, caseRow: Pick<CaseRow, 'id'> & Partial<Pick<CaseRow, 'code' | 'status'>>): Promise<void> {
  assertCaseOpen(caseRow);
  await deps.burn.assertMayCreate(author, caseRow.id);
}

/**
 * A burn-after-reading message (text or document) into a case. The burn service checks that the
 * author may share into the case now, picks the recipients, and announces a content-free card to each
 * group bound to the case. No duration: the default; else it must lie within the allowed range.
 */
export async function sendBurn(
  deps: SendBurnDeps,
  author: ClinicianRow,
  caseRow: Pick<CaseRow, 'id' | 'code'> & Partial<Pick<CaseRow, 'status'>>,
  content: BurnContent,
  burnAfterSeconds?: number,
): Promise<SentBurn> {
  assertCaseOpen(caseRow);
  const burnAfterMs = burnAfterSeconds === undefined ? DEFAULT_BURN_MS : checkBurnMs(burnAfterSeconds * 1000);
  const out = await deps.burn.create({
    caseId: caseRow.id,
    authorId: author.id,
    ...(content.kind === 'text' ? { kind: 'text', text: content.text } : { kind: 'document', bytes: content.bytes }),
    burnAfterMs,
  });
  return { itemId: out.itemId, caseCode: caseRow.code, recipients: out.recipients.length, expiresAt: out.expiresAt };
}

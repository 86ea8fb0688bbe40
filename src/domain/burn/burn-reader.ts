import { DomainError, isDomainError, type ErrorCode } from '../../shared/errors.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { ClinicianRow } from '../directory/directory-repository.js';
import type { BurnItemRow, BurnRecipientRow } from './burn-repository.js';
import type { BurnDeps } from './burn-deps.js';
import type { BurnKind } from './burn-tables.js';

/** What a recipient may know about an item before opening it: no content. */
export interface BurnView {
  itemId: string;
  caseId: string;
  kind: BurnKind;
  burnAfterMs: number;
  /** Null until this recipient's first open. */
  burnAt: number | null;
}

export interface OpenedBurn extends BurnView {
  burnAt: number;
  remainingMs: number;
  firstOpen: boolean;
  text?: string;
  bytes?: Buffer;
  mediaType?: string;
}

type ReaderDeps = Pick<BurnDeps, 'transaction' | 'repo' | 'access' | 'vault' | 'cipher' | 'directory' | 'audit' | 'clock'>;

const viewOf = (item: BurnItemRow, r: BurnRecipientRow): BurnView => ({
  itemId: item.id,
  caseId: item.caseId,
  kind: item.kind,
  burnAfterMs: item.burnAfterMs,
  burnAt: r.burnAt,
});

/**
 * A recipient's side of an item. Every path checks, in this order: the item is alive (not destroyed,
 * within its lifetime), the viewer is a recipient, their own countdown has not run out, and the policy
 * lets them view it now. The deadlines are compared with the clock on every read, so content is
 * unreadable at the deadline itself, whenever the scheduler gets round to shredding it.
 */
export function createBurnReader(deps: ReaderDeps) {
  const { repo, audit, clock } = deps;

  function refuse(viewer: ClinicianRow, itemId: string, code: ErrorCode, reason: string = code): never {
    audit.append({ actor: viewer.id, action: AUDIT_ACTIONS.accessDecision, target: itemId, outcome: 'denied', reason });
    throw new DomainError(code);
  }

  async function check(viewer: ClinicianRow, itemId: string, now: number): Promise<{ item: BurnItemRow; recipient: BurnRecipientRow }> {
    const item = await repo.find(itemId);
    if (!item) refuse(viewer, itemId, 'not_found');
    if (item.status !== 'active' || now >= item.expiresAt) refuse(viewer, itemId, 'burned');
    const recipient = (await repo.recipients(itemId)).find((r) => r.clinicianId === viewer.id);
    if (!recipient) refuse(viewer, itemId, 'access.denied', 'not_a_recipient');
    if (recipient.burnAt !== null && now >= recipient.burnAt) refuse(viewer, itemId, 'burned');
    const author = deps.directory.findById(item.authorId);
    const decision = await deps.access.decide(viewer, { id: item.id, caseId: item.caseId, authorInstitutionId: author?.institutionId ?? null }, now);
    if (!decision.allowed) refuse(viewer, itemId, 'access.denied', String(decision.policies[0] ?? decision.missing[0]?.code ?? 'no_permit').slice(0, 64));
    return { item, recipient };
  }

  /** Starts the countdown on the first open; the item's deadline becomes the last recipient's burn. */
  async function startCountdown(item: BurnItemRow, r: BurnRecipientRow, now: number): Promise<BurnRecipientRow> {
    const burnAt = Math.min(now + item.burnAfterMs, item.expiresAt);
    if (!(await repo.recordOpen(item.id, r.clinicianId, now, burnAt))) return (await repo.recipients(item.id)).find((x) => x.clinicianId === r.clinicianId)!;
    const all = await repo.recipients(item.id);
    if (all.every((x) => x.burnAt !== null)) await repo.setDueAt(item.id, Math.min(item.expiresAt, Math.max(...all.map((x) => x.burnAt!))));
    return { ...r, openedAt: now, burnAt };
  }

  async function decrypt(item: BurnItemRow): Promise<{ text?: string; bytes?: Buffer }> {
    try {
      if (item.kind === 'document') return { bytes: await deps.vault.open({ documentId: item.id, caseId: item.caseId }) };
      const { kekVersion, wrappedKey, iv, tag, ciphertext } = item;
      if (kekVersion === null || !wrappedKey || !iv || !tag || !ciphertext) throw new DomainError('burned');
      return { text: await deps.cipher.open(item.id, item.caseId, { kekVersion, wrappedKey, iv, tag, ciphertext }) };
    } catch (err) {
      throw isDomainError(err) ? err : new DomainError('vault.decrypt_failed', undefined, { cause: err });
    }
  }

  return {
    /** Checks without starting anything: for the card press and the viewer page. */
    async peek(viewer: ClinicianRow, itemId: string): Promise<BurnView> {
      const { item, recipient } = await check(viewer, itemId, clock.now());
      return viewOf(item, recipient);
    },

    /** Opens for one recipient: their first open starts their countdown. Returns content in memory only. */
    async open(viewer: ClinicianRow, itemId: string): Promise<OpenedBurn> {
      const now = clock.now();
      const { item, recipient, firstOpen } = await deps.transaction(async () => {
        const found = await check(viewer, itemId, now);
        const first = found.recipient.openedAt === null;
        return { item: found.item, recipient: first ? await startCountdown(found.item, found.recipient, now) : found.recipient, firstOpen: first };
      });
      const content = await decrypt(item);
      const burnAt = recipient.burnAt!;
      const remainingMs = burnAt - clock.now();
      if (remainingMs <= 0) {
        content.bytes?.fill(0);
        refuse(viewer, itemId, 'burned');
      }
      audit.append({ actor: viewer.id, action: AUDIT_ACTIONS.burnOpened, target: itemId, outcome: 'success', reason: firstOpen ? 'first_open' : 'reopen' });
      return { ...viewOf(item, recipient), burnAt, remainingMs, firstOpen, ...content, mediaType: item.mediaType ?? undefined };
    },
  };
}

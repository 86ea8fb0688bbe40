import type { BurnCardRow } from './burn-repository.js';
import type { BurnEndReason, BurnKind } from './burn-tables.js';

/** Enough about an item to announce it or say it burned; never its content. */
export interface BurnNoticeItem {
  id: string;
  caseId: string;
  authorId: string;
  kind: BurnKind;
  burnAfterMs: number;
}

/**
 * How the outside world hears about items: the edge renders content-free cards. Both calls run inside
 * the domain's transaction and must only enqueue (the outbox), so a card and the state it announces
 * commit together — a crash can never destroy an item and forget to update its card.
 */
export interface BurnNotices {
  announce(item: BurnNoticeItem, cards: BurnCardRow[]): Promise<void>;
  burned(item: BurnNoticeItem, cards: BurnCardRow[], counts: { opened: number; total: number; reason: BurnEndReason }): Promise<void>;
}

/** The slice of the vault burn documents use; the item id is the vault document id. */
export interface BurnVault {
  store(input: { documentId: string; caseId: string; bytes: Buffer }): Promise<{ mediaType: string }>;
  open(input: { documentId: string; caseId: string }): Promise<Buffer>;
  destroy(documentId: string): Promise<boolean>;
}

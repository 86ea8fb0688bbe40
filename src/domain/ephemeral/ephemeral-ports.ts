import type { EphemeralCardRow } from './ephemeral-repository.js';
import type { EphemeralEndReason, EphemeralKind } from './ephemeral-tables.js';

/** Enough about an item to announce it or say it burned; never its content. */
export interface EphemeralNoticeItem {
  id: string;
  caseId: string;
  authorId: string;
  kind: EphemeralKind;
  burnAfterMs: number;
}

/**
 * How the outside world hears about items: the edge renders content-free cards. Both calls run inside
 * the domain's transaction and must only enqueue (the outbox), so a card and the state it announces
 * commit together — a crash can never destroy an item and forget to update its card.
 */
export interface EphemeralNotices {
  announce(item: EphemeralNoticeItem, cards: EphemeralCardRow[]): void;
  burned(item: EphemeralNoticeItem, cards: EphemeralCardRow[], counts: { opened: number; total: number; reason: EphemeralEndReason }): void;
}

/** The slice of the vault ephemeral documents use; the item id is the vault document id. */
export interface EphemeralVault {
  store(input: { documentId: string; caseId: string; bytes: Buffer }): Promise<{ mediaType: string }>;
  open(input: { documentId: string; caseId: string }): Promise<Buffer>;
  destroy(documentId: string): Promise<boolean>;
}

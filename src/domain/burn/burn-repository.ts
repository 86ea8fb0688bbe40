import type Database from 'better-sqlite3';
import type { SqliteStore } from '../../db/store.js';
import type { burnCards, burnItems, burnRecipients, BurnEndReason } from './burn-tables.js';

export type BurnItemRow = typeof burnItems.$inferSelect;
export type BurnRecipientRow = typeof burnRecipients.$inferSelect;
export type BurnCardRow = typeof burnCards.$inferSelect;

const ITEM_COLUMNS = `id, case_id AS caseId, author_id AS authorId, kind, burn_after_ms AS burnAfterMs, created_at AS createdAt,
  expires_at AS expiresAt, due_at AS dueAt, status, kek_version AS kekVersion, wrapped_key AS wrappedKey, iv, tag,
  ciphertext, media_type AS mediaType, destroyed_at AS destroyedAt, end_reason AS endReason`;

/**
 * Named queries over the burn tables; every method answers with a Promise (`store.wrap`), and joins
 * the caller's transaction when there is one. Statements are prepared once on the driver: the
 * scheduler runs them for thousands of items a second, where building each query anew cost more than
 * running it. The SQLite-only steps of destruction (secure_delete, the WAL checkpoint) live here too.
 */
export function createBurnRepository(sqlite: Database.Database, store: SqliteStore) {
  const s = {
    insertItem: sqlite.prepare(`INSERT INTO ephemeral_items (id, case_id, author_id, kind, burn_after_ms, created_at, expires_at, due_at, status,
      kek_version, wrapped_key, iv, tag, ciphertext, media_type) VALUES (@id, @caseId, @authorId, @kind, @burnAfterMs, @createdAt, @expiresAt,
      @dueAt, 'active', @kekVersion, @wrappedKey, @iv, @tag, @ciphertext, @mediaType)`),
    insertRecipient: sqlite.prepare('INSERT INTO ephemeral_recipients (item_id, clinician_id) VALUES (?, ?)'),
    addRecipient: sqlite.prepare(`INSERT INTO ephemeral_recipients (item_id, clinician_id) SELECT id, ? FROM ephemeral_items WHERE id = ? AND status = 'active'
      ON CONFLICT DO NOTHING`),
    dueAtLifetime: sqlite.prepare("UPDATE ephemeral_items SET due_at = expires_at WHERE id = ? AND status = 'active'"),
    insertCard: sqlite.prepare('INSERT INTO ephemeral_cards (out_track_id, item_id, conversation_id, user_id) VALUES (@outTrackId, @itemId, @conversationId, @userId)'),
    find: sqlite.prepare(`SELECT ${ITEM_COLUMNS} FROM ephemeral_items WHERE id = ?`),
    recipients: sqlite.prepare('SELECT item_id AS itemId, clinician_id AS clinicianId, opened_at AS openedAt, burn_at AS burnAt FROM ephemeral_recipients WHERE item_id = ?'),
    cards: sqlite.prepare('SELECT out_track_id AS outTrackId, item_id AS itemId, conversation_id AS conversationId, user_id AS userId FROM ephemeral_cards WHERE item_id = ?'),
    recordOpen: sqlite.prepare('UPDATE ephemeral_recipients SET opened_at = ?, burn_at = ? WHERE item_id = ? AND clinician_id = ? AND opened_at IS NULL'),
    setDueAt: sqlite.prepare("UPDATE ephemeral_items SET due_at = ? WHERE id = ? AND status = 'active'"),
    due: sqlite.prepare(`SELECT ${ITEM_COLUMNS} FROM ephemeral_items WHERE status = 'active' AND due_at <= ? ORDER BY due_at LIMIT ?`),
    nextDueAt: sqlite.prepare("SELECT min(due_at) AS at FROM ephemeral_items WHERE status = 'active'"),
    pending: sqlite.prepare("SELECT count(*) AS n FROM ephemeral_items WHERE status = 'active'"),
    breakGlass: sqlite.prepare(
      "SELECT clinician_id AS clinicianId FROM grants WHERE case_id = ? AND kind = 'break_glass' AND revoked_at IS NULL AND expires_at > ?",
    ),
    markDestroyed: sqlite.prepare(`UPDATE ephemeral_items SET status = 'destroyed', destroyed_at = ?, end_reason = ?, wrapped_key = NULL, iv = NULL,
      tag = NULL, ciphertext = NULL, kek_version = NULL WHERE id = ? AND status = 'active'`),
  };

  return store.wrap({
    insert(
      item: Omit<BurnItemRow, 'status' | 'destroyedAt' | 'endReason' | 'kekVersion' | 'wrappedKey' | 'iv' | 'tag' | 'ciphertext'> &
        Partial<Pick<BurnItemRow, 'kekVersion' | 'wrappedKey' | 'iv' | 'tag' | 'ciphertext'>>,
      recipientIds: string[],
      cards: BurnCardRow[],
    ): void {
      s.insertItem.run({ kekVersion: null, wrappedKey: null, iv: null, tag: null, ciphertext: null, ...item });
      for (const id of recipientIds) s.insertRecipient.run(item.id, id);
      for (const card of cards) s.insertCard.run(card);
    },

    find: (id: string) => s.find.get(id) as BurnItemRow | undefined,
    recipients: (itemId: string) => s.recipients.all(itemId) as BurnRecipientRow[],
    cards: (itemId: string) => s.cards.all(itemId) as BurnCardRow[],

    /**
     * Adds a recipient to a live item (an escalation colleague of an allergy alert); false when the
     * item is gone or they already were one. The item's deadline goes back to its lifetime, since
     * the newcomer has not opened it yet.
     */
    addRecipient(itemId: string, clinicianId: string): boolean {
      if (s.addRecipient.run(clinicianId, itemId).changes !== 1) return false;
      s.dueAtLifetime.run(itemId);
      return true;
    },

    /** Starts one recipient's countdown; false when it had already started. */
    recordOpen: (itemId: string, clinicianId: string, openedAt: number, burnAt: number): boolean =>
      s.recordOpen.run(openedAt, burnAt, itemId, clinicianId).changes === 1,

    setDueAt: (itemId: string, dueAt: number): void => void s.setDueAt.run(dueAt, itemId),

    /** Active items whose deadline has come, earliest first. */
    due: (now: number, limit: number) => s.due.all(now, limit) as BurnItemRow[],

    /** The earliest deadline of any active item, or null when nothing is pending. */
    nextDueAt: (): number | null => (s.nextDueAt.get() as { at: number | null }).at,

    pendingCount: (): number => (s.pending.get() as { n: number }).n,

    /** Erases the key and every content column; false when the item was already destroyed. */
    markDestroyed: (id: string, at: number, reason: BurnEndReason): boolean => s.markDestroyed.run(at, reason, id).changes === 1,

    /** Clinicians holding live break-glass on the case (they may be sent an item too). */
    breakGlassHolders: (caseId: string, now: number): string[] => (s.breakGlass.all(caseId, now) as { clinicianId: string }[]).map((g) => g.clinicianId),

    /** Turns zeroing of freed bytes on or off for the connection; returns whether it was on. */
    setSecureDelete(on: boolean): boolean {
      const previous = sqlite.pragma('secure_delete', { simple: true });
      sqlite.pragma(`secure_delete = ${on ? 'ON' : 'OFF'}`);
      return Boolean(Number(previous));
    },

    /** Moves the pages zeroed by a destruction out of the WAL file. */
    checkpoint(): void {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
  });
}

export type BurnRepository = ReturnType<typeof createBurnRepository>;

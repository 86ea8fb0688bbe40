import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only audit entries; `idx` is the 0-based Merkle leaf index. Never message text or patient data. */
export const auditEntries = sqliteTable(
  'audit_entries',
  {
    idx: integer().primaryKey(),
    at: integer().notNull(),
    actor: text().notNull(),
    action: text().notNull(),
    target: text(),
    outcome: text().$type<'success' | 'denied' | 'failure'>().notNull(),
    reason: text(),
    trace: text(),
    /** Canonical JSON of the fields above: exactly the bytes that were hashed into the leaf. */
    body: text().notNull(),
    leafHash: blob({ mode: 'buffer' }).notNull(),
  },
  (t) => [
    index('audit_entries_actor_idx').on(t.actor),
    index('audit_entries_trace_idx').on(t.trace),
    // Entries in a time window (the audit browser's dates, the dashboard's daily counts).
    index('audit_entries_at_idx').on(t.at),
    // The audit browser's action and outcome filters, newest first: on SQLite the index carries idx (the
    // rowid), so the page is a seek and a walk to its LIMIT, not a walk down the whole log to find it.
    index('audit_entries_action_idx').on(t.action),
    index('audit_entries_outcome_idx').on(t.outcome),
    // "Who touched case C-…?" is the common question; the query helpers filter by target.
    index('audit_entries_target_idx').on(t.target),
  ],
);

/** Hashes of complete (perfect) subtrees at level ≥ 1: node (level, idx) covers leaves [idx·2^level, (idx+1)·2^level). */
export const auditNodes = sqliteTable(
  'audit_nodes',
  {
    level: integer().notNull(),
    idx: integer().notNull(),
    hash: blob({ mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] })],
);

/** Signed tree heads: Ed25519 over (tree size, root, time, data region); region null on checkpoints signed before it was recorded. */
export const auditCheckpoints = sqliteTable('audit_checkpoints', {
  id: integer().primaryKey({ autoIncrement: true }),
  treeSize: integer().notNull(),
  rootHash: blob({ mode: 'buffer' }).notNull(),
  at: integer().notNull(),
  region: text(),
  keyId: text().notNull(),
  signature: blob({ mode: 'buffer' }).notNull(),
});

/**
 * Checkpoints a verification accepted (`npm run audit -- verify`): where `--since-checkpoint` starts the
 * next one. The root is kept so a checkpoint row changed since is noticed; see audit-verify-since.ts.
 */
export const auditVerifiedCheckpoints = sqliteTable('audit_verified_checkpoints', {
  checkpointId: integer().primaryKey(),
  treeSize: integer().notNull(),
  rootHash: blob({ mode: 'buffer' }).notNull(),
  verifiedAt: integer().notNull(),
});

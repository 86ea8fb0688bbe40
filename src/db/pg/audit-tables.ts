import { bigint, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea, ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/audit/audit-tables.ts (kept in step by test/unit/pg-schema-twins.test.ts). */
export const auditEntries = pgTable(
  'audit_entries',
  {
    idx: bigint({ mode: 'number' }).primaryKey(),
    at: ms().notNull(),
    actor: text().notNull(),
    action: text().notNull(),
    target: text(),
    outcome: text().$type<'success' | 'denied' | 'failure'>().notNull(),
    reason: text(),
    trace: text(),
    body: text().notNull(),
    leafHash: bytea().notNull(),
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
    index('audit_entries_target_idx').on(t.target),
  ],
);

export const auditNodes = pgTable(
  'audit_nodes',
  {
    level: bigint({ mode: 'number' }).notNull(),
    idx: bigint({ mode: 'number' }).notNull(),
    hash: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] })],
);

export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  treeSize: bigint({ mode: 'number' }).notNull(),
  rootHash: bytea().notNull(),
  at: ms().notNull(),
  region: text(),
  keyId: text().notNull(),
  signature: bytea().notNull(),
});

/** PostgreSQL twin of audit_verified_checkpoints (src/domain/audit/audit-tables.ts). */
export const auditVerifiedCheckpoints = pgTable('audit_verified_checkpoints', {
  checkpointId: bigint({ mode: 'number' }).primaryKey(),
  treeSize: bigint({ mode: 'number' }).notNull(),
  rootHash: bytea().notNull(),
  verifiedAt: ms().notNull(),
});

/**
 * Tables the query-plan tests (test/integration/query-plans.test.ts, test/pg/query-plans.test.ts) let
 * a statement read whole, because they stay small and fixed however much the service is used. Every
 * other table grows with use (people, cases, documents, events), and a full scan of it fails the test.
 */
export const QUERY_PLAN_SMALL_TABLES: ReadonlyMap<string, string> = new Map([
  ['institutions', 'one row per hospital (43 in the Hospital Authority)'],
  ['__drizzle_migrations', 'one row per migration this version ships'],
  ['vault_kek_versions', 'one row per master-key rotation'],
  ['yida_form_mappings', 'one row per Yida form an admin maps onto case records (a handful per hospital); the Forms section lists them all'],
  ['sandbox_chat_items', 'sandbox mode only (the demo chat, never in a deployment); retention empties it'],
  ['sandbox_chat_groups', 'sandbox mode only (the demo chat, never in a deployment); retention empties it'],
]);

/**
 * Statements that read a whole growing table on purpose, with why. Full audit verification re-derives
 * every entry, node and checkpoint: its cost is the log's size by definition (issue 15 item 5 reports it
 * as entries/s and adds `--since-checkpoint` for the nightly check).
 */
export const QUERY_PLAN_WHOLE_READS: ReadonlyArray<{ sql: RegExp; why: string }> = [
  { sql: /^SELECT COUNT\(\*\) FROM audit_nodes$/, why: 'full audit verify: stored nodes must be exactly those the entries complete' },
  { sql: /FROM audit_checkpoints ORDER BY tree_size, id$/, why: 'full audit verify: every signed checkpoint is checked' },
];

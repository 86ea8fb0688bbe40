/**
 * Tables the query-plan tests (test/integration/query-plans.test.ts, test/pg/query-plans.test.ts) let
 * a statement read whole, because they stay small and fixed however much the service is used. Every
 * other table grows with use (people, cases, documents, events), and a full scan of it fails the test.
 */
export const QUERY_PLAN_SMALL_TABLES: ReadonlyMap<string, string> = new Map([
  ['institutions', 'one row per hospital (43 in the Hospital Authority)'],
  ['__drizzle_migrations', 'one row per migration this version ships'],
  ['vault_kek_versions', 'one row per master-key rotation'],
  ['interaction_rule_reviews', "one row per drug-interaction rule of the shipped rule set (its sign-off state); the rules' console lists them all"],
  ['yida_form_mappings', 'one row per Yida form an admin maps onto case records (a handful per hospital); the Forms section lists them all'],
  ['sandbox_chat_items', 'sandbox mode only (the demo chat, never in a deployment); retention empties it'],
  ['sandbox_chat_groups', 'sandbox mode only (the demo chat, never in a deployment); retention empties it'],
]);

/**
 * Statements that read a whole growing table on purpose, with why. Full audit verification re-derives
 * every entry, node and checkpoint: its cost is the log's size by definition (issue 15 item 5 reports it
 * as entries/s and adds `--since-checkpoint` for the nightly check).
 */
export const QUERY_PLAN_WHOLE_READS: ReadonlyArray<{ sql: RegExp; pg?: RegExp; why: string }> = [
  { sql: /^SELECT COUNT\(\*\) FROM audit_nodes$/, why: 'full audit verify: stored nodes must be exactly those the entries complete' },
  { sql: /FROM audit_checkpoints ORDER BY tree_size, id$/, why: 'full audit verify: every signed checkpoint is checked' },
  { sql: /^delete from "voice_drafts" where "voice_drafts"."expires_at" < \?$/, pg: /^delete from "voice_drafts" where "voice_drafts"."expires_at" < \$1$/, why: 'the voice-draft purge deletes every expired draft: what it reads is what it deletes' },
  { sql: /^select count\(\*\) from "escalations" where \("escalations"."status" <> \? and "escalations"."stopped_at" < \?\)$/, pg: /^select count\(\*\) from "escalations" where \("escalations"."status" <> \$1 and "escalations"."stopped_at" < \$2\)$/, why: "retention's count of what it is about to purge (escalations ended before the cutoff): the backlog, not the history" },
  { sql: /from "vault_keys" where .*"vault_keys"."kek_version" <> \?\)$|from "vault_keys" where "vault_keys"."destroyed_at" is null group by/, pg: /^select count\(\*\) from "vault_keys" where \("vault_keys"."destroyed_at" is null and "vault_keys"."kek_version" <> \$1\)$/, why: '`npm run keys`: a master-key rotation rewraps every document key, so its progress counts them (the CLI, not a request; the rewrap itself goes in batches past a cursor)' },
  { sql: /^select .* from "clinicians" order by "clinicians"."display_name"$/, pg: /^select .* from "clinicians" order by "clinicians"."display_name" collate "C", "clinicians"."id"$/, why: '`npm run admin -- list` prints the whole directory (the console and pickers page through it)' },
];

/**
 * QUERY_PLAN_WHOLE_READS as drizzle writes them on PostgreSQL (the full verify's count and checkpoint
 * list), and two plans PostgreSQL picks only because the test's tables are tiny (SQLite plans both as
 * seeks; revisit with the P9 medium data on PostgreSQL):
 * - the request expiry sweep walks the partial index of pending requests (pending ones expire within
 *   days, so that set does not grow with history) rather than access_requests_expiry_idx;
 * - the escalation purge joins every step to the ended escalations (a merge join) rather than looking
 *   each ended one's steps up by escalation_steps_item_idx;
 * - the inbox's requests to decide (pending ones on my cases) walk the same partial index of pending
 *   requests rather than looking up my cases' requests (bounded for the same reason).
 */
export const QUERY_PLAN_WHOLE_READS_PG: readonly RegExp[] = [
  ...QUERY_PLAN_WHOLE_READS.flatMap((w) => [w.sql, ...(w.pg ? [w.pg] : [])]),
  /^select count\(\*\) from "audit_nodes"$/,
  /from "audit_checkpoints" order by "audit_checkpoints"."tree_size" asc, "audit_checkpoints"."id" asc$/,
  /from "access_requests" where \("access_requests"."status" = \$1 and "access_requests"."expires_at" <= \$2\) order by/,
  /^DELETE FROM "escalation_steps" s USING "escalations" e/,
  /^select distinct "document_id" from "access_requests" where \("access_requests"."status" = \$1 and "access_requests"."case_id" in \(select "case_id" from "care_team"/,
];

/**
 * Statements that walk a growing table's index in the order they ask for and stop at their LIMIT (a
 * newest-first keyset page, the next rows due): the plan line is `SCAN t USING INDEX i` or an open
 * range, and the cost is the page, not the table — but only when every row the walk meets is one the
 * page wants (the WHERE is served by the index order, nothing is filtered out along the way). Each is
 * listed with why that holds, as SQLite (`sqlite`) and PostgreSQL (`pg`) text; the checker still fails
 * one that has no LIMIT or sorts before it.
 */
export const QUERY_PLAN_ORDERED_WALKS: ReadonlyArray<{ sqlite?: RegExp; pg?: RegExp; why: string }> = [
  {
    sqlite: /FROM audit_checkpoints ORDER BY id DESC LIMIT 1$/,
    pg: /from "audit_checkpoints" order by "audit_checkpoints"."id" desc limit \$1$/,
    why: 'the latest signed checkpoint: no WHERE, the primary key walked from its end stops at the first row',
  },
  {
    pg: /^select "idx", "leaf_hash" from "audit_entries" order by "audit_entries"."idx" desc limit \$1$/,
    why: "the audit log's head (the cluster writer reloads it): no WHERE, the primary key walked from its end stops at the first row (SQLite asks MAX(idx))",
  },
  {
    sqlite: /from "mdt_meetings" order by "mdt_meetings"."scheduled_at" desc, "mdt_meetings"."id" desc limit \?$/,
    pg: /from "mdt_meetings" order by "mdt_meetings"."scheduled_at" desc, "mdt_meetings"."id" desc limit \$1$/,
    why: "the console's first page of every MDT meeting, newest first: no WHERE, so every row mdt_meetings_time_idx meets is on the page (with a status it seeks mdt_meetings_status_idx instead)",
  },
  {
    sqlite: /from "clinicians" order by "clinicians"."display_name" asc, "clinicians"."id" asc limit \?$/,
    pg: /from "clinicians" order by "clinicians"."display_name" asc, "clinicians"."id" asc limit \$1$/,
    why: "the console's first page of the whole directory in name order: no WHERE, so every row clinicians_name_idx meets is on the page (later pages seek past the cursor; a search walks the token index)",
  },
];

/**
 * Ordered walks (as above) of statements the P9 paths do not run but the rest of `npm test` does,
 * allowed by `npm run test:plans` (test/plan-check.ts), which also fails on one that matches nothing.
 */
export const QUERY_PLAN_SUITE_WALKS: ReadonlyArray<{ sqlite?: RegExp; pg?: RegExp; why: string }> = [
  {
    sqlite: /FROM audit_entries\s+ORDER BY idx DESC LIMIT @limit$/,
    why: "the audit browser with no filter: no WHERE, the primary key walked from the newest entry to the page's LIMIT",
  },
  {
    sqlite: /FROM audit_verified_checkpoints ORDER BY checkpoint_id DESC LIMIT 1$/,
    why: 'the latest verified checkpoint (`audit verify --since-checkpoint`): no WHERE, the primary key walked from its end stops at the first row',
  },
  {
    sqlite: /^select "\w+"(, "\w+")?, .* as rid, "\w+" as v from "\w+"\s+order by "\w+"(, "\w+")? limit \?$/,
    pg: /^select "\w+"(, "\w+")?, .* as rid, "\w+" as v from "\w+"\s+order by "\w+"(, "\w+")? limit \$1$/,
    why: "the free-text sealing's first batch of a table (once per database, marked done): no WHERE, the primary key walked from its start to the LIMIT; later batches seek past their cursor",
  },
];

import type { PgStore } from '../../db/pg/pg-store.js';
import { groupedOutsideTransactions } from '../inbox/group-commit.js';

export interface SentRow {
  id: number;
  result: string | null;
  processQueryKey: string | null;
  now: number;
}

const MARK_SENT_MANY =
  "update outbox_messages as o set status = 'sent', result = v.result, process_query_key = v.pqk, last_error = null, owner = null, updated_at = v.at " +
  'from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[]) as v(id, result, pqk, at) ' +
  "where o.id = any($1::bigint[]) and o.id = v.id and o.status <> 'sent' returning o.id";

/**
 * Marking outbox rows sent on PostgreSQL: the sends that end in the same turn (outside a transaction)
 * are marked in one statement, each caller answered after its commit (true when its row changed, as
 * one at a time); `one` marks a row alone (a turn's only row, or inside a transaction).
 */
export function groupedMarkSent(store: PgStore, one: (r: SentRow) => Promise<boolean>): (r: SentRow) => Promise<boolean> {
  async function many(rows: SentRow[]): Promise<boolean[]> {
    const res = await store.pool.query<{ id: number }>({
      name: 'outbox_mark_sent_many',
      text: MARK_SENT_MANY,
      values: [rows.map((r) => r.id), rows.map((r) => r.result), rows.map((r) => r.processQueryKey), rows.map((r) => r.now)],
    });
    const changed = new Set(res.rows.map((r) => Number(r.id)));
    return rows.map((r) => changed.delete(r.id));
  }
  return groupedOutsideTransactions(() => store.inTransaction(), many, one);
}

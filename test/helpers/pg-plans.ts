import pg from 'pg';

type Query = (...args: unknown[]) => unknown;
const QUERY = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * Records every statement node-postgres sends from this process (drizzle and the raw queries alike),
 * with the parameters of its first run, until `stop()`; `explain` then asks PostgreSQL for each plan.
 */
export function capturePgStatements(): { statements: Map<string, unknown[]>; stop(): void } {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const statements = new Map<string, unknown[]>();
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    const values = (Array.isArray(second) ? second : (first as { values?: unknown[] } | null)?.values) ?? [];
    if (text && QUERY.test(text) && !statements.has(text)) statements.set(text, values);
    return original.apply(this, args);
  };
  return { statements, stop: () => void (proto.query = original) };
}

/** A Seq Scan of a relation in a plan (FORMAT JSON), depth first. */
function seqScans(node: Record<string, unknown>, out: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan') out.push(String(node['Relation Name']));
  for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) seqScans(child, out);
  return out;
}

/**
 * The sequential scans of growing tables each statement's plan makes, planned with `enable_seqscan`
 * off: on a small test database PostgreSQL would rightly read every table whole, which says nothing;
 * with sequential scans priced out it uses any index that can answer, so a Seq Scan left in the plan
 * means no index can (the same question SQLite's plan answers without statistics).
 */
export async function pgFullScans(url: string, statements: Map<string, unknown[]>, growing: ReadonlySet<string>, wholeReads: readonly RegExp[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET enable_seqscan = off');
    const bad: string[] = [];
    for (const [text, values] of statements) {
      if (wholeReads.some((r) => r.test(text))) continue;
      let plan: Record<string, unknown>;
      try {
        const res = await client.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
        plan = (res.rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]!.Plan;
      } catch {
        continue; // a statement that only makes sense in its transaction (a temp table, a savepoint): not a query plan question
      }
      for (const table of seqScans(plan)) if (growing.has(table)) bad.push(`${table}: Seq Scan\n    in: ${text}`);
    }
    return bad;
  } finally {
    await client.end();
  }
}

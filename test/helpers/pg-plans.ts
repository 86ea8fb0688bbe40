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

/** Each index's table and leading column (pg_indexes), to tell a seek from a walk of the whole index. */
export type Indexes = Map<string, { table: string; first: string }>;

/**
 * An index's leading key as PostgreSQL prints it in plans: a column (`received_at`) or, for an
 * expression index, the expression (`upper(registration_no)`): what is inside `USING btree (…)` up to
 * the first comma outside parentheses, without quotes.
 */
export function leadingKey(indexdef: string): string {
  const from = indexdef.indexOf('(', indexdef.indexOf(' USING ')) + 1;
  let depth = 0;
  let i = from;
  for (; i < indexdef.length; i++) {
    const ch = indexdef[i];
    if (ch === '(') depth++;
    else if (ch === ')' && depth-- === 0) break;
    else if (ch === ',' && depth === 0) break;
  }
  return indexdef.slice(from, i).trim().replace(/"/g, '').replace(/ (text_pattern_ops|DESC|ASC|COLLATE \w+)$/, '');
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether an Index Cond compares `first` (an index's leading key): `=`, a range, `IS`, a pattern
 * operator; a column compared in another collation than its table's prints cast (`(idem_key)::text >= …`).
 */
function constrains(cond: string, first: string): boolean {
  return new RegExp(`(^|[( ])${escapeRegExp(first)}(\\)::\\w+)? (=|<|>|<=|>=|IS |~[<>]=?~ )`).test(cond);
}

/** An Index Cond that bounds a range on one side only and compares nothing for equality (`received_at < $1`). */
export function pgOpenRange(cond: string): boolean {
  if (/ = /.test(cond)) return false;
  const lower = / >=? /.test(cond);
  const upper = / <=? /.test(cond);
  return lower !== upper;
}

/** How a plan is walked: under a Limit with nothing sorting or gathering in between, and allowed an ordered walk. */
interface Walk {
  limited: boolean;
  allowed: boolean;
  /** The statement has a LIMIT (however the tiny test tables make PostgreSQL plan it). */
  paged: boolean;
}

/**
 * The whole-table reads in a plan (FORMAT JSON), depth first, each named with its node: a Seq Scan; an
 * index scan with no Index Cond (only a Filter) or one that does not constrain the index's leading
 * column (with sequential scans priced out, PostgreSQL walks an index whole instead); an index scan
 * whose condition is an open range with no equality, in a statement with no LIMIT (on tables this
 * small PostgreSQL often reads a range by bitmap and sorts it before the Limit; whether an index can
 * serve the order so the LIMIT stops the walk is what the SQLite test, planned without statistics on
 * the same indexes, checks). An index walk under a Limit with
 * no Sort in between, in a statement allowed an ordered walk (QUERY_PLAN_ORDERED_WALKS), passes.
 */
export function pgFullReads(node: Record<string, unknown>, indexes: Indexes, out: string[] = [], walk: Walk = { limited: false, allowed: false, paged: false }): string[] {
  const type = String(node['Node Type']);
  if (type === 'Seq Scan') out.push(`${String(node['Relation Name'])}: Seq Scan${node.Filter ? ` (Filter: ${String(node.Filter)})` : ''}`);
  if (type === 'Index Scan' || type === 'Index Only Scan' || type === 'Bitmap Index Scan') {
    const name = String(node['Index Name']);
    const index = indexes.get(name);
    const cond = String(node['Index Cond'] ?? '');
    const seeks = index !== undefined && constrains(cond, index.first);
    const line = `${index?.table ?? '?'}: ${type} using ${name}`;
    // On the test's empty tables PostgreSQL may walk a small partial index (pending requests) and filter
    // on the primary key rather than seek the key: an equality on another index's leading column of the
    // same table is a seek it takes once the table has rows and statistics.
    const seekable = index !== undefined && [...indexes.values()].some((i) => i.table === index.table && i !== index && new RegExp(`(^|[( ])${escapeRegExp(i.first)} = `).test(String(node.Filter ?? '')));
    if (index && !seeks && !seekable && !(walk.limited && walk.allowed)) out.push(`${line} ${cond ? `on a later column only (Index Cond: ${cond})` : `with no Index Cond${node.Filter ? ` (Filter: ${String(node.Filter)})` : ''}`}: walks the whole index`);
    else if (index && seeks && pgOpenRange(cond) && !walk.paged) out.push(`${line} (Index Cond: ${cond}): an open range with no LIMIT reads everything past one point`);
  }
  const limited = type === 'Limit' ? true : type === 'Sort' || type === 'Incremental Sort' || type === 'Aggregate' || type === 'Hash' ? false : walk.limited;
  for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) pgFullReads(child, indexes, out, { ...walk, limited });
  return out;
}

/**
 * The sequential scans of growing tables each statement's plan makes, planned with `enable_seqscan`
 * off: on a small test database PostgreSQL would rightly read every table whole, which says nothing;
 * with sequential scans priced out it uses any index that can answer, so a Seq Scan left in the plan
 * means no index can (the same question SQLite's plan answers without statistics).
 */
export async function pgFullScans(url: string, statements: Map<string, unknown[]>, growing: ReadonlySet<string>, wholeReads: readonly RegExp[], orderedWalks: readonly RegExp[] = []): Promise<{ bad: string[]; planned: number; unplanned: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET enable_seqscan = off');
    const defs = await client.query<{ indexname: string; tablename: string; indexdef: string }>("SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'");
    const indexes: Indexes = new Map(defs.rows.map((r) => [r.indexname, { table: r.tablename, first: leadingKey(r.indexdef) }]));
    const bad: string[] = [];
    const unplanned: string[] = [];
    let planned = 0;
    for (const [text, values] of statements) {
      if (wholeReads.some((r) => r.test(text))) continue;
      let plan: Record<string, unknown>;
      try {
        const res = await client.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
        plan = (res.rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]!.Plan;
      } catch (e) {
        unplanned.push(`${text}\n    (${(e as Error).message})`);
        continue; // a statement that only makes sense in its transaction (a temp table, a savepoint): not a query plan question
      }
      planned++;
      for (const read of pgFullReads(plan, indexes, [], { limited: false, allowed: orderedWalks.some((r) => r.test(text)), paged: /\blimit\b/i.test(text) })) if (growing.has(read.split(':')[0]!)) bad.push(`${read}\n    in: ${text}`);
    }
    return { bad, planned, unplanned };
  } finally {
    await client.end();
  }
}

import Database from 'better-sqlite3';
import { firstCaller } from './stack-caller.js';

/** One distinct statement the code ran, with the parameters of its first run and SQLite's plan for them. */
export interface PlannedStatement {
  sql: string;
  plan: string[];
  /** The first file outside node_modules that ran it (relative to the checkout): src/… for the service's own. */
  caller?: string;
}

type Method = 'run' | 'get' | 'all' | 'iterate';
const METHODS: Method[] = ['run', 'get', 'all', 'iterate'];
const QUERY = /^\s*(select|insert|update|delete|with|replace)\b/i;

/**
 * Records every statement any better-sqlite3 connection in this process runs (the repositories go
 * through drizzle, which prepares and runs each query; the audit writer prepares its own), and asks
 * SQLite for its query plan with the parameters of its first run, on the same connection. Patches the
 * Statement prototype until `stop()`.
 */
export function captureSqlitePlans(): { statements: Map<string, PlannedStatement>; executed(): number; stop(): void } {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<Method, (...a: unknown[]) => unknown>;
  probe.close();
  const original = Object.fromEntries(METHODS.map((m) => [m, proto[m]])) as Record<Method, (...a: unknown[]) => unknown>;
  const statements = new Map<string, PlannedStatement>();
  let explaining = false;
  let executed = 0;
  for (const m of METHODS) {
    proto[m] = function (this: { source: string; database: Database.Database }, ...args: unknown[]) {
      if (!explaining) executed++;
      if (!explaining && QUERY.test(this.source) && !statements.has(this.source)) {
        explaining = true;
        try {
          const explain = this.database.prepare(`EXPLAIN QUERY PLAN ${this.source}`);
          const rows = original.all.apply(explain, args) as { detail: string }[];
          statements.set(this.source, { sql: this.source, plan: rows.map((r) => r.detail), caller: firstCaller('sqlite-plans.ts') });
        } finally {
          explaining = false;
        }
      }
      return original[m].apply(this, args);
    };
  }
  return {
    statements,
    executed: () => executed,
    stop: () => {
      for (const m of METHODS) proto[m] = original[m];
    },
  };
}

/** `alias → table` for the FROM and JOIN clauses of a statement (drizzle quotes names; aliases follow). */
function aliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:from|join|update|into)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    out.set(m[1]!, m[1]!);
    if (m[2] && !/^(where|on|set|left|inner|join|order|group|limit|values|using|natural|cross)$/i.test(m[2])) out.set(m[2], m[1]!);
  }
  return out;
}

/** A constraint list like `(state=? AND received_at<?)` that bounds a range on one side only, with no equality. */
export function openRange(constraint: string): boolean {
  const terms = constraint.replace(/^\(|\)$/g, '').split(' AND ');
  if (terms.some((t) => /=/.test(t) && !/[<>]/.test(t))) return false;
  const lower = terms.some((t) => t.includes('>'));
  const upper = terms.some((t) => t.includes('<'));
  return lower !== upper;
}

/**
 * The whole-table reads of tables in `tables` (the ones that grow with use) a plan makes, each named
 * with its plan line:
 * - `SCAN t`, and `SCAN t USING [COVERING] INDEX i` (a walk of the whole index is no narrower than a
 *   walk of the table);
 * - `SEARCH t USING … (col>?)`: an open range with no equality, in a statement with no LIMIT (or one
 *   that sorts before its LIMIT), reads everything on one side of a point of a table that keeps growing.
 * Statements in `wholeReads` read everything on purpose and pass. A statement in `orderedWalks` may
 * SCAN or open-range through an index only as a walk in the order asked for that stops at its LIMIT:
 * it must have a LIMIT and sort nothing (no temp B-tree), or it fails anyway.
 */
export function fullScans(s: PlannedStatement, tables: ReadonlySet<string>, wholeReads: readonly RegExp[] = [], orderedWalks: readonly RegExp[] = []): string[] {
  if (wholeReads.some((r) => r.test(s.sql))) return [];
  const names = aliases(s.sql);
  // A temp B-tree for the last term (or right part) of an ORDER BY sorts each run of equal leading
  // terms as the index yields them, so the LIMIT still stops the walk; a whole sort does not.
  const limited = /\blimit\b/i.test(s.sql) && !s.plan.some((step) => step.startsWith('USE TEMP B-TREE') && !/FOR (LAST TERM|RIGHT PART) OF ORDER BY/.test(step));
  const allowed = limited && orderedWalks.some((r) => r.test(s.sql));
  const out: string[] = [];
  for (const step of s.plan) {
    const scan = /^SCAN (\w+)( USING (?:COVERING )?INDEX \w+)?(?: |$)/.exec(step);
    const range = /^SEARCH (\w+) USING .*?(\([^()]*\))$/.exec(step);
    const m = scan ?? range;
    if (!m) continue;
    const table = names.get(m[1]!) ?? m[1]!;
    if (!tables.has(table)) continue;
    if (step.includes(' USING AUTOMATIC ')) out.push(`${table}: ${step} (builds a temporary index by reading the whole table)`);
    else if (allowed) continue;
    else if (scan) out.push(`${table}: ${step} (${scan[2] ? 'walks the whole index' : 'reads the whole table'}${limited ? '; an ordered walk to a LIMIT needs an allowance in query-plan-tables.ts' : ''})`);
    else if (openRange(range![2]!) && !limited) out.push(`${table}: ${step} (an open range with no LIMIT reads everything past one point of a growing table)`);
  }
  return out;
}

import Database from 'better-sqlite3';

/** One distinct statement the code ran, with the parameters of its first run and SQLite's plan for them. */
export interface PlannedStatement {
  sql: string;
  plan: string[];
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
          statements.set(this.source, { sql: this.source, plan: rows.map((r) => r.detail) });
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

/**
 * The full scans of tables in `tables` (the ones that grow with use) a plan makes: `SCAN t` with or
 * without an index. A scan in a statement with a LIMIT whose plan sorts nothing (no temp B-tree) walks
 * the table in the order asked for (newest first by rowid or an index, next due…) and stops at the
 * limit: it passes. Statements in `wholeReads` read everything on purpose and pass too.
 */
export function fullScans(s: PlannedStatement, tables: ReadonlySet<string>, wholeReads: readonly RegExp[] = []): string[] {
  if (wholeReads.some((r) => r.test(s.sql))) return [];
  const names = aliases(s.sql);
  const limited = /\blimit\b/i.test(s.sql) && !s.plan.some((step) => step.startsWith('USE TEMP B-TREE'));
  const out: string[] = [];
  for (const step of s.plan) {
    const m = /^SCAN (\w+)( USING (?:COVERING )?INDEX \w+)?/.exec(step);
    if (!m) continue;
    const table = names.get(m[1]!) ?? m[1]!;
    if (!tables.has(table)) continue;
    if (limited) continue;
    out.push(`${table}: ${step}`);
  }
  return out;
}

import Database from 'better-sqlite3';

/**
 * Read-only looks into the service's SQLite file from outside the process (WAL lets a reader in
 * while the service writes): what the outbox holds, and any query a scenario checks afterwards.
 */
export function peek<T>(dbFile: string, fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}

/** Outbox rows by status (`pending`, `sent`, `dead`, `discarded`). */
export function outboxByStatus(dbFile: string): Record<string, number> {
  return peek(dbFile, (db) => {
    const rows = db.prepare('select status, count(*) as n from outbox_messages group by status').all() as Array<{ status: string; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  });
}

/** Dead letters with their kind and last error code (for the report's note). */
export function deadLetters(dbFile: string): Array<{ kind: string; lastError: string | null }> {
  return peek(dbFile, (db) => db.prepare("select kind, last_error as lastError from outbox_messages where status = 'dead'").all() as Array<{ kind: string; lastError: string | null }>);
}

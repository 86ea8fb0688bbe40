import { missingPgRepositories, PG_SERVICE_WIRED } from '../db/pg/pg-coverage.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** `postgres://` / `postgresql://` → PostgreSQL; `file:…`, a plain path or `:memory:` → SQLite; else undefined. */
export function databaseKind(url: string): DatabaseKind | undefined {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (url === ':memory:' || url.startsWith('file:') || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return 'sqlite';
  return undefined;
}

/**
 * Why the service cannot serve this DATABASE_URL, or undefined when it can. Any URL it cannot serve
 * stops the start (a SQLite driver given `postgres://…` would open a file in a folder named `postgres:`).
 */
export function databaseUrlProblem(url: string, missing: readonly string[] = missingPgRepositories(), wired = PG_SERVICE_WIRED): string | undefined {
  const kind = databaseKind(url);
  if (kind === 'sqlite') return undefined;
  if (kind === 'postgres') {
    if (missing.length) return `PostgreSQL mode is not complete: no PostgreSQL repository yet for ${missing.join(', ')}`;
    return wired ? undefined : 'PostgreSQL mode is not complete: the service is not wired onto its PostgreSQL repositories yet';
  }
  return 'unsupported database URL: use file:<path> (or a plain path, or :memory:) for SQLite, or postgres://… for PostgreSQL';
}

/**
 * Which repositories have a PostgreSQL implementation. The service accepts `DATABASE_URL=postgres://…`
 * only when none is missing; until then the config error names what is. Flip an entry when its
 * PostgreSQL repository and its contract suite (test/pg, run against both stores) land.
 */
export const PG_REPOSITORIES = {
  audit: true,
  inbox: true,
  outbox: true,
  directory: true,
  patients: true,
  'name-index': true,
  'free-text': true,
  cases: true,
  'link-tokens': true,
  documents: true,
  vault: true,
  approvals: true,
  grants: true,
  sessions: true,
  burn: true,
  escalation: true,
  alerts: true,
  'alert-stats': true,
  'doctor-inbox': true,
  'my-cases': true,
  'chat-history': true,
  retention: true,
  'ehr-queue': true,
  queue: true,
  medications: true,
} satisfies Record<string, boolean>;

export type RepositoryName = keyof typeof PG_REPOSITORIES;

export function missingPgRepositories(): RepositoryName[] {
  return (Object.keys(PG_REPOSITORIES) as RepositoryName[]).filter((name) => !PG_REPOSITORIES[name]);
}

/**
 * Whether the service itself runs on the PostgreSQL repositories: it does (src/compose/storage.ts builds
 * the repository bundle of whichever store DATABASE_URL names). While it did not, `postgres://` was
 * refused even with every repository ported, rather than served from SQLite.
 */
export const PG_SERVICE_WIRED = true;

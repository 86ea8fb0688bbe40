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
 * Whether the service itself runs on the PostgreSQL repositories (the storage wiring in src/compose).
 * Until it does, `postgres://` is refused even with every repository ported: the service would
 * otherwise start on SQLite. Flip it with that step.
 */
export const PG_SERVICE_WIRED = false;

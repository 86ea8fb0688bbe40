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
  'name-index': false,
  'free-text': false,
  cases: false,
  'link-tokens': false,
  documents: true,
  vault: false,
  approvals: true,
  grants: true,
  sessions: true,
  burn: false,
  escalation: false,
  alerts: false,
  'alert-stats': false,
  'doctor-inbox': false,
  'my-cases': false,
  'chat-history': false,
  retention: false,
  'ehr-queue': false,
  queue: true,
} satisfies Record<string, boolean>;

export type RepositoryName = keyof typeof PG_REPOSITORIES;

export function missingPgRepositories(): RepositoryName[] {
  return (Object.keys(PG_REPOSITORIES) as RepositoryName[]).filter((name) => !PG_REPOSITORIES[name]);
}

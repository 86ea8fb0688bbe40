import type { TestProject } from 'vitest/node';
import { findPgBin, startPgCluster } from '../helpers/pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the throwaway cluster's maintenance database; '' when PostgreSQL is absent. */
    pgAdminUrl: string;
  }
}

/**
 * `npm run test:pg`: one throwaway cluster for the run (each test file makes its own database on it).
 * PG_TEST_URL (a superuser URL) uses a server you already run instead. Without PostgreSQL binaries
 * the suites skip with a message on a developer's machine, and fail when CI=true.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.PG_TEST_URL?.trim();
  if (given) {
    project.provide('pgAdminUrl', given);
    return undefined;
  }
  const bin = findPgBin();
  if (!bin) {
    const message = 'PostgreSQL suites need initdb/pg_ctl (Debian: apt-get install postgresql-15, or set PG_BIN or PG_TEST_URL)';
    if (process.env.CI === 'true') throw new Error(`${message}; CI=true, so this fails`);
    console.warn(`\n*** SKIPPED: ${message}. The PostgreSQL cases are skipped; SQLite cases still run. ***\n`);
    project.provide('pgAdminUrl', '');
    return undefined;
  }
  const cluster = await startPgCluster(bin);
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}

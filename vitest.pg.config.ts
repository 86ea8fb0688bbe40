import { defineConfig } from 'vitest/config';

/** `npm run test:pg`: the suites under test/pg, against a throwaway PostgreSQL cluster (and SQLite). */
export default defineConfig({
  test: {
    include: ['test/pg/**/*.test.ts'],
    globalSetup: ['test/pg/global-setup.ts'],
    // With PLAN_CAPTURE_DIR: every statement src/ sends PostgreSQL, for `npm run test:plans -- --pg`.
    setupFiles: ['test/helpers/pg-plan-capture-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

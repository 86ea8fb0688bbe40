import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/pg runs with `npm run test:pg` (vitest.pg.config.ts): it starts a PostgreSQL cluster.
    exclude: ['test/e2e/**', 'test/pg/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // No-op unless PLAN_CAPTURE_DIR is set (CI): records every statement's plan for `npm run test:plans`.
    setupFiles: ['test/helpers/plan-capture-setup.ts'],
  },
});

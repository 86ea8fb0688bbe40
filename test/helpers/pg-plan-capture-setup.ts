import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { capturePgCallers, encodeValues } from './pg-plan-capture.js';

/**
 * The PostgreSQL twin of plan-capture-setup.ts, for `npm run test:pg`: with PLAN_CAPTURE_DIR set, every
 * statement the service's own code (src/) sends PostgreSQL in the suite is written, with the values of
 * its first run and who ran it, to that folder after each test file; `npm run test:plans -- --pg <dir>`
 * then plans each on a fresh database of the current schema. Unset, this does nothing.
 */
const dir = process.env.PLAN_CAPTURE_DIR;
if (dir) {
  const g = globalThis as { pgPlanCapture?: ReturnType<typeof capturePgCallers> };
  g.pgPlanCapture ??= capturePgCallers();
  afterAll(() => {
    mkdirSync(dir, { recursive: true });
    // No caller: a statement whose async context lost its builder's (checked too; the report says so).
    const own = [...g.pgPlanCapture!.statements.values()].filter((s) => !s.caller || s.caller.startsWith('src/')).map((s) => ({ ...s, values: encodeValues(s.values) }));
    writeFileSync(join(dir, `pg-${process.pid}-${Math.random().toString(36).slice(2, 10)}.json`), JSON.stringify(own));
  });
}

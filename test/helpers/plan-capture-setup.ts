import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { captureSqlitePlans } from './sqlite-plans.js';

/**
 * With PLAN_CAPTURE_DIR set (CI sets it for `npm test`), every SQLite statement the suite runs is
 * planned at its first run and written, with who ran it, to that folder after each test file;
 * `npm run test:plans` then fails on any the service itself runs (src/) that reads a growing table
 * whole (issue 15 item 4: every query, not only the paths P9 drives). Unset, this does nothing.
 */
const dir = process.env.PLAN_CAPTURE_DIR;
if (dir) {
  const g = globalThis as { planCapture?: ReturnType<typeof captureSqlitePlans> };
  g.planCapture ??= captureSqlitePlans();
  afterAll(() => {
    mkdirSync(dir, { recursive: true });
    const own = [...g.planCapture!.statements.values()].filter((s) => s.caller?.startsWith('src/'));
    writeFileSync(join(dir, `${process.pid}-${Math.random().toString(36).slice(2, 10)}.json`), JSON.stringify(own));
  });
}

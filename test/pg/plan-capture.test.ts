import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicians } from '../../src/db/pg/directory-tables.js';
import { openPostgres, type PgHandle } from '../../src/db/pg/pg-client.js';
import { createPgDirectoryRepository } from '../../src/domain/directory/directory-repository-pg.js';
import { capturePgCallers, decodeValues, encodeValues } from '../helpers/pg-plan-capture.js';
import { pgAvailable, usePgDatabase } from '../helpers/pg-test-db.js';

/**
 * The suite-wide PostgreSQL plan check (`npm run test:plans -- --pg`) keeps the statements src/ runs:
 * drizzle sends a statement from a microtask, so who built it must come through its async context.
 */
describe.skipIf(!pgAvailable())('PostgreSQL statement capture: who ran each statement', () => {
  const database = usePgDatabase('capture');
  let handle: PgHandle;
  beforeAll(async () => {
    handle = await openPostgres(database.url(), 4);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('names the repository for its statements (alone, concurrently, in a transaction) and this file for its own', async () => {
    const capture = capturePgCallers();
    try {
      const repo = createPgDirectoryRepository(handle.store);
      await repo.insert({ dingtalkUserId: 'u-capture', displayName: 'Dr CAPTURE' }, 1);
      await Promise.all([repo.findByDingTalkId('u-capture'), handle.store.db().select().from(clinicians).where(eq(clinicians.displayName, 'Dr CAPTURE'))]);
      await handle.store.transaction(async () => void (await repo.page({ q: 'captu', limit: 5 })));
      const callerOf = (part: RegExp) => [...capture.statements.values()].filter((s) => part.test(s.sql)).map((s) => s.caller);
      expect(callerOf(/^insert into "clinicians"/)).toEqual(['src/domain/directory/directory-repository-pg.ts']);
      expect(callerOf(/where "clinicians"."dingtalk_user_id" = \$1/)).toEqual(['src/domain/directory/directory-repository-pg.ts']);
      expect(callerOf(/where "clinicians"."display_name" = \$1/)).toEqual(['test/pg/plan-capture.test.ts']);
      expect(callerOf(/from "clinician_name_tokens" inner join/)).toEqual(['src/domain/directory/directory-search-pg.ts']);
      expect([...capture.statements.values()].filter((s) => !s.caller).map((s) => s.sql)).toEqual([]);
    } finally {
      capture.stop();
    }
  });

  it('keeps bytes and big integers through JSON', () => {
    const values = JSON.parse(JSON.stringify(encodeValues([Buffer.from([1, 2, 255]), 12n, 'x', 3, null]))) as unknown[];
    expect(decodeValues(values)).toEqual([Buffer.from([1, 2, 255]), '12', 'x', 3, null]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../../src/domain/outbox/outbox-repository.js';
import { tempDb } from '../helpers/temp-db.js';

let db: ReturnType<typeof tempDb>;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

describe('outbox claim', () => {
  it('when the worker claims due rows, then SQLite walks an index in id order and stops at the limit, never sorting the whole backlog', async () => {
    const repo = createOutboxRepository(db.db, db.store);
    const seen: string[] = [];
    const prepare = db.sqlite.prepare.bind(db.sqlite);
    db.sqlite.prepare = ((source: string) => {
      seen.push(source);
      return prepare(source);
    }) as typeof db.sqlite.prepare;
    for (let i = 0; i < 30; i++) await repo.insertPending({ idemKey: `b${i}`, kind: 'k', payload: '{}', now: 0 });
    expect((await repo.claimDue({ now: 1, afterId: 10, limit: 5, leaseUntil: 1000 })).map((r) => r.id)).toEqual([11, 12, 13, 14, 15]);

    const claimSelect = seen.find((s) => /^select/i.test(s) && /order by/i.test(s) && s.includes('outbox_messages'));
    expect(claimSelect).toBeDefined();
    const plan = (db.sqlite.prepare(`explain query plan ${claimSelect}`).all('pending', 1, 10, 5) as Array<{ detail: string }>).map((p) => p.detail);
    // With only (status, next_attempt_at) every due row was sorted per claim: O(backlog), and R8's
    // backlog made each claim slower the further behind it fell.
    expect(plan.join('; ')).not.toMatch(/TEMP B-TREE/);
    expect(plan.join('; ')).toMatch(/outbox_pending_id_idx/);
  });
});

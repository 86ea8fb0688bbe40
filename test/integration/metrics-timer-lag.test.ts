import { afterEach, describe, expect, it } from 'vitest';
import { createBurnDestroyer } from '../../src/domain/burn/burn-destroyer.js';
import { createBurnRepository } from '../../src/domain/burn/burn-repository.js';
import { createEscalationRepository } from '../../src/domain/escalation/escalation-repository.js';
import { createEscalationService } from '../../src/domain/escalation/escalation-service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Metrics, TimerName } from '../../src/shared/metrics.js';
import { tempDb } from '../helpers/temp-db.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup() {
  const db = tempDb();
  cleanups.push(db.cleanup);
  const lags: Array<[TimerName, number]> = [];
  const metrics: Metrics = { inbound: () => undefined, accessDecision: () => undefined, timerLag: (t, ms) => void lags.push([t, ms]) };
  return { db, clock: new ManualClock(), lags, metrics, audit: { append: () => 0 } };
}

/** Timer lag (issue 11, Health): how late a due row was handled, observed where the schedulers act. */
describe('timer lag', () => {
  it('When a burn item is destroyed 1.5 s after its deadline, then the burn timer reports 1500 ms', async () => {
    const s = setup();
    const repo = createBurnRepository(s.db.sqlite, s.db.store);
    const now = s.clock.now();
    await repo.insert({ id: 'b1', caseId: 'case', authorId: 'author', kind: 'text', burnAfterMs: 60_000, createdAt: now, expiresAt: now + 10_000, dueAt: now + 10_000, mediaType: null }, ['r1'], []);
    const destroyer = createBurnDestroyer({
      transaction: s.db.store.transaction, repo, audit: s.audit, clock: s.clock, logger: silentLogger, metrics: s.metrics,
      vault: { store: async () => ({ mediaType: '' }), open: async () => Buffer.alloc(0), destroy: async () => true },
      notices: { announce: async () => undefined, burned: async () => undefined },
    });
    s.clock.advance(11_500);
    expect(await destroyer.destroyDue()).toBe(1);
    expect(s.lags).toEqual([['burn', 1500]]);
    expect(await destroyer.destroyDue()).toBe(0);
    expect(s.lags).toHaveLength(1);
  });

  it('When an escalation step is taken 3 s after it fell due, then the escalation timer reports 3000 ms', async () => {
    const s = setup();
    const service = createEscalationService({
      transaction: s.db.store.transaction,
      repo: createEscalationRepository(s.db.db, s.db.store),
      notifier: { remind: async () => undefined, ding: async () => undefined, escalate: async () => undefined, tellInitiator: async () => undefined },
      colleagues: async () => [],
      audit: s.audit,
      clock: s.clock,
      logger: silentLogger,
      settings: { afterMs: 60_000, ding: false, maxColleagues: 0 },
      metrics: s.metrics,
    });
    await service.track({ itemType: 'document', itemId: 'doc', caseId: 'case', recipients: ['r1'], urgent: true });
    s.clock.advance(63_000);
    expect(await service.runDue()).toEqual({ reminded: 1 });
    expect(s.lags).toEqual([['escalation', 3000]]);
  });
});

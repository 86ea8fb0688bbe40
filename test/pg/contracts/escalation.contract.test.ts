import { expect, it } from 'vitest';
import { createPgEscalationRepository } from '../../../src/domain/escalation/escalation-repository-pg.js';
import { createEscalationRepository } from '../../../src/domain/escalation/escalation-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'escalation repository contract',
  (s) => (s.kind === 'sqlite' ? createEscalationRepository(s.sqlite.db, s.sqlite.store) : createPgEscalationRepository(s.pg)),
  (get) => {
    const row = (itemId: string, recipientId: string, nextAt: number, createdAt = 1) => ({
      itemId,
      recipientId,
      itemType: 'document' as const,
      caseId: 'case-e',
      initiatorId: 'author',
      status: 'active' as const,
      nextAt,
      createdAt,
    });

    it('one row per (item, recipient); due rows oldest deadline first; a step is taken once', async () => {
      const { repo } = get();
      expect(await repo.insert(row('d1', 'r1', 300, 2))).toBe(true);
      expect(await repo.insert(row('d1', 'r1', 999))).toBe(false);
      expect(await repo.insert(row('d1', 'r2', 100, 1))).toBe(true);
      expect(await repo.insert(row('d2', 'r1', 200))).toBe(true);
      expect(await repo.find('d1', 'r1')).toMatchObject({ step: 0, nextAt: 300, stoppedAt: null, stopReason: null });
      expect(await repo.find('d1', 'nobody')).toBeUndefined();
      expect((await repo.forItem('d1')).map((r) => r.recipientId)).toEqual(['r2', 'r1']);
      expect((await repo.due(250, 10)).map((r) => `${r.itemId}/${r.recipientId}`)).toEqual(['d1/r2', 'd2/r1']);
      expect((await repo.due(1000, 1)).map((r) => `${r.itemId}/${r.recipientId}`)).toEqual(['d1/r2']);
      const taken = await Promise.all([repo.advance('d1', 'r2', 0, 1, 500), repo.advance('d1', 'r2', 0, 1, 600)]);
      expect(taken.filter(Boolean)).toHaveLength(1);
      expect(await repo.find('d1', 'r2')).toMatchObject({ step: 1 });
      expect(await repo.advance('d1', 'r2', 0, 1, 700)).toBe(false);
    });

    it('ended once; ended rows are not due and cannot advance', async () => {
      const { repo } = get();
      expect(await repo.end('d2', 'r1', 'stopped', 'opened', 400)).toBe(true);
      expect(await repo.end('d2', 'r1', 'exhausted', 'again', 401)).toBe(false);
      expect(await repo.find('d2', 'r1')).toMatchObject({ status: 'stopped', nextAt: null, stoppedAt: 400, stopReason: 'opened' });
      expect(await repo.advance('d2', 'r1', 0, 1, 500)).toBe(false);
      expect((await repo.due(10_000, 10)).map((r) => r.itemId)).not.toContain('d2');
    });

    it('steps in time order (ties by insertion); colleagues already asked', async () => {
      const { repo } = get();
      await repo.addStep({ itemId: 'd1', recipientId: 'r1', action: 'escalated', targetId: 'boss-2', at: 50 });
      await repo.addStep({ itemId: 'd1', recipientId: 'r1', action: 'reminded', at: 10 });
      await repo.addStep({ itemId: 'd1', recipientId: 'r1', action: 'escalated', targetId: 'boss-1', reason: 'no answer', at: 50 });
      await repo.addStep({ itemId: 'd1', recipientId: 'r2', action: 'escalated', targetId: 'boss-3', at: 60 });
      await repo.addStep({ itemId: 'd9', recipientId: 'r1', action: 'ding', at: 5 });
      const steps = await repo.steps(['d1']);
      expect(steps.map((s) => [s.action, s.targetId, s.at])).toEqual([
        ['reminded', null, 10],
        ['escalated', 'boss-2', 50],
        ['escalated', 'boss-1', 50],
        ['escalated', 'boss-3', 60],
      ]);
      expect(typeof steps[0]!.id).toBe('number');
      expect(steps[2]).toMatchObject({ reason: 'no answer' });
      expect(await repo.steps([])).toEqual([]);
      expect((await repo.escalatedTo('d1', 'r1')).sort()).toEqual(['boss-1', 'boss-2']);
      expect(await repo.escalatedTo('d1', 'nobody')).toEqual([]);
    });

    it('retention: rows ended before the cutoff go with their steps; active rows stay', async () => {
      const { repo } = get();
      await repo.insert(row('p1', 'r1', 100));
      await repo.addStep({ itemId: 'p1', recipientId: 'r1', action: 'reminded', at: 100 });
      await repo.addStep({ itemId: 'p1', recipientId: 'r9', action: 'reminded', at: 100 });
      await repo.end('p1', 'r1', 'exhausted', 'no one answered', 1000);
      expect(await repo.countEndedBefore(1000)).toBe(1);
      expect(await repo.countEndedBefore(1001)).toBe(2);
      expect(await repo.purgeEndedBefore(1001, 1)).toBe(1); // a batch: at most its limit, the oldest stop first
      expect(await repo.find('d2', 'r1')).toBeUndefined();
      expect(await repo.find('p1', 'r1')).toBeDefined();
      expect(await repo.purgeEndedBefore(1001, 10)).toBe(1);
      expect(await repo.purgeEndedBefore(1001, 10)).toBe(0);
      expect(await repo.find('p1', 'r1')).toBeUndefined();
      expect(await repo.find('d2', 'r1')).toBeUndefined();
      expect((await repo.steps(['p1'])).map((s) => s.recipientId)).toEqual(['r9']);
      expect(await repo.find('d1', 'r1')).toMatchObject({ status: 'active' });
      expect(await repo.countEndedBefore(10_000)).toBe(0);
    });
  },
);

import { expect, it } from 'vitest';
import { createPgAlertRepository } from '../../../src/domain/alerts/alert-repository-pg.js';
import { createAlertRepository } from '../../../src/domain/alerts/alert-repository.js';
import { createPgEscalationRepository } from '../../../src/domain/escalation/escalation-repository-pg.js';
import { createEscalationRepository } from '../../../src/domain/escalation/escalation-repository.js';
import { createPgAlertStatsRepository } from '../../../src/domain/reports/alert-stats-repository-pg.js';
import { createAlertStatsRepository } from '../../../src/domain/reports/alert-stats-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'alerts and alert stats repository contract',
  (s) =>
    s.kind === 'sqlite'
      ? {
          alerts: createAlertRepository(s.sqlite.db, s.sqlite.store),
          stats: createAlertStatsRepository(s.sqlite.db, s.sqlite.store),
          escalations: createEscalationRepository(s.sqlite.db, s.sqlite.store),
        }
      : { alerts: createPgAlertRepository(s.pg), stats: createPgAlertStatsRepository(s.pg), escalations: createPgEscalationRepository(s.pg) },
  (get) => {
    const alert = (id: string, createdAt: number, archiveAt: number, caseId = 'case-a') => ({
      id,
      caseId,
      raisedBy: 'c1',
      status: 'new' as const,
      ehrPendingId: `ehr-${id}`,
      createdAt,
      archiveAt,
    });

    it('inserted once per id, with JSON list defaults; moved on only from the status seen', async () => {
      const { alerts } = get().repo;
      expect(await alerts.insert(alert('a1', 20, 500))).toBe(true);
      expect(await alerts.insert(alert('a1', 99, 999))).toBe(false);
      expect(await alerts.find('a1')).toMatchObject({ createdAt: 20, recipientIds: '[]', cardIds: '[]', memberUserIds: '[]', directIds: '[]', sentAt: null });
      const moved = await Promise.all([alerts.advance('a1', 'new', { status: 'group_pending' }), alerts.advance('a1', 'new', { status: 'failed' })]);
      expect(moved.filter(Boolean)).toHaveLength(1);
      expect(await alerts.advance('a1', 'new', { status: 'sent' })).toBe(false);
      expect(await alerts.find('missing')).toBeUndefined();
    });

    it('lists by status (oldest first, created before), due for archive, cards not yet marked burned', async () => {
      const { alerts } = get().repo;
      await alerts.insert(alert('a2', 30, 400));
      await alerts.insert(alert('a3', 10, 300));
      await alerts.insert(alert('a4', 40, 200));
      expect((await alerts.withStatus('new')).map((a) => a.id)).toEqual(['a3', 'a2', 'a4']);
      expect((await alerts.withStatus('new', 30)).map((a) => a.id)).toEqual(['a3', 'a2']);
      for (const id of ['a2', 'a3', 'a4']) await alerts.advance(id, 'new', { status: 'sent', sentAt: 50, ephemeralItemId: `item-${id}` });
      expect((await alerts.dueForArchive(350)).map((a) => a.id)).toEqual(['a4', 'a3']);
      await alerts.advance('a4', 'sent', { status: 'archived', archivedAt: 360 });
      expect((await alerts.cardsNotMarkedBurned()).map((a) => a.id).sort()).toEqual(['a2', 'a3', 'a4']);
      expect(await alerts.markBurnNoted('a3', 70)).toBe(true);
      expect(await alerts.markBurnNoted('a3', 71)).toBe(false);
      expect((await alerts.cardsNotMarkedBurned()).map((a) => a.id).sort()).toEqual(['a2', 'a4']);
      expect((await alerts.statusCardLive(71)).map((a) => a.id)).toEqual(['a2', 'a4']);
      expect((await alerts.statusCardLive(70)).map((a) => a.id)).toEqual(['a3', 'a2', 'a4']);
      expect((await alerts.findByItem('item-a2'))?.id).toBe('a2');
      expect(await alerts.findByItem('item-none')).toBeUndefined();
    });

    it('cards are added without repeats, in order; two additions at once both land', async () => {
      const { alerts } = get().repo;
      await alerts.insert({ ...alert('a5', 5, 100, 'case-b'), cardIds: '["k1"]' });
      await alerts.addCards('a5', ['k2', 'k1', 'k3']);
      expect(JSON.parse((await alerts.find('a5'))!.cardIds)).toEqual(['k1', 'k2', 'k3']);
      await Promise.all([alerts.addCards('a5', ['x1']), alerts.addCards('a5', ['x2']), alerts.addCards('a5', ['x3'])]);
      expect(JSON.parse((await alerts.find('a5'))!.cardIds).sort()).toEqual(['k1', 'k2', 'k3', 'x1', 'x2', 'x3']);
      await alerts.addCards('missing', ['k9']);
      await alerts.insert(alert('a6', 1, 100, 'case-b'));
      expect((await alerts.forCase('case-b')).map((a) => a.id)).toEqual(['a6', 'a5']);
    });

    it('alert stats: alert recipients raised in [from, to), with when and why the chase stopped', async () => {
      const { escalations, stats } = get().repo;
      const row = (itemId: string, itemType: 'alert' | 'document', createdAt: number) => ({ itemId, recipientId: 'r', itemType, caseId: 'c', status: 'active' as const, nextAt: 1, createdAt });
      await escalations.insert(row('s1', 'alert', 100));
      await escalations.insert(row('s2', 'alert', 200));
      await escalations.insert(row('s3', 'document', 150));
      await escalations.insert(row('s4', 'alert', 300));
      await escalations.end('s1', 'r', 'stopped', 'opened', 160);
      const got = await stats.alertRecipientsBetween(100, 300);
      expect(got.sort((a, b) => a.createdAt - b.createdAt)).toEqual([
        { createdAt: 100, stoppedAt: 160, stopReason: 'opened' },
        { createdAt: 200, stoppedAt: null, stopReason: null },
      ]);
    });
  },
);

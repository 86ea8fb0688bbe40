import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { createPgInteractionRepository } from '../../../src/domain/interactions/interaction-repository-pg.js';
import { createInteractionRepository } from '../../../src/domain/interactions/interaction-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';

const texts = createFreeTextCipher(randomBytes(32));

describeOnBothStores(
  'interaction alert repository contract',
  (s) => ({ store: s, alerts: s.kind === 'sqlite' ? createInteractionRepository(s.sqlite.db, s.sqlite.store, texts) : createPgInteractionRepository(s.pg, texts) }),
  (get) => {
    const alert = (id: string, entryA: string, entryB: string, createdAt: number) => ({
      id, caseId: 'case-i', entryA, entryB, ruleId: 'warfarin-nsaid', severity: 'major' as const, ruleSetVersion: '1.2.0', crossPrescriber: true, createdAt,
    });

    it('one alert per pair of entries, with its recipients; a case’s alerts oldest first', async () => {
      const { alerts } = get().repo;
      expect(await alerts.insert(alert('a2', 'e1', 'e3', 20), [{ clinicianId: 'dr-b', role: 'prescriber' }])).toBe(true);
      expect(await alerts.insert(alert('a1', 'e1', 'e2', 10), [{ clinicianId: 'dr-b', role: 'prescriber' }, { clinicianId: 'dr-a', role: 'attending' }])).toBe(true);
      expect(await alerts.insert(alert('a9', 'e1', 'e2', 30), [{ clinicianId: 'dr-z', role: 'prescriber' }])).toBe(false);
      expect(await alerts.find('a9')).toBeUndefined();
      expect(await alerts.find('a1')).toMatchObject({ state: 'open', crossPrescriber: true, decidedBy: null, decidedAt: null, reason: null, severity: 'major' });
      expect((await alerts.forCase('case-i')).map((a) => a.id)).toEqual(['a1', 'a2']);
      expect(await alerts.forCase('other')).toEqual([]);
      expect((await alerts.recipients('a1')).map((r) => [r.clinicianId, r.role, r.readAt])).toEqual([['dr-a', 'attending', null], ['dr-b', 'prescriber', null]]);
    });

    it('a recipient’s first read is kept once; strangers are no recipients', async () => {
      const { alerts } = get().repo;
      expect(await alerts.markRead('a1', 'dr-a', 100)).toBe(true);
      expect(await alerts.markRead('a1', 'dr-a', 200)).toBe(false);
      expect(await alerts.markRead('a1', 'stranger', 200)).toBe(false);
      expect((await alerts.recipients('a1')).find((r) => r.clinicianId === 'dr-a')?.readAt).toBe(100);
    });

    it('decided once; the override reason is sealed at rest and opened on read', async () => {
      const { alerts, store } = get().repo;
      const decided = await Promise.all([
        alerts.decide('a1', { state: 'overridden', by: 'dr-b', at: 300, reason: 'INR monitored twice weekly' }),
        alerts.decide('a1', { state: 'acknowledged', by: 'dr-a', at: 301, reason: null }),
      ]);
      expect(decided.filter(Boolean)).toHaveLength(1);
      const row = await alerts.find('a1');
      expect([row?.state, row?.reason]).toEqual(row?.state === 'overridden' ? ['overridden', 'INR monitored twice weekly'] : ['acknowledged', null]);
      expect(await alerts.decide('a1', { state: 'acknowledged', by: 'dr-a', at: 400, reason: null })).toBe(false);
      expect(await alerts.decide('a2', { state: 'overridden', by: 'dr-b', at: 500, reason: 'benefit outweighs risk' })).toBe(true);
      expect(await alerts.find('a2')).toMatchObject({ state: 'overridden', decidedBy: 'dr-b', decidedAt: 500, reason: 'benefit outweighs risk' });
      const raw = JSON.stringify(await rawSql(store, "select reason from interaction_alerts where id = 'a2'"));
      expect(raw).not.toContain('benefit');
      expect(raw).toContain('ft1.');
    });
  },
);

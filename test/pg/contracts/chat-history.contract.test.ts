import { expect, it } from 'vitest';
import { createPgChatHistoryRepository } from '../../../src/domain/chat-history/chat-history-repository-pg.js';
import { createChatHistoryRepository } from '../../../src/domain/chat-history/chat-history-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'chat history repository contract',
  (s) => (s.kind === 'sqlite' ? createChatHistoryRepository(s.sqlite.db, s.sqlite.store) : createPgChatHistoryRepository(s.pg)),
  (get) => {
    it('items in chat order (by number, not by write); a newer state replaces the payload', async () => {
      const { repo } = get();
      expect(await repo.all()).toEqual([]);
      await repo.put({ id: 10, payload: 'sealed-10', updatedAt: 1_700_000_000_010 });
      await repo.put({ id: 2, payload: 'sealed-2', updatedAt: 1_700_000_000_002 });
      await repo.put({ id: 1, payload: 'sealed-1', updatedAt: 1_700_000_000_001 });
      await repo.put({ id: 2, payload: 'sealed-2-recalled', updatedAt: 1_700_000_000_099 });
      expect(await repo.all()).toEqual([
        { id: 1, payload: 'sealed-1', updatedAt: 1_700_000_000_001 },
        { id: 2, payload: 'sealed-2-recalled', updatedAt: 1_700_000_000_099 },
        { id: 10, payload: 'sealed-10', updatedAt: 1_700_000_000_010 },
      ]);
    });

    it('groups: written or replaced, touched only forward, walked in id byte order', async () => {
      const { repo } = get();
      await repo.putGroup({ id: 'g-b', payload: 'sealed-b', updatedAt: 20 });
      await repo.putGroup({ id: 'G-a', payload: 'sealed-a', updatedAt: 10 });
      await repo.putGroup({ id: 'g-c', payload: 'sealed-c', updatedAt: 30 });
      await repo.putGroup({ id: 'g-b', payload: 'sealed-b2', updatedAt: 25 });
      await repo.touchGroup('g-c', 5);
      await repo.touchGroup('G-a', 40);
      expect((await repo.groups()).map((g) => [g.id, g.payload, g.updatedAt])).toEqual([
        ['g-b', 'sealed-b2', 25],
        ['g-c', 'sealed-c', 30],
        ['G-a', 'sealed-a', 40],
      ]);
      expect((await repo.groupsAfter('', 2)).map((g) => g.id)).toEqual(['G-a', 'g-b']);
      expect((await repo.groupsAfter('g-b', 2)).map((g) => g.id)).toEqual(['g-c']);
      expect((await repo.itemsAfter(1, 1)).map((i) => i.id)).toEqual([2]);
      expect((await repo.itemsAfter(2, 5)).map((i) => i.id)).toEqual([10]);
    });

    it('a rewrap replaces a payload only while it is unchanged; retention counts and purges old items and groups', async () => {
      const { repo } = get();
      expect(await repo.replacePayload({ table: 'item', id: 1, payload: 'rewrapped-1' }, 'sealed-1')).toBe(true);
      expect(await repo.replacePayload({ table: 'item', id: 1, payload: 'rewrapped-again' }, 'sealed-1')).toBe(false);
      expect(await repo.replacePayload({ table: 'group', id: 'g-c', payload: 'rewrapped-c' }, 'sealed-c')).toBe(true);
      expect(await repo.replacePayload({ table: 'group', id: 'g-c', payload: 'x' }, 'stale')).toBe(false);
      expect((await repo.all()).find((i) => i.id === 1)?.payload).toBe('rewrapped-1');
      expect((await repo.groups()).find((g) => g.id === 'g-c')?.payload).toBe('rewrapped-c');
      expect(await repo.countOlderThan(1_700_000_000_011)).toBe(5);
      expect(await repo.purgeOlderThan(31, 1)).toBe(1); // a batch: at most its limit
      expect(await repo.purgeOlderThan(31, 10)).toBe(1);
      expect((await repo.groups()).map((g) => g.id)).toEqual(['G-a']);
      expect(await repo.purgeOlderThan(1_700_000_000_011, 2)).toBe(2); // items, then groups, within one limit
      expect(await repo.purgeOlderThan(1_700_000_000_011, 2)).toBe(1);
      expect(await repo.all()).toEqual([{ id: 2, payload: 'sealed-2-recalled', updatedAt: 1_700_000_000_099 }]);
    });
  },
);

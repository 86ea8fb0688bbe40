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
  },
);

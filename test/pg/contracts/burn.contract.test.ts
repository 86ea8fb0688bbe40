import { expect, it } from 'vitest';
import { createPgBurnRepository } from '../../../src/domain/burn/burn-repository-pg.js';
import { createBurnRepository } from '../../../src/domain/burn/burn-repository.js';
import { createPgGrantRepository } from '../../../src/domain/grants/grant-repository-pg.js';
import { createGrantRepository } from '../../../src/domain/grants/grant-repository.js';
import { createFreeTextCipher } from '../../../src/domain/patients/free-text-cipher.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';
import { rawSql } from '../../helpers/contract-seed.js';
import { eventually } from '../../helpers/eventually.js';

const texts = createFreeTextCipher(Buffer.alloc(32, 7));

describeOnBothStores(
  'burn repository contract',
  (s) =>
    s.kind === 'sqlite'
      ? { burn: createBurnRepository(s.sqlite.sqlite, s.sqlite.store), grants: createGrantRepository(s.sqlite.db, s.sqlite.store, texts) }
      : { burn: createPgBurnRepository(s.pg), grants: createPgGrantRepository(s.pg, texts) },
  (get) => {
    const item = (id: string, dueAt: number, over: Partial<{ expiresAt: number; kind: 'text' | 'document' }> = {}) => ({
      id,
      caseId: 'case-b',
      authorId: 'author',
      kind: 'text' as const,
      burnAfterMs: 60_000,
      createdAt: 1,
      expiresAt: 10_000,
      dueAt,
      mediaType: null,
      ...over,
    });
    const sealed = { kekVersion: 3, wrappedKey: Buffer.from([1, 2, 3]), iv: Buffer.alloc(12, 4), tag: Buffer.alloc(16, 5), ciphertext: Buffer.from('ciphertext') };

    it('an item with its recipients and cards reads back as written, blobs as Buffers', async () => {
      const { burn } = get().repo;
      await burn.insert({ ...item('i1', 500), ...sealed }, ['c1', 'c2'], [{ outTrackId: 'card-1', itemId: 'i1', conversationId: 'conv', userId: null }]);
      const row = await burn.find('i1');
      expect(row).toMatchObject({ ...item('i1', 500), status: 'active', destroyedAt: null, endReason: null, kekVersion: 3 });
      expect(Buffer.isBuffer(row!.wrappedKey) && row!.wrappedKey.equals(sealed.wrappedKey)).toBe(true);
      expect(row!.ciphertext?.toString()).toBe('ciphertext');
      expect((await burn.recipients('i1')).sort((a, b) => a.clinicianId.localeCompare(b.clinicianId))).toEqual([
        { itemId: 'i1', clinicianId: 'c1', openedAt: null, burnAt: null },
        { itemId: 'i1', clinicianId: 'c2', openedAt: null, burnAt: null },
      ]);
      expect(await burn.cards('i1')).toEqual([{ outTrackId: 'card-1', itemId: 'i1', conversationId: 'conv', userId: null }]);
      await expect(burn.insert(item('i1', 1), [], [])).rejects.toThrow();
    });

    it("a recipient's countdown starts once; the deadline moves; due items earliest first; next deadline and count", async () => {
      const { burn } = get().repo;
      await burn.insert(item('i2', 900), ['c1'], []);
      await burn.insert(item('i3', 700, { kind: 'document' }), [], []);
      expect(await burn.recordOpen('i2', 'c1', 100, 200)).toBe(true);
      expect(await burn.recordOpen('i2', 'c1', 150, 250)).toBe(false);
      expect(await burn.recipients('i2')).toEqual([{ itemId: 'i2', clinicianId: 'c1', openedAt: 100, burnAt: 200 }]);
      await burn.setDueAt('i2', 200);
      expect((await burn.due(1000, 10)).map((i) => i.id)).toEqual(['i2', 'i1', 'i3']);
      expect((await burn.due(1000, 2)).map((i) => i.id)).toEqual(['i2', 'i1']);
      expect((await burn.due(199, 10)).map((i) => i.id)).toEqual([]);
      expect(await burn.nextDueAt()).toBe(200);
      expect(await burn.pendingCount()).toBe(3);
    });

    it('destroyed once: keys and content erased, the row stays; nothing pending afterwards', async () => {
      const { burn } = get().repo;
      const [a, b] = await Promise.all([burn.markDestroyed('i1', 1000, 'all_burned'), burn.markDestroyed('i1', 1001, 'max_lifetime')]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect(await burn.find('i1')).toMatchObject({ status: 'destroyed', kekVersion: null, wrappedKey: null, iv: null, tag: null, ciphertext: null, caseId: 'case-b' });
      await burn.setDueAt('i1', 1);
      expect((await burn.find('i1'))?.dueAt).toBe(500);
      await burn.markDestroyed('i2', 1000, 'all_burned');
      await burn.markDestroyed('i3', 1000, 'max_lifetime');
      expect(await burn.nextDueAt()).toBeNull();
      expect(await burn.pendingCount()).toBe(0);
      const wasOn = await burn.setSecureDelete(true);
      await burn.checkpoint();
      await burn.setSecureDelete(wasOn);
    });

    it('a late recipient joins a live item only, once, and puts its deadline back to the lifetime', async () => {
      const { burn } = get().repo;
      await burn.insert(item('i4', 300, { expiresAt: 8000 }), ['c1'], []);
      expect(await burn.addRecipient('i4', 'c9')).toBe(true);
      expect((await burn.find('i4'))?.dueAt).toBe(8000);
      expect(await burn.addRecipient('i4', 'c9')).toBe(false);
      expect(await burn.addRecipient('i4', 'c1')).toBe(false);
      expect(await burn.addRecipient('i1', 'c9')).toBe(false);
      expect(await burn.addRecipient('missing', 'c9')).toBe(false);
      expect((await burn.recipients('i4')).map((r) => r.clinicianId).sort()).toEqual(['c1', 'c9']);
    });

    it('a late recipient waits for a destruction being committed, then is refused (never added to a destroyed item)', async () => {
      const { burn } = get().repo;
      const { store } = get();
      await burn.insert(item('i5', 300, { expiresAt: 8000 }), ['c1'], []);
      let release = () => undefined as void;
      const held = new Promise<void>((r) => (release = r));
      let destroyed = () => undefined as void;
      const destroyedInTx = new Promise<void>((r) => (destroyed = r));
      const destroying = store.transaction(async () => {
        await burn.markDestroyed('i5', 400, 'all_burned');
        destroyed();
        await held;
      });
      await destroyedInTx;
      const adding = burn.addRecipient('i5', 'late');
      try {
        // On PostgreSQL, wait until the add is blocked on the destruction's row lock (SQLite queues it behind the transaction).
        if (store.kind === 'postgres') await eventually(async () => Number((await rawSql<{ n: number | string }>(store, 'select count(*) as n from pg_locks where not granted'))[0]!.n) === 1, 5000, 'the add to wait');
      } finally {
        release();
        await destroying;
      }
      expect(await adding).toBe(false);
      expect((await burn.recipients('i5')).map((r) => r.clinicianId)).toEqual(['c1']);
    });

    it('break-glass holders: live break-glass grants on the case only', async () => {
      const { burn, grants } = get().repo;
      const grant = { documentId: null, caseId: 'case-b', createdAt: 1, requestId: null };
      await grants.insert({ ...grant, id: 'bg1', kind: 'break_glass', clinicianId: 'c5', expiresAt: 5000 });
      await grants.insert({ ...grant, id: 'bg2', kind: 'break_glass', clinicianId: 'c6', expiresAt: 100 });
      await grants.insert({ ...grant, id: 'ap1', kind: 'approval', clinicianId: 'c7', expiresAt: 5000 });
      await grants.insert({ ...grant, id: 'bg3', kind: 'break_glass', clinicianId: 'c8', expiresAt: 5000 });
      await grants.revoke('bg3', 50);
      expect(await burn.breakGlassHolders('case-b', 200)).toEqual(['c5']);
      expect(await burn.breakGlassHolders('other', 200)).toEqual([]);
    });
  },
);

import { expect, it } from 'vitest';
import { createPgVaultRepository } from '../../../src/domain/vault/vault-repository-pg.js';
import { createVaultRepository } from '../../../src/domain/vault/vault-repository.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

describeOnBothStores(
  'vault repository contract',
  (s) => (s.kind === 'sqlite' ? createVaultRepository(s.sqlite) : createPgVaultRepository(s.pg)),
  (get) => {
    const key = (documentId: string, kekVersion: number) => ({
      documentId,
      caseId: 'case-v',
      kekVersion,
      wrappedKey: Buffer.from(`wrapped-${documentId}`),
      iv: Buffer.alloc(12, 1),
      tag: Buffer.alloc(16, 2),
      alg: 'aes-256-gcm',
      size: 3_000_000_000,
      mediaType: 'application/pdf' as const,
      sha256: 'ab'.repeat(32),
      createdAt: 1_700_000_000_000,
    });

    it('a key row reads back as written (Buffers, sizes past 2 GB); one row per document', async () => {
      const { repo } = get();
      await repo.insert(key('v1', 1));
      const row = await repo.find('v1');
      expect(row).toMatchObject({ ...key('v1', 1), destroyedAt: null });
      expect(Buffer.isBuffer(row!.wrappedKey)).toBe(true);
      await expect(repo.insert(key('v1', 2))).rejects.toThrow();
      expect(await repo.find('none')).toBeUndefined();
    });

    it('destroyed once: key columns erased, the row stays; destroyed keys leave the counts', async () => {
      const { repo } = get();
      await repo.insert(key('v2', 1));
      const [a, b] = await Promise.all([repo.destroy('v2', 50), repo.destroy('v2', 51)]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect(await repo.find('v2')).toMatchObject({ wrappedKey: null, iv: null, tag: null, destroyedAt: expect.any(Number), sha256: 'ab'.repeat(32) });
      expect(await repo.destroy('none', 52)).toBe(false);
      expect(await repo.countByVersion()).toEqual([{ kekVersion: 1, count: 1 }]);
    });

    it('rewrap: live keys not at the version, a keyset page in byte order; an update lands only from the version seen', async () => {
      const { repo } = get();
      for (const [id, v] of [['a-3', 1], ['B-2', 2], ['c-1', 3], ['Z-0', 1]] as const) await repo.insert(key(id, v));
      expect(await repo.countByVersion()).toEqual([
        { kekVersion: 1, count: 3 },
        { kekVersion: 2, count: 1 },
        { kekVersion: 3, count: 1 },
      ]);
      expect(await repo.countNotAt(3)).toBe(4);
      const page1 = await repo.listNotAt(3, '', 2);
      expect(page1.map((r) => r.documentId)).toEqual(['B-2', 'Z-0']);
      expect(page1[0]!.wrappedKey.toString()).toBe('wrapped-B-2');
      const page2 = await repo.listNotAt(3, 'Z-0', 2);
      expect(page2.map((r) => r.documentId)).toEqual(['a-3', 'v1']);
      expect(await repo.listNotAt(3, 'v1', 2)).toEqual([]);
      const applied = await repo.applyRewraps([
        { documentId: 'B-2', fromVersion: 2, toVersion: 3, wrappedKey: Buffer.from('new-B') },
        { documentId: 'a-3', fromVersion: 2, toVersion: 3, wrappedKey: Buffer.from('stale') },
        { documentId: 'v2', fromVersion: 1, toVersion: 3, wrappedKey: Buffer.from('destroyed') },
      ]);
      expect(applied).toBe(1);
      expect((await repo.find('B-2'))?.wrappedKey?.toString()).toBe('new-B');
      expect((await repo.find('a-3'))?.kekVersion).toBe(1);
      expect((await repo.find('v2'))?.wrappedKey).toBeNull();
      expect(await repo.countNotAt(3)).toBe(3);
    });
  },
);

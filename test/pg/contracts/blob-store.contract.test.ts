import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { createPgBlobStore } from '../../../src/domain/vault/blob-store-pg.js';
import { createFsBlobStore } from '../../../src/domain/vault/fs-blob-store.js';
import { systemClock } from '../../../src/shared/clock.js';
import { describeOnBothStores } from '../../helpers/both-stores.js';

/** The folder store stands beside SQLite (as the service uses it); the table store on PostgreSQL. */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeOnBothStores(
  'blob store contract',
  (s) => {
    if (s.kind === 'postgres') return createPgBlobStore(s.pg, systemClock);
    const dir = mkdtempSync(join(tmpdir(), 'cb-blobs-'));
    dirs.push(dir);
    return createFsBlobStore(join(dir, 'blobs'));
  },
  (get) => {
    it('a blob reads back byte for byte (empty and several MB alike); a missing key reads as null', async () => {
      const { repo } = get();
      const big = randomBytes(3 * 1024 * 1024 + 7);
      await repo.put('big-1', big);
      await repo.put('empty-1', Buffer.alloc(0));
      expect((await repo.get('big-1'))!.equals(big)).toBe(true);
      expect((await repo.get('empty-1'))!.length).toBe(0);
      expect(await repo.exists('big-1')).toBe(true);
      expect(await repo.get('none')).toBeNull();
      expect(await repo.exists('none')).toBe(false);
    });

    it('never overwrites: a second put under a taken key is a conflict and the first blob stays', async () => {
      const { repo } = get();
      await repo.put('once', Buffer.from('first'));
      await expect(repo.put('once', Buffer.from('second'))).rejects.toMatchObject({ code: 'conflict' });
      expect((await repo.get('once'))!.toString()).toBe('first');
    });

    it('atomic under a race: of eight puts on one key exactly one wins, and the blob is that whole writer', async () => {
      const { repo } = get();
      const writers = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024, i + 1));
      const results = await Promise.allSettled(writers.map((b) => repo.put('raced', b)));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict' });
      expect((await repo.get('raced'))!.equals(writers[won[0]!]!)).toBe(true);
    });

    it('delete (shredding a blob): gone for get and exists, repeatable, and the key may be used again', async () => {
      const { repo } = get();
      await repo.put('shred-me', Buffer.from('ciphertext'));
      await repo.delete('shred-me');
      expect(await repo.get('shred-me')).toBeNull();
      expect(await repo.exists('shred-me')).toBe(false);
      await repo.delete('shred-me');
      await repo.delete('never-was');
      await repo.put('shred-me', Buffer.from('new'));
      expect((await repo.get('shred-me'))!.toString()).toBe('new');
    });

    it('refuses keys outside the safe alphabet (no path, no dots) on every method', async () => {
      const { repo } = get();
      for (const bad of ['../x', 'a/b', 'a.b', '', 'x'.repeat(129)]) {
        await expect(repo.put(bad, Buffer.from('x'))).rejects.toThrow(RangeError);
        await expect(repo.get(bad)).rejects.toThrow(RangeError);
        await expect(repo.exists(bad)).rejects.toThrow(RangeError);
        await expect(repo.delete(bad)).rejects.toThrow(RangeError);
      }
    });

    it('the folder store leaves no temp file behind; the table store keeps only the blobs', async () => {
      const { repo, store } = get();
      if (store.kind === 'sqlite') {
        expect(readdirSync(join(dirs[0]!, 'blobs')).filter((f) => f.startsWith('.'))).toEqual([]);
      } else {
        const { rows } = await store.pg.pool.query<{ key: string }>('select key from vault_blobs order by key collate "C"');
        expect(rows.map((r) => r.key)).toEqual(['big-1', 'empty-1', 'once', 'raced', 'shred-me']);
      }
      expect(await repo.exists('once')).toBe(true);
    });
  },
);

import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { clinicianNameTokens as pgTokens } from '../../../src/db/pg/directory-tables.js';
import type { DirectoryPageQuery } from '../../../src/domain/directory/clinician-tokens.js';
import { createPgDirectoryRepository } from '../../../src/domain/directory/directory-repository-pg.js';
import { createDirectoryRepository, type DirectoryRepository } from '../../../src/domain/directory/directory-repository.js';
import { clinicianNameTokens as sqliteTokens } from '../../../src/domain/directory/directory-tables.js';
import { describeOnBothStores, type StoreUnderTest } from '../../helpers/both-stores.js';

/** Every page of a query, following the cursors; the ids in order. */
async function allPages(repo: DirectoryRepository, q: Omit<DirectoryPageQuery, 'after'>): Promise<string[][]> {
  const pages: string[][] = [];
  let after: DirectoryPageQuery['after'];
  do {
    const page = await repo.page({ ...q, after });
    pages.push(page.items.map((c) => c.dingtalkUserId));
    after = page.next ?? undefined;
  } while (after);
  return pages;
}

/** Forgets a clinician's tokens, as for a row from before the index. */
async function dropTokens(s: StoreUnderTest, clinicianId: string): Promise<void> {
  if (s.kind === 'sqlite') s.sqlite.db.delete(sqliteTokens).where(eq(sqliteTokens.clinicianId, clinicianId)).run();
  else await s.pg.db().delete(pgTokens).where(eq(pgTokens.clinicianId, clinicianId));
}

describeOnBothStores(
  'directory search and pages contract (issue 15)',
  (s) => (s.kind === 'sqlite' ? createDirectoryRepository(s.sqlite.db, s.sqlite.store) : createPgDirectoryRepository(s.pg)),
  (get) => {
    const found = async (q: string, extra: Partial<DirectoryPageQuery> = {}) => (await get().repo.page({ q, limit: 50, ...extra })).items.map((c) => c.dingtalkUserId).sort();

    it('finds a clinician by any English word prefix, a run of the Chinese name, the DingTalk id or the registration number', async () => {
      const { repo } = get();
      await repo.insert({ dingtalkUserId: 'u-wong', displayName: 'Dr WONG Siu-ming', nameEn: 'Dr WONG Siu-ming', nameZh: '黃小明', registrationNo: 'M20001' }, 1);
      await repo.insert({ dingtalkUserId: 'u-chan', displayName: 'Dr CHAN Tai-man', nameEn: 'Dr CHAN Tai-man', nameZh: '陳大文' }, 1);
      await repo.insert({ dingtalkUserId: 'u-chan2', displayName: 'Nurse CHAN Mei', nameEn: 'CHAN Mei', nameZh: '陳美' }, 1);
      expect(await found('wong')).toEqual(['u-wong']);
      expect(await found('WON')).toEqual(['u-wong']);
      expect(await found('siu')).toEqual(['u-wong']);
      expect(await found('Dr Wong S')).toEqual(['u-wong']);
      expect(await found('chan')).toEqual(['u-chan', 'u-chan2']);
      expect(await found('chan tai')).toEqual(['u-chan']);
      expect(await found('陳')).toEqual(['u-chan', 'u-chan2']);
      expect(await found('大文')).toEqual(['u-chan']);
      expect(await found('陳大文')).toEqual(['u-chan']);
      expect(await found('小明')).toEqual(['u-wong']);
      expect(await found('u-chan2')).toEqual(['u-chan2']);
      expect(await found('m2000')).toEqual(['u-wong']);
      for (const none of ['wong chan', '文大', 'ong', 'zz']) expect([none, await found(none)]).toEqual([none, []]);
    });

    it('pages the directory by display name then id, whole and filtered, each page past the last cursor', async () => {
      const { repo } = get();
      for (let i = 0; i < 7; i++) {
        const row = await repo.insert({ dingtalkUserId: `u-page-${i}`, displayName: `Page ${6 - i}`, nameEn: `PAGER Number${i}` }, 1);
        if (i % 2 === 0) await repo.update(row.id, { verified: true }, 2);
        if (i === 3) await repo.update(row.id, { suspended: true }, 2);
      }
      const whole = (await repo.list()).map((c) => c.dingtalkUserId);
      expect((await allPages(repo, { limit: 3 })).flat()).toEqual(whole);
      // A search goes by the token it matched, then id: each clinician once, pages in the order of one big page.
      const oneBig = (await repo.page({ q: 'pager', limit: 50 })).items.map((c) => c.dingtalkUserId);
      expect([...oneBig].sort()).toEqual(['u-page-0', 'u-page-1', 'u-page-2', 'u-page-3', 'u-page-4', 'u-page-5', 'u-page-6']);
      const pages = await allPages(repo, { q: 'pager', limit: 3 });
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual(oneBig);
      expect((await allPages(repo, { q: 'pager', limit: 2, unverifiedOnly: true })).flat().sort()).toEqual(['u-page-1', 'u-page-3', 'u-page-5']);
      expect((await allPages(repo, { q: 'pager', limit: 2, verifiedOnly: true })).flat().sort()).toEqual(['u-page-0', 'u-page-2', 'u-page-4', 'u-page-6']);
      expect((await allPages(repo, { q: 'pager', limit: 2, activeOnly: true })).flat()).toEqual(oneBig.filter((u) => u !== 'u-page-3'));
      expect(await repo.page({ q: 'pager', limit: 7 })).toMatchObject({ next: null });
      // Shorter tokens first: "pag" begins both "page" (display names) and "pager"; a clinician still comes once.
      expect((await allPages(repo, { q: 'pag', limit: 4 })).flat()).toEqual((await repo.page({ q: 'page', limit: 50 })).items.map((c) => c.dingtalkUserId));
    });

    it('keeps the tokens with the row: a rename finds the new name only; other changes keep them', async () => {
      const { repo } = get();
      const row = await repo.insert({ dingtalkUserId: 'u-rename', displayName: 'Dr Old', nameEn: 'OLDNAME Ka-ho', nameZh: '舊名' }, 1);
      expect(await found('oldname')).toEqual(['u-rename']);
      await repo.update(row.id, { nameEn: 'NEWNAME Ka-ho', nameZh: '新名' }, 2);
      expect([await found('oldname'), await found('舊'), await found('newname ka'), await found('新名')]).toEqual([[], [], ['u-rename'], ['u-rename']]);
      await repo.update(row.id, { role: 'doctor', verified: true }, 3);
      expect(await found('newname')).toEqual(['u-rename']);
      // The same user's first message racing stores one row and one set of tokens.
      await repo.insert({ dingtalkUserId: 'u-rename', displayName: 'Dr Again' }, 4);
      expect(await found('again')).toEqual([]);
    });

    it('backfills the tokens of rows from before the index, a batch at a time, to the end', async () => {
      const { repo, store } = get();
      const a = await repo.insert({ dingtalkUserId: 'u-old-a', displayName: 'Dr BEFOREINDEX A', nameZh: '前索引' }, 1);
      await repo.insert({ dingtalkUserId: 'u-old-b', displayName: 'Dr BEFOREINDEX B' }, 1);
      const c = await repo.insert({ dingtalkUserId: 'u-old-c', displayName: 'Dr BEFOREINDEX C', nameEn: 'LATERNAME Siu-ming' }, 1);
      await dropTokens(store, a.id);
      await dropTokens(store, c.id);
      expect(await found('beforeindex')).toEqual(['u-old-b']);
      let after: string | null = null;
      let batches = 0;
      do {
        after = await repo.backfillNameTokens(after, 4);
        batches++;
      } while (after !== null);
      expect(batches).toBeGreaterThan(1);
      // Every batch writes its clinicians' tokens together; one that had them keeps one set.
      expect([await found('beforeindex'), await found('索引'), await found('latername siu')]).toEqual([['u-old-a', 'u-old-b', 'u-old-c'], ['u-old-a'], ['u-old-c']]);
    });
  },
);

import { existsSync, renameSync } from 'node:fs';
import type { Repositories } from '../src/compose/repositories.js';
import { clinicianNames, userId, type P9Size } from './p9-seed.js';

/**
 * Brings a cached seed made by an older p9-seed.ts up to the current one in place, so a change to
 * the seed does not cost a fresh seed of the largest size (hours on PostgreSQL on this machine).
 * Version 2 gave clinicians Hong Kong names in English and Chinese (the directory search's calls);
 * through the directory repository, so the name tokens are written as the service writes them.
 */
const UPGRADES: Record<number, (repos: Repositories, size: P9Size) => Promise<void>> = {
  1: async (repos, size) => {
    for (let from = 0; from < size.clinicians; from += 1_000) {
      await repos.transaction(async () => {
        for (let i = from; i < Math.min(size.clinicians, from + 1_000); i++) {
          const c = await repos.directory.findByDingTalkId(userId(i));
          const { nameEn, nameZh } = clinicianNames(i);
          if (c) await repos.directory.update(c.id, { nameEn, nameZh }, c.updatedAt);
        }
      });
    }
  },
};

/** The newest cached seed folder of an older version, when the current one is missing (`<cache>-seed<v>`). */
export function olderSeed(cachedBase: string, version: number): { dir: string; version: number } | undefined {
  for (let v = version - 1; v >= 1; v--) if (existsSync(`${cachedBase}-seed${v}`) && UPGRADES[v]) return { dir: `${cachedBase}-seed${v}`, version: v };
  return undefined;
}

/**
 * Upgrades `older` to `version` (each step in turn) with `open` giving repositories over it (the
 * caller opens SQLite's file or starts PostgreSQL on its data), then moves it to `target`.
 */
export async function upgradeSeed(
  older: { dir: string; version: number }, version: number, target: string, size: P9Size,
  withRepos: (dir: string, f: (repos: Repositories) => Promise<void>) => Promise<void>, log: (l: string) => void,
): Promise<void> {
  await withRepos(older.dir, async (repos) => {
    for (let v = older.version; v < version; v++) {
      log(`  P9: upgrading the cached ${size.name} seed from version ${v} to ${v + 1}`);
      await UPGRADES[v]!(repos, size);
    }
  });
  renameSync(older.dir, target);
}

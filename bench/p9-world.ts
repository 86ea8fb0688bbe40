import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { openKeys } from '../src/compose/keys.js';
import { openRepositories } from '../src/compose/storage.js';
import { createRefreshSessions } from '../src/domain/sessions/refresh-sessions.js';
import { APP_AUDIENCE } from '../src/http/auth/access-tokens.js';
import { mintAdminToken } from '../src/http/admin/admin-token.js';
import { systemClock } from '../src/shared/clock.js';
import type { Backend } from '../reliability/cluster/cluster-db.js';
import { pgWorldFor, withPgRepos } from './p9-pg-world.js';
import { olderSeed, upgradeSeed } from './p9-seed-upgrade.js';
import type { Repositories } from '../src/compose/repositories.js';
import { seedHospital, type P9Size } from './p9-seed.js';

/** Bump when p9-seed.ts seeds different rows, so cached databases are seeded again. */
const SEED_VERSION = 2;
const CACHE = join(tmpdir(), 'cb-p9-cache');

/** The migrations this checkout ships, by tag, in order. */
function journalTags(backend: Backend): string[] {
  const journal = readFileSync(backend === 'sqlite' ? 'migrations/meta/_journal.json' : 'migrations/pg/meta/_journal.json', 'utf8');
  return (JSON.parse(journal) as { entries: { tag: string }[] }).entries.map((e) => e.tag);
}

/** A cached seed is reusable when the migrations it was seeded under are the first ones this checkout ships. */
function reusable(dir: string, tags: string[]): boolean {
  if (!existsSync(join(dir, 'cb.db')) || !existsSync(join(dir, 'migrations.json'))) return false;
  const seededUnder = JSON.parse(readFileSync(join(dir, 'migrations.json'), 'utf8')) as string[];
  return seededUnder.length <= tags.length && seededUnder.every((t, i) => t === tags[i]);
}

/** Repositories over a cached SQLite seed (migrated forward as the service opens it). */
async function withSqliteRepos(dir: string, f: (repos: Repositories) => Promise<void>): Promise<void> {
  const { repos } = await openRepositories(`file:${join(dir, 'cb.db')}`);
  try {
    await f(repos);
  } finally {
    await repos.close();
  }
}

/** A seeded hospital the service can start on: its env (DATABASE_URL, keys) and how to drop it. */
export interface World {
  env: Record<string, string>;
  seedMs: number;
  cached: boolean;
  close(): Promise<void>;
}

/**
 * Seeds are cached under the temp folder by store, size and seed version, and each run works on a
 * copy (the service writes audit entries and sessions): SQLite's file and key folder, PostgreSQL's
 * data folder (p9-pg-world.ts).
 */
export async function worldFor(backend: Backend, size: P9Size, workDir: string, log: (l: string) => void): Promise<World> {
  const t0 = performance.now();
  const tags = journalTags(backend);
  const cached = join(CACHE, `${backend}-${size.name}-seed${SEED_VERSION}`);
  const older = existsSync(cached) ? undefined : olderSeed(join(CACHE, `${backend}-${size.name}`), SEED_VERSION);
  if (older) await upgradeSeed(older, SEED_VERSION, cached, size, backend === 'postgres' ? withPgRepos : withSqliteRepos, log);
  if (backend === 'postgres') {
    const pg = await pgWorldFor(size, cached, workDir, tags, log);
    return { env: pg.env, seedMs: performance.now() - t0, cached: pg.hit, close: pg.close };
  }
  // Keyed by size and seed version; a seed made under fewer migrations is migrated forward once, here,
  // so a new migration does not cost a fresh seed (the largest takes ~16 minutes) nor a migration per run.
  const hit = reusable(cached, tags);
  if (hit) {
    const { repos } = await openRepositories(`file:${join(cached, 'cb.db')}`);
    await repos.close();
    writeFileSync(join(cached, 'migrations.json'), JSON.stringify(tags));
  } else {
    const building = `${cached}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const env = { DATABASE_URL: `file:${join(building, 'cb.db')}`, KEY_DIR: join(building, 'keys') };
    await seedHospital(loadConfig({ DINGTALK_CLIENT_ID: '', ...env }), size, Date.now(), log);
    writeFileSync(join(building, 'migrations.json'), JSON.stringify(tags));
    rmSync(cached, { recursive: true, force: true });
    renameSync(building, cached);
  }
  const seedMs = performance.now() - t0;
  cpSync(cached, join(workDir, 'db'), { recursive: true });
  const env = { DATABASE_URL: `file:${join(workDir, 'db', 'cb.db')}`, KEY_DIR: join(workDir, 'db', 'keys') };
  return { env, seedMs, cached: hit, close: async () => undefined };
}

/**
 * Bearer tokens for the bench's callers (DingTalk user ids): a login each (a session family, as the
 * sign-in starts one) and tokens signed with the service's session secret, as the sign-in and the
 * console's token route sign them.
 */
export async function callersFor(env: Record<string, string>, users: string[]): Promise<Record<string, { app: string; admin: string; id: string }>> {
  const config = loadConfig({ DINGTALK_CLIENT_ID: '', ...env });
  const { storage, repos } = await openRepositories(config.databaseUrl);
  try {
    const secret = (await openKeys(config, storage)).sessionSecret;
    const sessions = createRefreshSessions({ transaction: repos.transaction, repo: repos.sessions, clock: systemClock, audit: { append: () => 0 } });
    const out: Record<string, { app: string; admin: string; id: string }> = {};
    for (const u of users) {
      const c = await repos.directory.findByDingTalkId(u);
      if (!c) throw new Error(`P9: ${u} is not in the directory`);
      const { familyId } = await sessions.start(c.id);
      out[u] = {
        id: c.id,
        app: await mintAdminToken(secret, c.id, familyId, { aud: APP_AUDIENCE, expiresIn: '2h' }),
        admin: await mintAdminToken(secret, c.id, familyId, { expiresIn: '2h' }),
      };
    }
    return out;
  } finally {
    await repos.close();
  }
}

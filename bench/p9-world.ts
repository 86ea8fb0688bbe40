import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { openKeys } from '../src/compose/keys.js';
import { openRepositories } from '../src/compose/storage.js';
import { createRefreshSessions } from '../src/domain/sessions/refresh-sessions.js';
import { APP_AUDIENCE } from '../src/http/auth/access-tokens.js';
import { mintAdminToken } from '../src/http/admin/admin-token.js';
import { systemClock } from '../src/shared/clock.js';
import { provisionDb, type Backend } from '../reliability/cluster/cluster-db.js';
import { sharedKeyEnv } from '../test/helpers/shared-key-env.js';
import { seedHospital, type P9Size } from './p9-seed.js';

/** Bump when p9-seed.ts seeds different rows, so cached databases are seeded again. */
const SEED_VERSION = 2;
const CACHE = join(tmpdir(), 'cb-p9-cache');

/** The schema a cached database was seeded under: the migrations this checkout ships (count and a hash of their journal). */
function schemaVersion(backend: Backend): string {
  const journal = readFileSync(backend === 'sqlite' ? 'migrations/meta/_journal.json' : 'migrations/pg/meta/_journal.json', 'utf8');
  const entries = (JSON.parse(journal) as { entries: unknown[] }).entries.length;
  return `${entries}-${createHash('sha256').update(journal).digest('hex').slice(0, 8)}`;
}

/** A seeded hospital the service can start on: its env (DATABASE_URL, keys) and how to drop it. */
export interface World {
  env: Record<string, string>;
  seedMs: number;
  cached: boolean;
  close(): Promise<void>;
}

/**
 * SQLite: the seeded file and key folder are cached under the temp folder by size, schema and seed
 * version, and each run works on a copy (the service writes audit entries and sessions). PostgreSQL:
 * a throwaway server (as P8 and `test:pg` start one) seeded on every run.
 */
export async function worldFor(backend: Backend, size: P9Size, workDir: string, log: (l: string) => void): Promise<World> {
  const t0 = performance.now();
  if (backend === 'postgres') {
    const db = await provisionDb('postgres', workDir);
    const env = { DATABASE_URL: db.url, ...sharedKeyEnv() };
    await seedHospital(loadConfig({ DINGTALK_CLIENT_ID: '', ...env }), size, Date.now(), log);
    return { env, seedMs: performance.now() - t0, cached: false, close: () => db.close() };
  }
  const cached = join(CACHE, `sqlite-${size.name}-schema${schemaVersion('sqlite')}-seed${SEED_VERSION}`);
  const hit = existsSync(join(cached, 'cb.db'));
  if (!hit) {
    const building = `${cached}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const env = { DATABASE_URL: `file:${join(building, 'cb.db')}`, KEY_DIR: join(building, 'keys') };
    await seedHospital(loadConfig({ DINGTALK_CLIENT_ID: '', ...env }), size, Date.now(), log);
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

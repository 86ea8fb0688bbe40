import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { openRepositories } from '../src/compose/storage.js';
import type { Repositories } from '../src/compose/repositories.js';
import { createDatabase, databaseUrl, findPgBin, handToPostgres, startPgCluster } from '../test/helpers/pg-cluster.js';
import { sharedKeyEnv } from '../test/helpers/shared-key-env.js';
import { seedHospital, type P9Size } from './p9-seed.js';

/** What a cached PostgreSQL seed keeps beside its data folder: the keys it was sealed with and its migrations. */
interface Seeded {
  keys: Record<string, string>;
  migrations: string[];
}

const DB = 'cb_p9';

/**
 * PostgreSQL for P9: the seeded cluster's data folder is cached (stopped cleanly) under `cached` and
 * each run starts a server on a copy of it, migrated forward once when this checkout ships more
 * migrations than it was seeded under. Seeding the largest size takes far longer than copying it.
 */
export async function pgWorldFor(
  size: P9Size, cached: string, workDir: string, tags: string[], log: (l: string) => void,
): Promise<{ env: Record<string, string>; hit: boolean; close(): Promise<void> }> {
  const bin = findPgBin();
  if (!bin) throw new Error('P9: no PostgreSQL binaries here (apt-get install postgresql-15, or set PG_BIN)');
  const meta = join(cached, 'seeded.json');
  const seeded = existsSync(meta) ? (JSON.parse(readFileSync(meta, 'utf8')) as Seeded) : undefined;
  const hit = !!seeded && seeded.migrations.length <= tags.length && seeded.migrations.every((t, i) => t === tags[i]);
  if (!hit) {
    const building = `${cached}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    handToPostgres(building);
    const server = await startPgCluster(bin, { data: join(building, 'data') });
    try {
      const keys = sharedKeyEnv();
      const url = await createDatabase(server.adminUrl, DB);
      await seedHospital(loadConfig({ DINGTALK_CLIENT_ID: '', DATABASE_URL: url, ...keys }), size, Date.now(), log);
      writeFileSync(join(building, 'seeded.json'), JSON.stringify({ keys, migrations: tags } satisfies Seeded), { mode: 0o600 });
    } finally {
      server.stop();
    }
    rmSync(cached, { recursive: true, force: true });
    renameSync(building, cached);
  }
  if (hit && seeded!.migrations.length < tags.length) {
    // This checkout ships more migrations than the seed was made under: migrate the cache forward once.
    await withPgRepos(cached, async () => undefined);
    writeFileSync(meta, JSON.stringify({ ...seeded!, migrations: tags } satisfies Seeded), { mode: 0o600 });
    log('  P9: the cached seed was migrated forward');
  }
  const copy = join(workDir, 'pg');
  chmodSync(workDir, 0o711); // the server runs as `postgres`: it must reach the copy
  mkdirSync(copy, { recursive: true });
  handToPostgres(copy);
  execFileSync('cp', ['-a', join(cached, 'data'), join(copy, 'data')]);
  const server = await startPgCluster(bin, { data: join(copy, 'data') });
  const { keys } = JSON.parse(readFileSync(meta, 'utf8')) as Seeded;
  return { env: { DATABASE_URL: databaseUrl(server.adminUrl, DB), ...keys }, hit, close: async () => server.stop() };
}

/** Repositories over a cached PostgreSQL seed's data folder (a server started on it, migrated forward, stopped cleanly). */
export async function withPgRepos(dir: string, f: (repos: Repositories) => Promise<void>): Promise<void> {
  const bin = findPgBin();
  if (!bin) throw new Error('P9: no PostgreSQL binaries here');
  const server = await startPgCluster(bin, { data: join(dir, 'data') });
  try {
    const { repos } = await openRepositories(databaseUrl(server.adminUrl, DB));
    try {
      await f(repos);
    } finally {
      await repos.close();
    }
  } finally {
    server.stop();
  }
}

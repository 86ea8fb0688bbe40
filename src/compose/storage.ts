import { openStorage, type Storage } from '../db/client.js';
import type { Repositories } from './repositories.js';
import { pgRepositories } from './repositories-pg.js';
import { sqliteRepositories } from './repositories-sqlite.js';

/** The repository bundle over an opened store. */
export function repositoriesFor(storage: Storage): Repositories {
  return storage.kind === 'sqlite' ? sqliteRepositories(storage.handle) : pgRepositories(storage.handle);
}

/** Opens DATABASE_URL (migrating it) and builds its repositories: what the service and the CLIs start from. */
export async function openRepositories(databaseUrl: string): Promise<{ storage: Storage; repos: Repositories }> {
  const storage = await openStorage(databaseUrl);
  return { storage, repos: repositoriesFor(storage) };
}
